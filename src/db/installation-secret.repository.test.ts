import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installationSecret } from "./installation-secret.repository.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "./test-databases.ts";

describe.each(testDialects())("the installation secret on %s", (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("is 32 random bytes in hex, made once and kept in the settings table", async () => {
    const secret = await installationSecret(database.db);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await installationSecret(database.db)).toBe(secret);
    const row = await database.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "installation_secret")
      .executeTakeFirstOrThrow();
    expect(row.value).toBe(secret);
  });

  it("is the same for concurrent first uses, and differs between installations", async () => {
    const other = await createTestDatabase(dialect);
    try {
      const [a, b, c] = await Promise.all([
        installationSecret(database.db),
        installationSecret(database.db),
        installationSecret(database.db),
      ]);
      expect(new Set([a, b, c]).size).toBe(1);
      expect(await installationSecret(other.db)).not.toBe(a);
    } finally {
      await other.dispose();
    }
  });
});
