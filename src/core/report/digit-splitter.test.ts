import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consensus, enumerateSplits } from "./digit-splitter.ts";

const rowSum = (v: readonly number[]): boolean => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];

describe("enumerateSplits", () => {
  it("C-3 splits Pingtan's 713000074 into 71,3,0,0,0,0,74 only", () => {
    expect(enumerateSplits(["713000074"], 7, rowSum)).toEqual([[71, 3, 0, 0, 0, 0, 74]]);
  });

  it("C-3 splits the README's example 640020470 into 64,0,0,2,0,4,70", () => {
    expect(enumerateSplits(["640020470"], 7, rowSum)).toContainEqual([64, 0, 0, 2, 0, 4, 70]);
  });

  it("never makes a part with a leading zero", () => {
    const all = enumerateSplits(["1005"], 2, () => true);
    expect(all).toEqual([[100, 5]]);
  });

  it("reads a blank run as 0 and keeps runs in order", () => {
    expect(enumerateSplits(["3", "", "12"], 4, () => true)).toEqual([[3, 0, 1, 2]]);
  });

  it("finds nothing when there are fewer digits than parts", () => {
    expect(enumerateSplits(["12"], 3, () => true)).toEqual([]);
  });

  it("lists every split when no rule chooses (table 二 has none)", () => {
    const splits = enumerateSplits(["8855698"], 3, () => true);
    expect(splits).not.toBe("too-many");
    expect((splits as number[][]).length).toBe(15);
    expect(splits).toContainEqual([88, 5, 5698]);
    expect(splits).toContainEqual([88, 55, 698]);
  });

  it("says too-many instead of running away", () => {
    expect(enumerateSplits(["1".repeat(40)], 15, () => true, 10)).toBe("too-many");
  });

  it("property: the numbers that were run together are always among the splits", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2000 }), { minLength: 6, maxLength: 6 }), (six) => {
        const row = [...six, six.reduce((a, b) => a + b, 0)];
        const splits = enumerateSplits([row.join("")], 7, rowSum);
        expect(splits).not.toBe("too-many");
        expect(splits).toContainEqual(row);
      }),
      { numRuns: 300 },
    );
  });
});

describe("consensus", () => {
  it("keeps the cells all solutions agree on and nulls the others", () => {
    expect(
      consensus([
        [1, 2, 3],
        [1, 5, 3],
      ]),
    ).toEqual([1, null, 3]);
  });
});
