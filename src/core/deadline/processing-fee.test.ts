import { describe, expect, it } from "vitest";
import { DeadlineError } from "./deadline-error.ts";
import { feePerItem, feePerVolume, itemRate, requestFee } from "./processing-fee.ts";

describe("processing fee (国办函〔2020〕109号)", () => {
  it("R-FEE-1 per item, progressive bands at 10/11/30/31/40/41 items", () => {
    expect([10, 11, 30, 31, 40, 41, 50, 51].map(feePerItem)).toEqual([
      0, 100, 2000, 2200, 4000, 4300, 7000, 7400,
    ]);
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(itemRate)).toEqual([
      0, 0, 100, 100, 200, 200, 300, 300, 400,
    ]);
  });

  it("R-FEE-2 per volume, progressive bands at 30/31/100/101/200/201 pages", () => {
    expect([0, 30, 31, 100, 101, 200, 201].map(feePerVolume)).toEqual([0, 0, 10, 700, 720, 2700, 2740]);
  });

  it("R-FEE-1 one request priced by the items it adds to the applicant's month (26–35: 5×100 + 5×200)", () => {
    const fee = requestFee({ method: "item", itemsBefore: 25, items: 10 });
    expect(fee.rule).toBe("R-FEE-1");
    expect(fee.yuan).toBe(1500);
    expect(fee.yuan).toBe(feePerItem(35) - feePerItem(25));
    expect(fee.bands.map((b) => [b.from, b.to, b.rate])).toEqual([
      [26, 30, 100],
      [31, 35, 200],
    ]);
  });

  it("R-FEE-2 one request priced by its pages, bands listed for the fee notice", () => {
    const fee = requestFee({ method: "volume", pages: 150 });
    expect([fee.rule, fee.yuan]).toEqual(["R-FEE-2", 700 + 1000]);
    expect(fee.bands.map((b) => b.amount)).toEqual([700, 1000]);
  });

  it("R-42-1 counts must be non-negative integers", () => {
    expect(() => feePerItem(-1)).toThrow(DeadlineError);
    expect(() => feePerVolume(2.5)).toThrow("页数应为不小于 0 的整数");
  });
});
