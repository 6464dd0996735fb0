/**
 * Tracking numbers and verification codes of requests: `YSQ{YYYY}{agencyId:4}{serial:5}`, and a 6-digit code
 * derived as an HMAC of the tracking number with the installation's secret (kept in the settings table), so
 * that an idempotent replay of the online form can show the same code again. Only its SHA-256 is stored.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { installationSecret } from "../db/installation-secret.repository.ts";
import type { Schema } from "../db/schema.ts";

/** The installation secret, the key of the verification codes' HMAC. */
export async function verificationSecret(db: Kysely<Schema> | Transaction<Schema>): Promise<string> {
  return installationSecret(db);
}

/** The tracking-number prefix of an agency's requests in a year. */
export function trackingPrefix(year: number, agencyId: number): string {
  return `YSQ${year}${String(agencyId).padStart(4, "0")}`;
}

/** The tracking number after the last one with the prefix (serial 00001 first). */
export function nextTrackingNo(prefix: string, last: string | undefined): string {
  const serial = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(serial).padStart(5, "0")}`;
}

/** The 6-digit verification code of a tracking number. */
export function verificationCodeOf(secret: string, trackingNo: string): string {
  const mac = createHmac("sha256", secret).update(trackingNo).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, "0");
}

/** The SHA-256 (hex) of a code, as stored in requests.verify_hash. */
export function hashCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/** Whether a code matches a stored hash (constant-time comparison). */
export function codeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(code), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
