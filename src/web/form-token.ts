/**
 * The one token scheme of the anonymous public forms (no session, so no session CSRF token): the message
 * board, an agency's request form and the status look-up.
 *
 * A token is `issued.random.mac`: the moment the server rendered the form, 9 random bytes, and an
 * HMAC-SHA256 with the installation's key over the form's purpose, an optional binding and both parts. A post
 * must bring a token this server made for the same form — a page elsewhere cannot forge one — whose age lies
 * within the form's limits: not older than its lifetime (a stale page, or a token harvested for replay), not
 * younger than a person needs to fill the form (a bot posting at once; a negative minimum tolerates clock skew
 * between servers instead).
 *
 * The binding ties a token to one browser (signed double-submit cookie): the form page sets a random nonce in
 * an HttpOnly, SameSite=Lax cookie and binds the token to it, so a token an attacker fetched for himself is
 * bound to his own nonce, which the victim's browser does not send. As a second line, a post whose Origin
 * header (or Sec-Fetch-Site) names another site is refused (`fromThisSite`). Everything works without
 * JavaScript: cookies and hidden fields only.
 *
 * A token's id (issue time and random part) lets a form spend it once (the message board records spent ids).
 */
import { type BinaryLike, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** How a posted token checks out. */
export type FormTokenCheck = "ok" | "invalid" | "expired" | "too-fast";

/** Limits of a form token's age. */
export interface FormTokenLimits {
  /** Fewer milliseconds than this between rendering and posting: a bot (negative: tolerated clock skew). */
  readonly minAgeMs: number;
  /** More milliseconds than this: the page is stale. */
  readonly maxAgeMs: number;
}

/** A short form a person fills in minutes (the message board): at least 3 seconds, at most 2 hours. */
export const HUMAN_PACE_LIMITS: FormTokenLimits = { minAgeMs: 3_000, maxAgeMs: 2 * 60 * 60 * 1000 };

/** A long form that may stay open for hours (request form, look-up): a minute of clock skew, at most a day. */
export const LONG_FORM_LIMITS: FormTokenLimits = { minAgeMs: -60_000, maxAgeMs: 24 * 60 * 60 * 1000 };

/** Options of a token check: the limits of the form and the binding the token must have been issued with. */
export interface FormTokenOptions {
  readonly limits: FormTokenLimits;
  /** The browser's form nonce when the form binds its tokens to one (see `ensureFormNonce`). */
  readonly binding?: string;
}

/** The signature of a token's parts for one purpose and binding (a token of one form is no good for another). */
function signature(
  key: BinaryLike,
  purpose: string,
  binding: string,
  issued: string,
  random: string,
): string {
  return createHmac("sha256", key)
    .update(["form", purpose, binding, issued, random].join("|"))
    .digest("base64url");
}

/** A new token for a form of `purpose`, rendered at `now`, optionally bound to the browser's form nonce. */
export function issueFormToken(key: BinaryLike, purpose: string, now: Date, binding = ""): string {
  const issued = String(now.getTime());
  const random = randomBytes(9).toString("base64url");
  return `${issued}.${random}.${signature(key, purpose, binding, issued, random)}`;
}

/** The shape of a token: issue time, random part, signature. */
const TOKEN_SHAPE = /^(\d{1,16})\.([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/;

/** Checks a posted token of a form of `purpose` at `now` against the form's limits and binding. */
export function verifyFormToken(
  key: BinaryLike,
  purpose: string,
  token: unknown,
  now: Date,
  options: FormTokenOptions,
): FormTokenCheck {
  if (typeof token !== "string" || token.length > 200) return "invalid";
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return "invalid";
  const [, issued = "", random = "", mac = ""] = match;
  const expected = Buffer.from(signature(key, purpose, options.binding ?? "", issued, random));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const age = now.getTime() - Number(issued);
  if (age > options.limits.maxAgeMs) return "expired";
  if (age < options.limits.minAgeMs) return "too-fast";
  return "ok";
}

/** What identifies a token once spent: its id (issue time and random part) and when it expires anyway. */
export interface FormTokenUse {
  readonly id: string;
  readonly expiresAt: Date;
}

/** The id and expiry of a well-formed token (call after verifyFormToken said "ok"), else undefined. */
export function formTokenUse(token: unknown, limits: FormTokenLimits): FormTokenUse | undefined {
  if (typeof token !== "string") return undefined;
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return undefined;
  return { id: `${match[1]}.${match[2]}`, expiresAt: new Date(Number(match[1]) + limits.maxAgeMs) };
}

/** The cookie that carries the browser's form nonce. */
export const FORM_NONCE_COOKIE = "gk_form";

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
