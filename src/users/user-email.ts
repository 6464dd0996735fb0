/**
 * A user's e-mail address (where reminders go): trimmed, "" to clear it, else one plain address of at most
 * 254 characters; anything else is 400 INVALID_INPUT.
 */
import { DomainError } from "../core/domain-error.ts";

/** Longest address (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** One local part, "@", a domain with at least one dot; no spaces, quotes, angle brackets or commas. */
const EMAIL_PATTERN = /^[^\s@"<>,;()[\]\\]+@[^\s@"<>,;()[\]\\]+\.[^\s@"<>,;()[\]\\.]+$/;

/** The address as stored ("" clears it); INVALID_INPUT when it is not one plain address. */
export function cleanEmail(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "") return "";
  if (
    trimmed.length > MAX_EMAIL_LENGTH ||
    !EMAIL_PATTERN.test(trimmed) ||
    /[\u0000-\u001f\u007f]/.test(trimmed)
  ) {
    throw new DomainError("INVALID_INPUT", "电子邮箱格式不正确，应为 name@example.gov.cn 形式的一个地址");
  }
  return trimmed;
}
