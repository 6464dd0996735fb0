/**
 * Protection of the anonymous public forms (online request form, status look-up) against cross-site request
 * forgery, and the short-lived download links of issued letters.
 *
 * The site's CSRF protection is bound to a login session, and these forms are used by people without one.
 * They use the signed double-submit cookie pattern instead:
 * - The form page sets a random nonce in an HttpOnly, SameSite=Lax cookie (kept if the browser already has
 *   one) and puts into a hidden field a token = issue time + HMAC-SHA256(installation key, purpose, nonce,
 *   issue time). The installation key is random, stored in the database and never leaves the server.
 * - A submission is accepted only when the token's signature matches the nonce of the cookie that came with
 *   it, for the same purpose (the agency's form, or the status look-up), and the token is at most a day old.
 * A page on another site cannot read the cookie or the token, and a token the attacker fetched for himself is
 * bound to his own nonce, which the victim's browser does not send; SameSite=Lax keeps the cookie off
 * cross-site POSTs in the first place. As a second line, a request whose Origin header (or Sec-Fetch-Site)
 * names another site is refused. Everything works without JavaScript: cookies and hidden fields only.
 *
 * The hidden idempotency key of the request form is turned into the key the intake stores with an HMAC over
 * the nonce too, so a leaked form key alone can never replay someone else's confirmation page.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The cookie that carries the form nonce. */
export const FORM_NONCE_COOKIE = "gk_form";

/** How long a form token is accepted: one day (a long form may stay open for hours). */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

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

/** The nonce of the request's cookie when well-formed. */
export function formNonceOf(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[FORM_NONCE_COOKIE];
  return typeof value === "string" && /^[A-Za-z0-9_-]{24}$/.test(value) ? value : undefined;
}

/** The request's nonce, or a new one set as a cookie on the reply (HttpOnly, SameSite=Lax, browser session). */
export function ensureFormNonce(request: FastifyRequest, reply: FastifyReply): string {
  const existing = formNonceOf(request);
  if (existing) return existing;
  const nonce = randomBytes(18).toString("base64url");
  reply.setCookie(FORM_NONCE_COOKIE, nonce, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: request.protocol === "https",
  });
  return nonce;
}

/** A token for one form purpose ("apply:7", "status"), bound to the nonce. */
export function issueFormToken(key: Buffer, purpose: string, nonce: string, now: Date): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${sign(key, ["form", purpose, nonce, issuedAt])}`;
}

/** Whether a submitted token is valid for the purpose and the cookie's nonce at `now`. */
export function verifyFormToken(
  key: Buffer,
  purpose: string,
  nonce: string | undefined,
  token: string | undefined,
  now: Date,
): boolean {
  if (!nonce || !token) return false;
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const age = now.getTime() - issuedAt;
  // A minute of clock skew between servers is tolerated; older than a day is refused.
  if (age < -60_000 || age > FORM_TOKEN_MAX_AGE_MS) return false;
  return sameSignature(match[2] ?? "", sign(key, ["form", purpose, nonce, issuedAt]));
}

/** False when the browser says the submission came from another site (Sec-Fetch-Site or Origin). */
export function fromThisSite(request: FastifyRequest): boolean {
  if (request.headers["sec-fetch-site"] === "cross-site") return false;
  const origin = request.headers.origin;
  if (typeof origin !== "string" || origin === "" || origin === "null") return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
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
