import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, isValidCreditCode, normaliseCreditCode } from "./credit-code.ts";

describe("统一社会信用代码 check character (GB 32100-2015)", () => {
  it("accepts published codes whose check character is right", () => {
    // The sample of the standard's explanatory material and two registered companies' codes.
    for (const code of ["91350100M000100Y43", "91110000802100433B", "914403001922038216"]) {
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it("computes the check character from the first 17 characters, 31 → 0", () => {
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
    expect(creditCodeCheckCharacter("11999900MB0000001")).toBe("K");
    expect(creditCodeCheckCharacter("11999900MB0000010")).toBe("H");
    expect(creditCodeCheckCharacter("11999900MB0000028")).toBe("B");
    // Σ ≡ 0 (mod 31) gives 31 − 0 = 31, which is written as 0: seventeen zeros sum to 0.
    expect(creditCodeCheckCharacter("00000000000000000")).toBe("0");
  });

  it("rejects a wrong check character, a wrong length and characters outside the set", () => {
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y433")).toBe(false);
    expect(isValidCreditCode("")).toBe(false);
    // I, O, S, V and Z are not in the set; lower case is not either (normalise first).
    expect(isValidCreditCode("91350100I000100Y43")).toBe(false);
    expect(isValidCreditCode("91350100O000100Y43")).toBe(false);
    expect(isValidCreditCode("91350100m000100Y43")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y4３")).toBe(false);
    expect(creditCodeCheckCharacter("9135010OM000100Y4")).toBeNull();
  });

  it("normalises what a person types: trimmed, upper case", () => {
    expect(normaliseCreditCode(" 91350100m000100y43 ")).toBe("91350100M000100Y43");
    expect(isValidCreditCode(normaliseCreditCode(" 91350100m000100y43 "))).toBe(true);
  });
});
