/**
 * The password policy of the platform (at least 10 characters, letters and digits), as form rules, and a
 * generator of random initial passwords that satisfy it.
 */
import type { FormRule } from "antd";

/** Shortest allowed password. */
export const MIN_PASSWORD_LENGTH = 10;

/** The policy in words, shown next to password fields. */
export const PASSWORD_POLICY_TEXT = "至少 10 位，且须同时包含字母和数字";

/** Form rules enforcing the policy. */
export const PASSWORD_RULES: FormRule[] = [
  { required: true, message: "请输入密码" },
  { min: MIN_PASSWORD_LENGTH, message: `密码至少 ${MIN_PASSWORD_LENGTH} 位` },
  {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== "string" || value === "") return;
      if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) throw new Error("密码须同时包含字母和数字");
    },
  },
];

// Letters and digits that are hard to confuse when read aloud or copied by hand (no 0/O, 1/l/I).
const LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";

/** A random password of 12 characters with letters and digits (crypto.getRandomValues). */
export function generatePassword(length = 12): string {
  const alphabet = LETTERS + DIGITS;
  for (;;) {
    const bytes = new Uint32Array(length);
    crypto.getRandomValues(bytes);
    const password = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}
