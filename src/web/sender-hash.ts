/**
 * The stored key of an anonymous sender's address, shared by every per-address limit (request form, audit):
 * an HMAC with the installation secret, so the address itself is never kept.
 */
import { createHmac } from "node:crypto";

/** The stored key of a sender address: an HMAC with the installation secret (the address itself is not kept). */
export function senderHashOf(secret: string, ip: string): string {
  return createHmac("sha256", secret).update(`form-sender|${ip}`).digest("hex");
}
