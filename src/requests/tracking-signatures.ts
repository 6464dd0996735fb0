/**
 * The request pages' other signed values, keyed with the installation's key (the form tokens themselves are
 * the kit's one scheme, src/web/form-token.ts):
 * - the hidden idempotency key of the request form is turned into the key the intake stores with an HMAC over
 *   the browser's form nonce too, so a leaked form key alone can never replay someone else's confirmation page;
 * - the short-lived download links of issued letters on the status page.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a letter download link works: 30 minutes. */
export const DOWNLOAD_LINK_MAX_AGE_MS = 30 * 60 * 1000;

/** The two formats of an issued letter. */
export type LetterFormat = "docx" | "pdf";

/** Base64url HMAC-SHA256 of the parts joined by "|". */
function sign(key: Buffer, parts: readonly (string | number)[]): string {
  return createHmac("sha256", key).update(parts.join("|"), "utf8").digest("base64url");
}

/** Constant-time equality of two signatures. */
function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The idempotency key the intake stores for a form: bound to the agency, the browser's nonce and the field. */
export function intakeIdempotencyKey(key: Buffer, agencyId: number, nonce: string, formKey: string): string {
  return `web-${sign(key, ["idempotency", agencyId, nonce, formKey])}`;
}

/** What a download link grants. */
export interface DownloadGrant {
  readonly requestId: number;
  readonly letterId: number;
  readonly format: LetterFormat;
}

/** A download link token for one letter of one request in one format, valid for 30 minutes. */
export function issueDownloadToken(key: Buffer, grant: DownloadGrant, now: Date): string {
  const expires = now.getTime() + DOWNLOAD_LINK_MAX_AGE_MS;
  const { requestId, letterId, format } = grant;
  return `${requestId}.${letterId}.${format}.${expires}.${sign(key, ["download", requestId, letterId, format, expires])}`;
}

/** The grant of a download token, or undefined when it is malformed, forged or expired. */
export function verifyDownloadToken(key: Buffer, token: string, now: Date): DownloadGrant | undefined {
  const match = /^([1-9]\d{0,9})\.([1-9]\d{0,9})\.(docx|pdf)\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, requestId, letterId, format, expires, signature] = match;
  if (Number(expires) < now.getTime()) return undefined;
  const expected = sign(key, [
    "download",
    Number(requestId),
    Number(letterId),
    format ?? "",
    Number(expires),
  ]);
  if (!sameSignature(signature ?? "", expected)) return undefined;
  return { requestId: Number(requestId), letterId: Number(letterId), format: format as LetterFormat };
}
