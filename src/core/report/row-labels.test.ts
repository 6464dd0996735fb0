import { describe, expect, it } from "vitest";
import {
  APPLICATION_ROW_LABELS,
  APPLICATIONS_TABLE_START,
  FORMAT_2019_MARKERS,
  FORMAT_2021_MARKERS,
  OTHER_HANDLING_2019,
  PROACTIVE_ROW_LABELS,
  PROACTIVE_TABLE_START,
  REVIEW_TABLE_START,
} from "./row-labels.ts";
import { spaced } from "./text-stream.ts";

const ALL_PATTERNS: readonly [string, RegExp][] = [
  ...APPLICATION_ROW_LABELS.map((l): [string, RegExp] => [l.key, l.pattern]),
  ...PROACTIVE_ROW_LABELS.map((l): [string, RegExp] => [l.key, l.pattern]),
  ["OTHER_HANDLING_2019", OTHER_HANDLING_2019],
  ["PROACTIVE_TABLE_START", PROACTIVE_TABLE_START],
  ["APPLICATIONS_TABLE_START", APPLICATIONS_TABLE_START],
  ["REVIEW_TABLE_START", REVIEW_TABLE_START],
  ["FORMAT_2019_MARKERS", FORMAT_2019_MARKERS],
  ["FORMAT_2021_MARKERS", FORMAT_2021_MARKERS],
];

/**
 * Two free whitespace runs with only an optional atom between ("\s*、?\s*", "\s*(?:x)?\s*"): a long run of
 * spaces there can be shared between them in as many ways as it is long, at every start — quadratic.
 */
const SHARED_WHITESPACE = /\\s\*(?:\[[^\]]*\]|\(\?:[^()]*\)|\\.|[^\\[(])\?\\s\*/;

/** The first match of a global pattern in a text, from the start. */
function firstIndex(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return re.exec(text)?.index ?? -1;
}

describe("row labels: linear-time patterns", () => {
  it("the check finds the shape it forbids", () => {
    expect(SHARED_WHITESPACE.test(String.raw`正\s*[、，,]?\s*行`)).toBe(true);
    expect(SHARED_WHITESPACE.test(String.raw`条\s*第?\s*[（(]`)).toBe(true);
    expect(SHARED_WHITESPACE.test(String.raw`正\s*(?:[、，,]\s*)?行`)).toBe(false);
  });

  for (const [name, re] of ALL_PATTERNS) {
    it(`${name} has no two whitespace runs around an optional atom`, () => {
      expect(re.source).not.toMatch(SHARED_WHITESPACE);
    });
  }

  it("spaced() gives optional characters the whitespace after them", () => {
    expect(spaced("正、行")).toBe(String.raw`正\s*(?:[、，,]\s*)?行`);
    expect(new RegExp(spaced("不补正、行政")).test("不补正 \n 行政")).toBe(true);
    expect(new RegExp(spaced("不补正、行政")).test("不补正 、 行政")).toBe(true);
    expect(new RegExp(spaced("危及“三安全”")).exec("危及 “ 三安全 ” 。")?.[0]).toBe("危及 “ 三安全 ”");
  });

  it("labels still match across spaces, line breaks and missing punctuation", () => {
    const noSupplement = APPLICATION_ROW_LABELS[20]?.pattern ?? /$^/;
    expect(
      firstIndex(noSupplement, "x 1. 申请人无正当理由逾期 不补正\n行政机关不再处理其政府信息公开申请\t0"),
    ).toBe(2);
    expect(firstIndex(REVIEW_TABLE_START, "四、行政 法 复议 和 行政诉讼情况")).toBe(2);
    expect(firstIndex(PROACTIVE_TABLE_START, "第二十条 第 （一）项")).toBe(0);
    expect(firstIndex(PROACTIVE_TABLE_START, "第二十条（五）项")).toBe(0);
  });

  it("a label head followed by 100k spaces and no tail is found once, as the head", () => {
    const text = `3.危及${" ".repeat(100_000)}。不补正${" ".repeat(100_000)}。`;
    const security = APPLICATION_ROW_LABELS[6]?.pattern ?? /$^/;
    security.lastIndex = 0;
    const m = security.exec(text);
    expect(m?.index).toBe(0);
    expect(m?.[0].trim()).toBe("3.危及");
    expect(firstIndex(REVIEW_TABLE_START, `行政${" ".repeat(100_000)}复议${" ".repeat(100_000)}。`)).toBe(-1);
  });
});
