import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { appendTrail, verifyTrail } from "./trail.repository.ts";
import { parseAnchor } from "./trail-anchor.ts";
import { entryHash } from "./trail-chain.ts";
import { exportableAnchor } from "./trail-verify.repository.ts";

describe.each(testDialects())("audit trail on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  async function seed(db: TestDatabase, n: number, from = 1) {
    for (let i = from; i < from + n; i++) {
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

  /** Edits one entry and recomputes its hash and every later hash and link, as someone without the key could. */
  async function rehashFrom(db: TestDatabase, seq: number): Promise<void> {
    await sql`update trail set after_json = '{"name":"篡改"}' where seq = ${seq}`.execute(db.db);
    const rows = await db.db.selectFrom("trail").selectAll().where("seq", ">=", seq).orderBy("seq").execute();
    let prev = (
      await db.db
        .selectFrom("trail")
        .select("hash")
        .where("seq", "=", seq - 1)
        .executeTakeFirst()
    )?.hash;
    for (const row of rows) {
      const hash = entryHash({ ...row, prev_hash: prev ?? "0".repeat(64) });
      await db.db
        .updateTable("trail")
        .set({ prev_hash: prev ?? "0".repeat(64), hash })
        .where("seq", "=", row.seq)
        .execute();
      prev = hash;
    }
  }

  it("verifies an untouched trail as 完整, with a MAC on every entry and a checkpoint at the head", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 5);
    const result = await verifyTrail(database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(5);
    expect(result.firstBroken).toBeUndefined();
    expect(result.anchoredFrom).toBe(1);
    expect(result.keySource).toBe(dialect === "sqlite" ? "key-file" : "installation-secret");
    expect(result.checkpoint).toMatchObject({ seq: 5, count: 5 });
    const macs = await database.db.selectFrom("trail").select("mac").execute();
    expect(macs.every((m) => m.mac !== null && /^[0-9a-f]{64}$/.test(m.mac))).toBe(true);
  });

  it("reports an entry edited in place as 篡改/重算 at its seq", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 5);
    await sql`update trail set after_json = '{"name":"篡改"}' where seq = 3`.execute(database.db);
    const result = await verifyTrail(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 3, kind: "rehash" });
    expect(result.checked).toBe(2);
  });

  it("reports an entry edited with every later hash recomputed (without the key) as 篡改/重算 at that seq", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 6);
    await rehashFrom(database, 3);
    const result = await verifyTrail(database.db);
    expect(result.firstBroken).toMatchObject({ seq: 3, kind: "rehash" });
    expect(result.firstBroken?.reason).toContain("MAC 不符");
    expect(result.checked).toBe(2);
  });

  it("reports a deleted middle entry as 缺号 at the missing seq", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 5);
    await sql`delete from trail where seq = 3`.execute(database.db);
    const result = await verifyTrail(database.db);
    expect(result.firstBroken).toMatchObject({ seq: 3, kind: "gap" });
    expect(result.firstBroken?.reason).toBe("缺号：第 3 条缺失（被删除）");
  });

  it("reports the newest entries deleted as 截断 through the signed checkpoint", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 6);
    await sql`delete from trail where seq > 4`.execute(database.db);
    const result = await verifyTrail(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 5, kind: "truncation" });
    expect(result.firstBroken?.reason).toContain("最后一条为第 6 条");
  });

  it("reports truncation through an exported anchor when the checkpoints were deleted too", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 6);
    const exported = await exportableAnchor(database.db);
    const anchor = parseAnchor(JSON.stringify({ format: "gongkai-trail-anchor/1", ...exported.anchor }));
    expect(anchor).toMatchObject({ seq: 6, count: 6 });
    await sql`delete from trail where seq > 3`.execute(database.db);
    await sql`delete from trail_checkpoints where seq > 3`.execute(database.db);
    expect((await verifyTrail(database.db)).ok).toBe(true);
    const result = await verifyTrail(database.db, { anchor });
    expect(result.firstBroken).toMatchObject({ seq: 4, kind: "truncation" });
    expect(result.firstBroken?.reason).toContain("导出的锚点");
  });

  it("refuses a forged checkpoint and a forged anchor as MAC 不符", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 4);
    const exported = await exportableAnchor(database.db);
    const anchor = exported.anchor ?? expect.fail("no anchor");
    const forged = { ...anchor, count: anchor.count + 1 };
    expect((await verifyTrail(database.db, { anchor: forged })).firstBroken).toMatchObject({ kind: "mac" });
    await sql`update trail_checkpoints set entry_count = 3 where seq = 4`.execute(database.db);
    expect((await verifyTrail(database.db)).firstBroken).toMatchObject({ seq: 4, kind: "mac" });
  });

  it("reports deleted checkpoints and a stripped MAC", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 4);
    await sql`delete from trail_checkpoints where seq > 2`.execute(database.db);
    expect((await verifyTrail(database.db)).firstBroken).toMatchObject({ seq: 3, kind: "truncation" });
    await seed(database, 1, 5);
    await sql`update trail set mac = null where seq = 2`.execute(database.db);
    expect((await verifyTrail(database.db)).firstBroken).toMatchObject({ seq: 2, kind: "mac" });
  });

  it("checks entries from before migration 0015 by the chain alone, protected by the first MAC", async () => {
    database = await createTestDatabase(dialect);
    await seed(database, 3);
    // As if entries 1–3 were written before the migration: no MAC, no checkpoint, anchoring from seq 4.
    await sql`update trail set mac = null`.execute(database.db);
    await sql`delete from trail_checkpoints`.execute(database.db);
    await sql`update trail_anchoring set anchored_from = 4`.execute(database.db);
    expect(await verifyTrail(database.db)).toMatchObject({ ok: true, checked: 3, checkpoint: null });
    await seed(database, 2, 4);
    expect(await verifyTrail(database.db)).toMatchObject({
      ok: true,
      checked: 5,
      anchoredFrom: 4,
      checkpoint: { seq: 5, count: 5 },
    });
    await rehashFrom(database, 2);
    expect((await verifyTrail(database.db)).firstBroken).toMatchObject({ seq: 4, kind: "rehash" });
  });

  it("uses GONGKAI_TRAIL_KEY when set: entries MACed under another key do not verify", async () => {
    database = await createTestDatabase(dialect);
    const saved = process.env.GONGKAI_TRAIL_KEY;
    try {
      process.env.GONGKAI_TRAIL_KEY = "k".repeat(40);
      await seed(database, 2);
      const result = await verifyTrail(database.db);
      expect(result).toMatchObject({ ok: true, keySource: "env" });
      process.env.GONGKAI_TRAIL_KEY = "x".repeat(40);
      expect((await verifyTrail(database.db)).firstBroken).toMatchObject({ seq: 1, kind: "rehash" });
      process.env.GONGKAI_TRAIL_KEY = "short";
      await expect(verifyTrail(database.db)).rejects.toThrow("GONGKAI_TRAIL_KEY 太短：至少 32 个字符");
    } finally {
      if (saved === undefined) delete process.env.GONGKAI_TRAIL_KEY;
      else process.env.GONGKAI_TRAIL_KEY = saved;
    }
  });

  it("keeps one chain with consecutive seqs and matching checkpoints under concurrent appends", async () => {
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
    expect(await verifyTrail(db.db)).toMatchObject({
      ok: true,
      checked: 20,
      checkpoint: { seq: 20, count: 20 },
    });
  });

  it("leaves no hole in the seqs when an append's transaction rolls back", async () => {
    database = await createTestDatabase(dialect);
    const db = database;
    await seed(db, 2);
    await expect(
      db.db.transaction().execute(async (trx) => {
        await appendTrail(trx, db.dialect, {
          actorUserId: null,
          actorName: "系统",
          actorRole: "system",
          agencyId: null,
          action: "test",
          entityType: "test",
          entityId: 0,
          ip: "127.0.0.1",
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await seed(db, 1, 3);
    const seqs = (await db.db.selectFrom("trail").select("seq").orderBy("seq").execute()).map((r) => r.seq);
    expect(seqs).toEqual([1, 2, 3]);
    expect((await verifyTrail(db.db)).ok).toBe(true);
  });
});
