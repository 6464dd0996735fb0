import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../core/domain-error.ts";
import { type Database, type Dialect, migrate, openDatabase } from "../db/database.ts";
import { MIGRATIONS } from "../db/migrations/index.ts";
import {
  createTestDatabase,
  type TestDatabase,
  testDialects,
  testPostgresUrl,
} from "../db/test-databases.ts";
import { createPublication } from "../publications/publication.service.ts";
import { actor, catalogFixture, draftInput } from "../publications/publication.test-support.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { changeInterpretation, createInterpretation } from "./ledger.service.ts";

/** The code of the DomainError a promise rejects with, or "ok". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (e: unknown) => (e instanceof DomainError ? `${e.status} ${e.code} ${e.message}` : `other: ${String(e)}`),
  );
}

const REFUSED = "422 POLICY_PUBLICATION_INVALID 所解读的文件不存在或不属于本机关";

const values = (policyPublicationId: number | null) => ({
  title: "《关于公布行政许可事项的通知》解读",
  publishedOn: "2022-03-02",
  form: "文字",
  policyTitle: "关于公布行政许可事项的通知",
  policyDocNo: "",
  policyPublicationId,
});

describe.each(testDialects())("policy interpretations' publication link on %s", (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const interpretationCount = async () =>
    (await database.db.selectFrom("interpretations").select("id").execute()).length;

  it("links only to an existing publication of the same agency; anything else is refused and stores nothing", async () => {
    const { tree, columnId } = await catalogFixture(database);
    const own = await createPublication(
      database,
      tree.a1,
      draftInput(columnId, "关于公布行政许可事项的通知"),
      actor("information_officer"),
    );
    const linked = await createInterpretation(database, tree.a1, values(own.id), SYSTEM_ACTOR);
    expect(linked.policyPublicationId).toBe(own.id);

    expect(await outcome(createInterpretation(database, tree.a1, values(own.id + 1000), SYSTEM_ACTOR))).toBe(
      REFUSED,
    );
    // Another agency's publication: the same id is refused to A2.
    expect(await outcome(createInterpretation(database, tree.a2, values(own.id), SYSTEM_ACTOR))).toBe(
      REFUSED,
    );
    expect(await interpretationCount()).toBe(1);
    expect(
      await outcome(
        changeInterpretation(database, linked, { policyPublicationId: 2_000_000_000 }, SYSTEM_ACTOR),
      ),
    ).toBe(REFUSED);
    const stored = await database.db
      .selectFrom("interpretations")
      .select("policy_publication_id")
      .executeTakeFirstOrThrow();
    expect(stored.policy_publication_id).toBe(own.id);
    // Unlinking is always allowed.
    expect(
      (await changeInterpretation(database, linked, { policyPublicationId: null }, SYSTEM_ACTOR))
        .policyPublicationId,
    ).toBeNull();
  });

  it("the database refuses a dangling link by itself (foreign key)", async () => {
    const { tree } = await catalogFixture(database);
    const at = new Date().toISOString();
    const insert = database.db
      .insertInto("interpretations")
      .values({
        agency_id: tree.a1,
        title: "解读",
        published_on: "2022-03-02",
        form: "",
        policy_title: "某文件",
        policy_doc_no: "",
        policy_publication_id: 999_999,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await expect(insert).rejects.toThrow(/foreign key/i);
    expect(await interpretationCount()).toBe(0);
  });
});

/** A database of the dialect migrated up to (not including) `version`, and how to throw it away. */
async function databaseBefore(
  dialect: Dialect,
  version: number,
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  let database: Database;
  let drop: () => Promise<void>;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-0016-"));
    database = await openDatabase({ file: join(dir, "test.sqlite") });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const base = testPostgresUrl() ?? "";
    const name = `gongkai_0016_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
    drop = async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  await sql`create table schema_migrations (version integer primary key, name text not null, applied_at text not null)`.execute(
    database.db,
  );
  for (const migration of MIGRATIONS.filter((m) => m.version < version)) {
    await database.db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>, database.dialect);
      await sql`insert into schema_migrations (version, name, applied_at) values (${migration.version}, ${migration.name}, ${"2024-01-01T00:00:00.000Z"})`.execute(
        trx,
      );
    });
  }
  return {
    database,
    dispose: async () => {
      await database.close();
      await drop();
    },
  };
}

describe.each(testDialects())("migration 0016 on %s", (dialect) => {
  it("keeps every interpretation and its id, and sets dangling or other agencies' links to NULL", async () => {
    const { database, dispose } = await databaseBefore(dialect, 16);
    try {
      const { tree, columnId } = await catalogFixture(database);
      const own = await createPublication(
        database,
        tree.a1,
        draftInput(columnId, "本机关的文件"),
        actor("information_officer"),
      );
      const at = "2024-01-01T00:00:00.000Z";
      const row = (id: number, agencyId: number, link: number | null) => ({
        id,
        agency_id: agencyId,
        title: `解读${id}`,
        published_on: "2022-03-02",
        form: "",
        policy_title: "某文件",
        policy_doc_no: "",
        policy_publication_id: link,
        created_at: at,
        updated_at: at,
      });
      await database.db
        .insertInto("interpretations")
        .values([
          row(7, tree.a1, own.id),
          row(8, tree.a1, 424_242),
          row(9, tree.a2, own.id),
          row(12, tree.a2, null),
        ])
        .execute();
      await migrate(database);
      const after = await database.db
        .selectFrom("interpretations")
        .select(["id", "policy_publication_id"])
        .orderBy("id")
        .execute();
      expect(after).toEqual([
        { id: 7, policy_publication_id: own.id },
        { id: 8, policy_publication_id: null },
        { id: 9, policy_publication_id: null },
        { id: 12, policy_publication_id: null },
      ]);
      if (dialect === "postgres") await sql`select setval('interpretations_id_seq', 12)`.execute(database.db);
      const next = await createInterpretation(database, tree.a1, values(own.id), SYSTEM_ACTOR);
      expect(next.id).toBe(13);
    } finally {
      await dispose();
    }
  });
});
