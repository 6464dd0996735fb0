import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DOWNLOAD_LINK_MAX_AGE_MS,
  intakeIdempotencyKey,
  issueDownloadToken,
  verifyDownloadToken,
} from "./tracking-signatures.ts";

const key = randomBytes(32);
const nonce = "abcdefghijklmnopqrstuvwx";
const at = new Date("2026-03-02T02:00:00Z");
const later = (ms: number) => new Date(at.getTime() + ms);

describe("the request form's idempotency key", () => {
  it("binds the intake's idempotency key to the browser's nonce and the agency", () => {
    const base = intakeIdempotencyKey(key, 7, nonce, "form-key");
    expect(intakeIdempotencyKey(key, 7, nonce, "form-key")).toBe(base);
    expect(intakeIdempotencyKey(key, 7, "xwvutsrqponmlkjihgfedcba", "form-key")).not.toBe(base);
    expect(intakeIdempotencyKey(key, 8, nonce, "form-key")).not.toBe(base);
    expect(intakeIdempotencyKey(key, 7, nonce, "other-key")).not.toBe(base);
  });
});

describe("letter download links", () => {
  const grant = { requestId: 12, letterId: 34, format: "pdf" as const };

  it("grant exactly one letter of one request in one format for 30 minutes", () => {
    const token = issueDownloadToken(key, grant, at);
    expect(verifyDownloadToken(key, token, at)).toEqual(grant);
    expect(verifyDownloadToken(key, token, later(DOWNLOAD_LINK_MAX_AGE_MS))).toEqual(grant);
    expect(verifyDownloadToken(key, token, later(DOWNLOAD_LINK_MAX_AGE_MS + 1))).toBeUndefined();
  });

  it("cannot be altered to reach another letter, request or format, nor forged", () => {
    const token = issueDownloadToken(key, grant, at);
    expect(verifyDownloadToken(key, token.replace("12.34.", "13.34."), at)).toBeUndefined();
    expect(verifyDownloadToken(key, token.replace("12.34.", "12.35."), at)).toBeUndefined();
    expect(verifyDownloadToken(key, token.replace(".pdf.", ".docx."), at)).toBeUndefined();
    expect(verifyDownloadToken(randomBytes(32), token, at)).toBeUndefined();
    expect(verifyDownloadToken(key, "12.34.pdf", at)).toBeUndefined();
  });
});
