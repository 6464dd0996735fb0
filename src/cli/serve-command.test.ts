import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { createEmptyPostgresDatabase } from "../db/instances.test-support.ts";
import { testPostgresUrl } from "../db/test-databases.ts";
import type { CommandIo } from "./command-io.ts";
import { main } from "./main.ts";
import { runServe } from "./serve-command.ts";

/** Runs the CLI in process; its status and output. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CommandIo = { out: (t) => (out += t), err: (t) => (err += t), progress: false };
  const status = await main(argv, io);
  return { status, out, err };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("gongkai serve's arguments", () => {
  it("prints its Chinese usage on --help and refuses bad --workers with exit status 2", async () => {
    const help = await run("serve", "--help");
    expect(help.status).toBe(0);
    expect(help.out).toContain("gongkai serve [--workers 进程数]");
    expect(help.out).toContain("SQLite 每个数据目录只允许一个写入进程");
    for (const bad of ["0", "abc", "1.5", "65", "-2"]) {
      const refused = await run("serve", `--workers=${bad}`);
      expect(refused.status).toBe(2);
      expect(refused.err).toContain("--workers 须为 1 到 64 之间的整数");
    }
    expect((await run("serve", "--no-such-flag")).status).toBe(2);
    expect((await run("serve", "extra")).err).toContain("参数错误：多余的参数 extra");
  });

  it("refuses several workers on SQLite (one writer process per data folder), in Chinese", async () => {
    const folder = mkdtempSync(join(tmpdir(), "gongkai-workers-"));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    let err = "";
    const io: CommandIo = { out: () => {}, err: (t) => (err += t), progress: false };
    expect(await runServe(["--workers", "2"], io, { GONGKAI_DATA_DIR: folder })).toBe(2);
    expect(err).toContain("--workers 大于 1 需要 PostgreSQL（设置 GONGKAI_DATABASE_URL）");
  });
});

/** A port free right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Waits until `done` holds (checked every 50 ms), up to `ms`; throws with `what` otherwise. */
async function waitFor(done: () => boolean, ms: number, what: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether a process is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.runIf(testPostgresUrl())("gongkai serve --workers 2 on PostgreSQL, as a real process", () => {
  it("forks two workers on one port after seeding once, restarts a killed worker, stops all on SIGTERM", async () => {
    const empty = await createEmptyPostgresDatabase();
    cleanups.push(empty.dispose);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATABASE_URL: empty.url, PORT: String(port) };
    delete env.GONGKAI_SMTP_URL;
    const bin = join(import.meta.dirname, "../../bin/gongkai.js");
    const child: ChildProcess = spawn(process.execPath, [bin, "serve", "--workers", "2"], { env });
    let out = "";
    let err = "";
    child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr?.on("data", (c: Buffer) => (err += c.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    cleanups.push(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    const workerPids = () =>
      [...out.matchAll(/\[工作进程 (\d+)\] 公开（Gongkai）已启动/g)].map((m) => Number(m[1]));
    await waitFor(
      () => workerPids().length >= 2,
      90_000,
      () => out + err,
    );
    const [first, second] = workerPids() as [number, number];
    expect(first).not.toBe(second);
    expect(out).toContain("主进程");
    // Seeded once, by the primary, before forking: the password appears once.
    expect(out.match(/初始密码：/g)).toHaveLength(1);
    const health = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
    expect(await health()).toBe(200);

    process.kill(first, "SIGKILL");
    await waitFor(
      () => !alive(first),
      10_000,
      () => "worker did not die",
    );
    // The other worker keeps serving on the shared port meanwhile.
    for (let i = 0; i < 5; i += 1) expect(await health()).toBe(200);
    await waitFor(
      () => workerPids().length >= 3,
      60_000,
      () => out + err,
    );
    expect(err).toContain(`工作进程 ${first} 意外退出（信号 SIGKILL），1 秒后重启`);
    const restarted = workerPids()[2] as number;
    expect([first, second]).not.toContain(restarted);
    expect(await health()).toBe(200);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("全部工作进程已退出");
    expect([second, restarted].filter(alive)).toEqual([]);

    const database = await openDatabase({ url: empty.url });
    try {
      const governments = await database.db
        .selectFrom("agencies")
        .select("name")
        .where("kind", "=", "government")
        .execute();
      expect(governments.map((g) => g.name)).toEqual(["示范市人民政府"]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
