import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenToWanYuan, formatYuan, parseYuan } from "./fee-amounts.ts";

describe("行政事业性收费 amounts, exact in 分", () => {
  it("the sample's 1014.5589 万元 comes out exactly from amounts that floating point would not add exactly", () => {
    const amounts = ["3000000.10", "2000000.20", "5145588.70"];
    const fen = amounts.map((a) => parseYuan(a) as number).reduce((s, n) => s + n, 0);
    expect(fen).toBe(1_014_558_900);
    expect(fenToWanYuan(fen)).toBe("1014.5589");
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it("[P] rounds the 分 to whole 元 half up for the four decimals of 万元", () => {
    expect(fenToWanYuan(49)).toBe("0.0000");
    expect(fenToWanYuan(50)).toBe("0.0001");
    expect(fenToWanYuan(999_950)).toBe("1.0000");
    expect(fenToWanYuan(0)).toBe("0.0000");
  });

  it("parses 元 with up to two decimals and refuses anything else", () => {
    expect(parseYuan("12345.6")).toBe(1_234_560);
    expect(parseYuan(" 7 ")).toBe(700);
    for (const bad of ["", "-1", "1.234", "1,000", "1e3", "abc", "１２"]) expect(parseYuan(bad)).toBeNull();
    expect(formatYuan(1_234_560)).toBe("12345.60");
  });

  it("sums are exact: 万元 of the sum equals the digits of the integer sum", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 11 }), { maxLength: 50 }), (parts) => {
        const fen = parts.reduce((s, n) => s + n, 0);
        const yuan = BigInt(fen + 50) / 100n;
        const expected = `${yuan / 10000n}.${String(yuan % 10000n).padStart(4, "0")}`;
        expect(fenToWanYuan(fen)).toBe(expected);
        expect(parseYuan(formatYuan(fen))).toBe(fen);
      }),
    );
  });
});
