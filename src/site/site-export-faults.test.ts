import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { runFirstRun } from "../setup/first-run.ts";
import { listExportFiles } from "./export-store.ts";
import { exportSite } from "./site-export.service.ts";

const ORIGIN = "https://gk.example.gov.cn";

describe.each(testDialects())("gongkai site export under a database fault on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // The demo agencies without the demo year: a small site.
    await runFirstRun(database, () => {}, false);
    app = await buildServer({ logLevel: false, database, trustProxy: "127.0.0.1", pageCacheBytes: 0 });
    await app.ready();
    root = mkdtempSync(join(tmpdir(), "gongkai-export-fault-"));
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("keeps every file when pages fail with a server error, and exports them once the fault is gone", async () => {
    const first = await exportSite(app, database, { root, origin: ORIGIN });
    expect(first.failed).toEqual([]);
    const before = await listExportFiles(root);
    const proactive = before.filter((f) => /\/disclosure\/proactive\/index\.html$/.test(f));
    expect(proactive.length).toBeGreaterThan(0);

    // The catalog's table is out of reach: its pages answer 500 even when tried again.
    await sql`alter table publications rename to publications_away`.execute(database.db);
    const broken = await exportSite(app, database, { root, origin: ORIGIN });
    expect(broken.failed.filter((url) => url.includes("/disclosure/proactive")).length).toBeGreaterThan(0);
    expect(broken.removed).toBe(0);
    expect(broken.brokenLinks).toEqual([]);
    for (const file of proactive) expect(existsSync(join(root, file)), file).toBe(true);
    expect(await listExportFiles(root)).toEqual(expect.arrayContaining(before));

    await sql`alter table publications_away rename to publications`.execute(database.db);
    const healed = await exportSite(app, database, { root, origin: ORIGIN });
    expect({ failed: healed.failed, written: healed.written, removed: healed.removed }).toEqual({
      failed: [],
      written: 0,
      removed: 0,
    });
  });
});
