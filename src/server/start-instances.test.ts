import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { createEmptyPostgresDatabase } from "../db/instances.test-support.ts";
import { testPostgresUrl } from "../db/test-databases.ts";
import { type RunningServer, startServer } from "./start-server.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.runIf(testPostgresUrl())(
  "several instances starting at once on one empty PostgreSQL database",
  () => {
    it("migrate and seed once under the start-up lock: all healthy, one government, one admin, one password shown", async () => {
      const empty = await createEmptyPostgresDatabase();
      cleanups.push(empty.dispose);
      const printed = ["", "", ""];
      const starts = printed.map((_, i) =>
        startServer({
          port: 0,
          host: "127.0.0.1",
          logLevel: false,
          database: { url: empty.url },
          print: (text) => {
            printed[i] += text;
          },
        }),
      );
      const results = await Promise.allSettled(starts);
      const servers = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      cleanups.push(async () => {
        for (const server of servers) await server.close();
      });
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      for (const server of servers as RunningServer[]) {
        const health = await fetch(`${server.url}/healthz`);
        expect(await health.json()).toEqual({ status: "ok", database: "ok" });
      }
      expect(printed.filter((text) => /用户名：admin {2}初始密码：\S{10,}/.test(text))).toHaveLength(1);
      // The others waited for it (migrating alone takes far longer than their starts lie apart).
      expect(
        printed.filter((text) => text.includes("另一实例正在迁移或初始化数据库，等待其完成")),
      ).not.toHaveLength(0);

      const database = await openDatabase({ url: empty.url });
      try {
        const agencies = await database.db.selectFrom("agencies").select(["name", "kind"]).execute();
        expect(agencies.filter((a) => a.kind === "government").map((a) => a.name)).toEqual([
          "示范市人民政府",
        ]);
        expect(agencies).toHaveLength(3);
        const admins = await database.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", "admin")
          .execute();
        expect(admins).toHaveLength(1);
        const migrations = await database.db
          .selectFrom("schema_migrations" as never)
          .selectAll()
          .execute();
        expect(new Set(migrations.map((m) => (m as { version: number }).version)).size).toBe(
          migrations.length,
        );
      } finally {
        await database.close();
      }
    }, 120_000);
  },
);
