/**
 * Tokens of anonymous public forms (no session, so no session CSRF token): the server signs the moment it
 * rendered the form with the installation secret (HMAC-SHA256). A post must bring a token this server made —
 * a page elsewhere cannot forge one — that is neither older than its lifetime (a stale page, or a token
 * harvested for replay) nor younger than a person needs to fill the form (a bot posting at once). Together
 * with a honeypot field and per-sender limits this is the board's anti-spam measure: no image CAPTCHA.
 * A token serves one post: its id (issue time and random part) is recorded when spent, so a harvested token
 * cannot serve hundreds of posts (see the board's service); only the same post may be sent again with it.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** How a posted token checks out. */
export type FormTokenCheck = "ok" | "invalid" | "expired" | "too-fast";

/** Limits of a form token. */
export interface FormTokenLimits {
  /** Fewer milliseconds than this between rendering and posting: a bot. */
  readonly minAgeMs: number;
  /** More milliseconds than this: the page is stale. */
  readonly maxAgeMs: number;
}

/** Defaults: at least 3 seconds to fill in a form, at most 2 hours. */
export const FORM_TOKEN_LIMITS: FormTokenLimits = { minAgeMs: 3_000, maxAgeMs: 2 * 60 * 60 * 1000 };

/** The signature of a token's payload for one purpose (a token of one form is no good for another). */
function signature(secret: string, purpose: string, payload: string): string {
  return createHmac("sha256", secret).update(`${purpose}|${payload}`).digest("base64url");
}

/** A new token for a form of `purpose`, rendered at `now`. */
export function issueFormToken(secret: string, purpose: string, now: Date): string {
  const payload = `${now.getTime()}.${randomBytes(9).toString("base64url")}`;
  return `${payload}.${signature(secret, purpose, payload)}`;
}

/** Checks a posted token of a form of `purpose` at `now`. */
export function checkFormToken(
  secret: string,
  purpose: string,
  token: unknown,
  now: Date,
  limits: FormTokenLimits = FORM_TOKEN_LIMITS,
): FormTokenCheck {
  if (typeof token !== "string" || token.length > 200) return "invalid";
  const parts = token.split(".");
  if (parts.length !== 3) return "invalid";
  const [issued, nonce, mac] = parts as [string, string, string];
  const expected = Buffer.from(signature(secret, purpose, `${issued}.${nonce}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const age = now.getTime() - Number(issued);
  if (!Number.isFinite(age) || age > limits.maxAgeMs) return "expired";
  if (age < limits.minAgeMs) return "too-fast";
  return "ok";
}

/** What identifies a token once spent: its id (issue time and random part) and when it expires anyway. */
export interface FormTokenUse {
  readonly id: string;
  readonly expiresAt: Date;
}

/** The id and expiry of a well-formed token (call after checkFormToken said "ok"), else undefined. */
export function formTokenUse(
  token: unknown,
  limits: FormTokenLimits = FORM_TOKEN_LIMITS,
): FormTokenUse | undefined {
  if (typeof token !== "string") return undefined;
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{12})\.[A-Za-z0-9_-]{43}$/.exec(token);
  if (!match) return undefined;
  return { id: `${match[1]}.${match[2]}`, expiresAt: new Date(Number(match[1]) + limits.maxAgeMs) };
}
