import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
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

/** A port free right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** `gongkai serve` as its own process on `url` and `port`: its output so far, its exit, and how to stop it. */
function serveProcess(url: string, port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATABASE_URL: url, PORT: String(port) };
  delete env.GONGKAI_SMTP_URL;
  const child = spawn(process.execPath, [join(import.meta.dirname, "../../bin/gongkai.js"), "serve"], {
    env,
  });
  const output = { text: "" };
  child.stdout.on("data", (c: Buffer) => (output.text += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (output.text += c.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  });
  return { output, exited, stop: () => child.kill("SIGTERM") };
}

describe.runIf(testPostgresUrl())(
  "two `gongkai serve` processes started at once on one empty PostgreSQL database",
  () => {
    it("both come up healthy, one seeds and shows the password, both stop cleanly on SIGTERM", async () => {
      const empty = await createEmptyPostgresDatabase();
      cleanups.push(empty.dispose);
      const ports = [await freePort(), await freePort()];
      const processes = ports.map((port) => serveProcess(empty.url, port));
      const until = Date.now() + 120_000;
      while (!processes.every((p) => p.output.text.includes("公开（Gongkai）已启动"))) {
        const ended = await Promise.race([
          ...processes.map((p) => p.exited),
          new Promise((r) => setTimeout(r, 100)),
        ]);
        if (ended !== undefined || Date.now() > until)
          throw new Error(processes.map((p) => p.output.text).join("\n---\n"));
      }
      for (const port of ports) {
        expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({
          status: "ok",
          database: "ok",
        });
      }
      const texts = processes.map((p) => p.output.text);
      expect(texts.filter((t) => /用户名：admin {2}初始密码：\S{10,}/.test(t))).toHaveLength(1);
      for (const p of processes) p.stop();
      expect(await Promise.all(processes.map((p) => p.exited))).toEqual([0, 0]);
      const database = await openDatabase({ url: empty.url });
      try {
        const governments = await database.db
          .selectFrom("agencies")
          .select("id")
          .where("kind", "=", "government")
          .execute();
        expect(governments).toHaveLength(1);
      } finally {
        await database.close();
      }
    }, 180_000);
  },
);
