import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fts5Match, hanGrams, highlight, indexTerms, parseQuery, tsqueryText } from "./search-terms.ts";

describe("search terms", () => {
  it("indexes words, Han characters and adjacent pairs once each", () => {
    const terms = indexTerms("周警情", ["期周", "警情"]);
    expect(terms.sort()).toEqual(["周", "周警", "情", "期周", "警", "警情"].sort());
  });

  it("a longer query word matches as itself or by all its pairs; short words are exact terms", () => {
    const q = parseQuery(["周警情", "2022", "警"]);
    expect(q?.words).toEqual([
      { term: "周警情", pairs: ["周警", "警情"] },
      { term: "2022", pairs: [] },
      { term: "警", pairs: [] },
    ]);
    expect(fts5Match(q as NonNullable<typeof q>)).toBe(
      '("周警情" OR ("周警" AND "警情")) AND "2022" AND "警"',
    );
    expect(tsqueryText(q as NonNullable<typeof q>)).toBe("('周警情' | ('周警' & '警情')) & '2022' & '警'");
  });

  it("query syntax characters never reach the engines' query languages", () => {
    expect(parseQuery(['"', "'", "*", "(", "&|!"])).toBeUndefined();
    fc.assert(
      fc.property(fc.array(fc.string()), (words) => {
        const q = parseQuery(words);
        if (!q) return true;
        return q.words.every((w) => /^[\p{L}\p{N}]+$/u.test(w.term));
      }),
    );
  });

  it("every pair of adjacent Han characters of a text is indexed, so any 1- or 2-character substring matches", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."公安局警情通报交通管理") }), (text) => {
        const grams = new Set(hanGrams(text));
        const chars = Array.from(text);
        return chars.every((c, i) => grams.has(c) && (i === 0 || grams.has(`${chars[i - 1]}${c}`)));
      }),
    );
  });

  it("highlight marks each occurrence, longest term first", () => {
    expect(highlight("周警情播报：警情下降", ["警情", "警"])).toEqual([
      { text: "周", hit: false },
      { text: "警情", hit: true },
      { text: "播报：", hit: false },
      { text: "警情", hit: true },
      { text: "下降", hit: false },
    ]);
  });
});
