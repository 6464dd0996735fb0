import { describe, expect, it } from "vitest";
import {
  assertPasswordPolicy,
  generateTemporaryPassword,
  hashPassword,
  meetsPasswordPolicy,
  verifyAgainstDummyHash,
  verifyPassword,
} from "./password-hashing.ts";

describe("password hashing", () => {
  it("hashes with argon2id, salted, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse 42");
    const b = await hashPassword("correct horse 42");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse 42")).toBe(true);
    expect(await verifyPassword(a, "correct horse 43")).toBe(false);
  });

  it("treats a malformed hash as no match instead of failing", async () => {
    expect(await verifyPassword("not-a-hash", "whatever123")).toBe(false);
  });

  it("verifies against the dummy hash and always refuses", async () => {
    expect(await verifyAgainstDummyHash("anything123")).toBe(false);
  });

  it("accepts 10+ characters with letters and digits, and refuses the rest with WEAK_PASSWORD", () => {
    expect(meetsPasswordPolicy("abcdefghi1")).toBe(true);
    expect(meetsPasswordPolicy("密码密码密码密码密码1")).toBe(true);
    for (const weak of ["abcdefgh1", "abcdefghijk", "12345678901", "", "a1".repeat(200)]) {
      expect(meetsPasswordPolicy(weak)).toBe(false);
      expect(() => assertPasswordPolicy(weak)).toThrow(expect.objectContaining({ code: "WEAK_PASSWORD" }));
    }
  });

  it("generates readable temporary passwords that satisfy the policy and differ", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
      expect(password).not.toMatch(/[01lIoO]/);
      expect(meetsPasswordPolicy(password)).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
