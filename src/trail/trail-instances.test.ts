import { afterEach, describe, expect, it } from "vitest";
import { createAgency } from "../agencies/agency.service.ts";
import { validCreditCode } from "../agencies/agency.test-support.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { databaseUrl } from "../db/instances.test-support.ts";
import { createTestDatabase, type TestDatabase, testPostgresUrl } from "../db/test-databases.ts";
import { appendTrail, verifyTrail } from "./trail.repository.ts";
import { SYSTEM_ACTOR } from "./trail-actor.ts";

const databases: TestDatabase[] = [];
const pools: Database[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  for (const db of databases.splice(0)) await db.dispose();
});

// SQLite is one writer process per data folder (the data folder's lock): several instances mean PostgreSQL.
describe.runIf(testPostgresUrl())(
  "the audit trail written by two instances on one PostgreSQL database",
  () => {
    it("stays one chain with consecutive seqs under concurrent changes from both (pg_advisory_xact_lock)", async () => {
      const database = await createTestDatabase("postgres");
      databases.push(database);
      const url = await databaseUrl(database);
      // Two instances: each its own pool (10 connections), as two servers on two machines would have.
      for (let i = 0; i < 2; i += 1) pools.push(await openDatabase({ url }));
      const [one, two] = pools as [Database, Database];
      const perInstance = 15;
      await Promise.all(
        [one, two].flatMap((instance, i) =>
          Array.from({ length: perInstance }, (_, n) => {
            const k = i * perInstance + n;
            // Every other write is a real change through a service (the change and its entry commit together),
            // the rest bare appends in their own transactions.
            return k % 2 === 0
              ? createAgency(
                  instance,
                  {
                    parentId: null,
                    name: `第${k}市人民政府`,
                    kind: "government",
                    creditCode: validCreditCode(300 + k),
                    contact: {},
                  },
                  SYSTEM_ACTOR,
                )
              : instance.db.transaction().execute((trx) =>
                  appendTrail(trx, instance.dialect, {
                    actorUserId: null,
                    actorName: `实例${i + 1}`,
                    actorRole: "system",
                    agencyId: null,
                    action: "test.concurrent",
                    entityType: "test",
                    entityId: k,
                    ip: "127.0.0.1",
                  }),
                );
          }),
        ),
      );
      const total = 2 * perInstance;
      // Verified from either instance and from a third connection alike.
      for (const reader of [database, one, two]) {
        expect(await verifyTrail(reader.db)).toMatchObject({
          ok: true,
          checked: total,
          checkpoint: { seq: total, count: total },
        });
      }
      const seqs = (await database.db.selectFrom("trail").select("seq").orderBy("seq").execute()).map(
        (r) => r.seq,
      );
      expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const agencies = await database.db.selectFrom("agencies").select("id").execute();
      expect(agencies).toHaveLength(perInstance);
    }, 60_000);
  },
);
