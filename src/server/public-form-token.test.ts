import { describe, expect, it } from "vitest";
import { checkFormToken, formTokenUse, issueFormToken } from "./public-form-token.ts";

const SECRET = "a".repeat(64);
const at = (ms: number) => new Date(Date.UTC(2022, 2, 1) + ms);

describe("public form tokens", () => {
  it("accepts a token of this form posted after a person's filling time and before it goes stale", () => {
    const token = issueFormToken(SECRET, "message", at(0));
    expect(checkFormToken(SECRET, "message", token, at(60_000))).toBe("ok");
  });

  it("refuses a post made at once, a stale page, another form's token, another secret and garbage", () => {
    const token = issueFormToken(SECRET, "message", at(0));
    expect(checkFormToken(SECRET, "message", token, at(500))).toBe("too-fast");
    expect(checkFormToken(SECRET, "message", token, at(3 * 60 * 60 * 1000))).toBe("expired");
    expect(checkFormToken(SECRET, "request", token, at(60_000))).toBe("invalid");
    expect(checkFormToken("b".repeat(64), "message", token, at(60_000))).toBe("invalid");
    expect(checkFormToken(SECRET, "message", "1.2.3", at(60_000))).toBe("invalid");
    expect(checkFormToken(SECRET, "message", undefined, at(60_000))).toBe("invalid");
    const [issued, nonce, mac] = token.split(".");
    expect(checkFormToken(SECRET, "message", `${Number(issued) - 10_000}.${nonce}.${mac}`, at(60_000))).toBe(
      "invalid",
    );
  });

  it("names a token by its issue time and random part, expiring with it, so it can be spent once", () => {
    const token = issueFormToken(SECRET, "message", at(0));
    const use = formTokenUse(token);
    const [issued, nonce] = token.split(".");
    expect(use).toEqual({ id: `${issued}.${nonce}`, expiresAt: at(2 * 60 * 60 * 1000) });
    expect(formTokenUse(issueFormToken(SECRET, "message", at(0)))?.id).not.toBe(use?.id);
    expect(formTokenUse("1.2.3")).toBeUndefined();
    expect(formTokenUse(undefined)).toBeUndefined();
  });
});
