import { describe, expect, it } from "vitest";
import { checkLetterSignOff, type LetterSignOff } from "./letter-sign-off.ts";

const base: LetterSignOff = { required: true, issuerUserId: 2, issuerIsHead: true, drafterUserId: 1 };

describe("SOD-2 letter sign-off", () => {
  it("SOD-2 on: a head who did not draft the letter signs it", () => {
    expect(() => checkLetterSignOff(base)).not.toThrow();
    expect(() => checkLetterSignOff({ ...base, drafterUserId: null })).not.toThrow();
  });

  it("SOD-2 on: someone who is not a head is refused (403 FORBIDDEN), and so is the system", () => {
    const forbidden = expect.objectContaining({ code: "FORBIDDEN", status: 403 });
    expect(() => checkLetterSignOff({ ...base, issuerIsHead: false })).toThrow(forbidden);
    expect(() => checkLetterSignOff({ ...base, issuerUserId: null })).toThrow(forbidden);
  });

  it("SOD-2 on: the head who drafted the letter is refused (403 SEPARATION_OF_DUTIES)", () => {
    expect(() => checkLetterSignOff({ ...base, issuerUserId: 1 })).toThrow(
      expect.objectContaining({ code: "SEPARATION_OF_DUTIES", status: 403 }),
    );
  });

  it("SOD-2 off: anyone handling the request signs, the drafter included", () => {
    expect(() =>
      checkLetterSignOff({ required: false, issuerUserId: 1, issuerIsHead: false, drafterUserId: 1 }),
    ).not.toThrow();
  });
});
