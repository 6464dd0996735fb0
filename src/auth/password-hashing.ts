/**
 * Passwords: argon2id hashes (OWASP parameters), the password policy (at least 10 characters with letters
 * and digits) and readable temporary passwords for resets.
 */
import { randomInt } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { DomainError } from "../core/domain-error.ts";

/** Argon2id (the ambient const enum cannot be read at run time under isolated modules). */
const ARGON2ID = 2 as Algorithm;

/** Argon2id with 19 MiB of memory, 2 passes, 1 lane (OWASP's recommended minimum). */
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Shortest password the policy accepts. */
export const MIN_PASSWORD_LENGTH = 10;

/** Longest password accepted (hashing is costly; nobody types more). */
export const MAX_PASSWORD_LENGTH = 256;

/** Hashes a password with argon2id (a PHC string, salt included). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** True when the password matches the hash; a malformed hash never matches. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification against a hash nobody knows the password of, so that an unknown
 * username takes as long to refuse as a wrong password; always false.
 */
export async function verifyAgainstDummyHash(password: string): Promise<false> {
  dummyHash ??= hashPassword(generateTemporaryPassword());
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when the password satisfies the policy: 10 to 256 characters, with letters and with digits. */
export function meetsPasswordPolicy(password: string): boolean {
  const length = [...password].length;
  return (
    length >= MIN_PASSWORD_LENGTH &&
    length <= MAX_PASSWORD_LENGTH &&
    /\p{L}/u.test(password) &&
    /\p{Nd}/u.test(password)
  );
}

/** Throws WEAK_PASSWORD unless the password satisfies the policy. */
export function assertPasswordPolicy(password: string): void {
  if (!meetsPasswordPolicy(password)) throw new DomainError("WEAK_PASSWORD");
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied (no 0/O, 1/l/I). */
const READABLE_LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const READABLE_DIGITS = "23456789";

/** A random temporary password of four groups of four readable characters, e.g. "k7Qm-x3Tp-9bWe-Hc4r". */
export function generateTemporaryPassword(): string {
  const alphabet = READABLE_LETTERS + READABLE_DIGITS;
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(""),
    );
    const password = groups.join("-");
    if (meetsPasswordPolicy(password)) return password;
  }
}
