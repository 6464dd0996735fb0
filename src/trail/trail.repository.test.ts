import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { appendTrail, verifyTrail } from "./trail.repository.ts";

describe.each(testDialects())("audit trail on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  async function seed(db: TestDatabase, n: number) {
    for (let i = 1; i <= n; i++) {
      await db.db.transaction().execute((trx) =>
        appendTrail(trx, db.dialect, {
          actorUserId: 1,
          actorName: "管理员",
          actorRole: "system_admin",
          agencyId: 1,
          action: "agency.update",
          entityType: "agency",
          entityId: i,
          before: { name: `旧${i}` },
          after: { name: `新${i}` },
          ip: "127.0.0.1",
        }),
      );
    }
  }

  it("verifies an intact chain", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 5);
    expect(await verifyTrail(database.db)).toEqual({ ok: true, checked: 5 });
  });

  it("names the first broken entry when a row is edited directly in the database", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 5);
    await sql`update trail set after_json = '{"name":"篡改"}' where seq = 3`.execute(database.db);
    const result = await verifyTrail(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(3);
    expect(result.checked).toBe(2);
  });

  it("detects a deleted entry at its successor", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 4);
    await sql`delete from trail where seq = 2`.execute(database.db);
    expect((await verifyTrail(database.db)).firstBroken?.seq).toBe(3);
  });

  it("keeps one chain under concurrent appends", async () => {
    database = await createTestDatabase(dialect);
    const db = database;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.db.transaction().execute((trx) =>
          appendTrail(trx, db.dialect, {
            actorUserId: null,
            actorName: "系统",
            actorRole: "system",
            agencyId: null,
            action: "test",
            entityType: "test",
            entityId: i,
            ip: "127.0.0.1",
          }),
        ),
      ),
    );
    expect(await verifyTrail(db.db)).toEqual({ ok: true, checked: 20 });
  });
});
