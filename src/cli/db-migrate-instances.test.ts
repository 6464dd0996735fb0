import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { createEmptyPostgresDatabase } from "../db/instances.test-support.ts";
import { MIGRATIONS } from "../db/migrations/index.ts";
import { testPostgresUrl } from "../db/test-databases.ts";
import type { CommandIo } from "./command-io.ts";
import { runDb } from "./db-command.ts";

const saved = process.env.GONGKAI_DATABASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.GONGKAI_DATABASE_URL;
  else process.env.GONGKAI_DATABASE_URL = saved;
});

describe.runIf(testPostgresUrl())(
  "gongkai db migrate run several times at once on an empty PostgreSQL database",
  () => {
    it("migrates once under the start-up lock: every run succeeds, one applies the migrations", async () => {
      const empty = await createEmptyPostgresDatabase();
      try {
        process.env.GONGKAI_DATABASE_URL = empty.url;
        const outs = ["", "", ""];
        const runs = outs.map((_, i) => {
          const io: CommandIo = { out: (t) => (outs[i] += t), err: (t) => (outs[i] += t), progress: false };
          return runDb(["migrate"], io);
        });
        expect(await Promise.all(runs)).toEqual([0, 0, 0]);
        expect(outs.filter((o) => o.startsWith("已执行迁移："))).toHaveLength(1);
        expect(outs.filter((o) => o === "数据库已是最新结构，无需迁移\n")).toHaveLength(2);
        const database = await openDatabase({ url: empty.url });
        try {
          const rows = await database.db
            .selectFrom("schema_migrations" as never)
            .selectAll()
            .execute();
          expect(rows).toHaveLength(MIGRATIONS.length);
        } finally {
          await database.close();
        }
      } finally {
        await empty.dispose();
      }
    }, 60_000);
  },
);
