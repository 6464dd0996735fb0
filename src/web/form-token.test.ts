import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type FormTokenCheck,
  formTokenUse,
  HUMAN_PACE_LIMITS,
  issueFormToken,
  LONG_FORM_LIMITS,
  verifyFormToken,
} from "./form-token.ts";

const SECRET = "a".repeat(64);
const at = (ms: number) => new Date(Date.UTC(2022, 2, 1) + ms);
const paced = { limits: HUMAN_PACE_LIMITS };

describe("form tokens at a person's pace (the message board)", () => {
  it("accepts a token of this form posted after a person's filling time and before it goes stale", () => {
    const token = issueFormToken(SECRET, "message", at(0));
    expect(verifyFormToken(SECRET, "message", token, at(60_000), paced)).toBe("ok");
  });

  it("refuses a post made at once, a stale page, another form's token, another secret and garbage", () => {
    const token = issueFormToken(SECRET, "message", at(0));
    expect(verifyFormToken(SECRET, "message", token, at(500), paced)).toBe("too-fast");
    expect(verifyFormToken(SECRET, "message", token, at(3 * 60 * 60 * 1000), paced)).toBe("expired");
    expect(verifyFormToken(SECRET, "request", token, at(60_000), paced)).toBe("invalid");
    expect(verifyFormToken("b".repeat(64), "message", token, at(60_000), paced)).toBe("invalid");
    expect(verifyFormToken(SECRET, "message", "1.2.3", at(60_000), paced)).toBe("invalid");
    expect(verifyFormToken(SECRET, "message", undefined, at(60_000), paced)).toBe("invalid");
    expect(verifyFormToken(SECRET, "message", `${token}x`.repeat(5), at(60_000), paced)).toBe("invalid");
    const [issued, random, mac] = token.split(".");
    expect(
      verifyFormToken(SECRET, "message", `${Number(issued) - 10_000}.${random}.${mac}`, at(60_000), paced),
    ).toBe("invalid");
  });

  it("names a token by its issue time and random part, expiring with it, so it can be spent once", () => {
    const token = issueFormToken(SECRET, "message", at(0));
    const use = formTokenUse(token, HUMAN_PACE_LIMITS);
    const [issued, random] = token.split(".");
    expect(use).toEqual({ id: `${issued}.${random}`, expiresAt: at(2 * 60 * 60 * 1000) });
    expect(formTokenUse(issueFormToken(SECRET, "message", at(0)), HUMAN_PACE_LIMITS)?.id).not.toBe(use?.id);
    expect(formTokenUse("1.2.3", HUMAN_PACE_LIMITS)).toBeUndefined();
    expect(formTokenUse(undefined, HUMAN_PACE_LIMITS)).toBeUndefined();
  });
});

describe("form tokens bound to the browser's nonce (signed double-submit cookie: request form, look-up)", () => {
  const key = randomBytes(32);
  const nonce = "abcdefghijklmnopqrstuvwx";
  const T = new Date("2026-03-02T02:00:00Z");
  const later = (ms: number) => new Date(T.getTime() + ms);
  const check = (purpose: string, binding: string | undefined, token: unknown, now: Date): FormTokenCheck =>
    verifyFormToken(key, purpose, token, now, { limits: LONG_FORM_LIMITS, binding });

  it("accepts its own token with the cookie's nonce for the same form within a day", () => {
    const token = issueFormToken(key, "apply:7", T, nonce);
    expect(check("apply:7", nonce, token, T)).toBe("ok");
    expect(check("apply:7", nonce, token, later(LONG_FORM_LIMITS.maxAgeMs))).toBe("ok");
    expect(check("apply:7", nonce, token, later(-60_000))).toBe("ok");
  });

  it("refuses a token fetched with another nonce (an attacker's own), for another form, or stale", () => {
    const token = issueFormToken(key, "apply:7", T, nonce);
    expect(check("apply:7", "xwvutsrqponmlkjihgfedcba", token, T)).toBe("invalid");
    expect(check("apply:7", undefined, token, T)).toBe("invalid");
    expect(check("apply:8", nonce, token, T)).toBe("invalid");
    expect(check("status", nonce, token, T)).toBe("invalid");
    expect(check("apply:7", nonce, token, later(LONG_FORM_LIMITS.maxAgeMs + 1))).toBe("expired");
    expect(check("apply:7", nonce, token, later(-120_000))).not.toBe("ok");
    expect(
      verifyFormToken(randomBytes(32), "apply:7", token, T, { limits: LONG_FORM_LIMITS, binding: nonce }),
    ).toBe("invalid");
  });

  it("refuses forged, altered and malformed tokens", () => {
    const token = issueFormToken(key, "status", T, nonce);
    const [issued, random, mac] = token.split(".");
    expect(check("status", nonce, `${Number(issued) + 1}.${random}.${mac}`, T)).toBe("invalid");
    expect(check("status", nonce, `${issued}.${random}.${"A".repeat(43)}`, T)).toBe("invalid");
    for (const bad of ["", "x", `${issued}`, `${issued}.${mac}`, `${token}.x`, `-1.${random}.${mac}`]) {
      expect(check("status", nonce, bad, T)).toBe("invalid");
    }
  });

  it("does not accept a token of the board's unbound form for a bound one, nor the reverse", () => {
    const unbound = issueFormToken(key, "status", T);
    const bound = issueFormToken(key, "status", T, nonce);
    expect(check("status", nonce, unbound, later(10_000))).toBe("invalid");
    expect(verifyFormToken(key, "status", bound, later(10_000), paced)).toBe("invalid");
  });
});
