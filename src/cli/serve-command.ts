/**
 * `gongkai serve [--workers N]`: start the web server. With N > 1 (PostgreSQL only: SQLite is one writer
 * process per data folder) the primary process migrates and seeds once under the start-up lock, then forks N
 * workers with Node's cluster module that share the port; a worker that dies is restarted after a back-off
 * (1 s, doubling up to 30 s while workers keep dying young); SIGTERM or SIGINT stops every worker gracefully
 * (each lets its requests in flight finish) and then the primary.
 */
import cluster, { type Worker } from "node:cluster";
import { parseArgs } from "node:util";
import { DomainError } from "../core/domain-error.ts";
import { databaseConfigFromEnv, migrate, openDatabase, withStartupLock } from "../db/database.ts";
import { runFirstRun } from "../setup/first-run.ts";
import type { CommandIo } from "./command-io.ts";

/** Usage of `gongkai serve`. */
export const SERVE_USAGE = `用法：
  gongkai serve [--workers 进程数]
      启动网站（默认 http://localhost:3000，端口由 PORT 环境变量指定）。首次启动时创建示范机关和
      系统管理员 admin，并在控制台显示一次其初始密码。
      --workers N  在本机启动 N 个工作进程共用同一端口（1–64，默认 1）。仅适用于 PostgreSQL
                   （GONGKAI_DATABASE_URL）：SQLite 每个数据目录只允许一个写入进程。工作进程意外退出后
                   自动重启（间隔从 1 秒起逐次加倍，最长 30 秒）；收到 SIGTERM/SIGINT 时等待各进程处理完
                   正在进行的请求后全部退出。
`;

/** The most workers one machine is given. */
const MAX_WORKERS = 64;

/** The first restart's delay, and the longest. */
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/** A worker that lived this long is healthy: its restart starts the back-off anew. */
const HEALTHY_LIFETIME_MS = 30_000;

/** Runs `gongkai serve …`; resolves with the exit status once the server (or every worker) has stopped starting. */
export async function runServe(
  args: readonly string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { workers: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    io.out(SERVE_USAGE);
    return 0;
  }
  if (positionals.length > 0) {
    io.err(`参数错误：多余的参数 ${positionals.join(" ")}\n\n${SERVE_USAGE}`);
    return 2;
  }
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (
    !Number.isInteger(workers) ||
    workers < 1 ||
    workers > MAX_WORKERS ||
    !/^\d+$/.test(values.workers ?? "1")
  ) {
    io.err(`参数错误：--workers 须为 1 到 ${MAX_WORKERS} 之间的整数，收到“${values.workers}”\n`);
    return 2;
  }
  if (cluster.isWorker || workers === 1)
    return serveOne(io, cluster.isWorker ? `[工作进程 ${process.pid}] ` : "");
  if (!("url" in databaseConfigFromEnv(env))) {
    io.err(
      "错误：--workers 大于 1 需要 PostgreSQL（设置 GONGKAI_DATABASE_URL）。SQLite 每个数据目录只允许一个写入进程" +
        "（数据目录锁），请去掉 --workers 或改用 PostgreSQL。\n",
    );
    return 2;
  }
  return servePrimary(workers, io, env);
}

/** One server in this process (the whole server, or one worker of the cluster). */
async function serveOne(io: CommandIo, prefix: string): Promise<number> {
  const { startServer } = await import("../server/start-server.ts");
  try {
    await startServer({ print: (text) => io.out(prefix === "" ? text : text.replace(/^(?=.)/gm, prefix)) });
  } catch (error) {
    // A refusal to start (another server on the data folder, …) is told in Chinese; exit status 1.
    if (!(error instanceof DomainError)) throw error;
    io.err(`${prefix}错误：${error.message}\n`);
    return 1;
  }
  return 0;
}

/** The primary: migrate and seed once, fork the workers, restart those that die, stop them all on a signal. */
async function servePrimary(count: number, io: CommandIo, env: NodeJS.ProcessEnv): Promise<number> {
  const database = await openDatabase(databaseConfigFromEnv(env));
  try {
    await withStartupLock(
      database,
      async () => {
        await migrate(database);
        await runFirstRun(database, io.out);
      },
      () => io.out("另一实例正在迁移或初始化数据库，等待其完成……\n"),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    io.err(`错误：${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }

  let stopping = false;
  const started = new Map<Worker, number>();
  const timers = new Set<NodeJS.Timeout>();
  let backoff = FIRST_BACKOFF_MS;
  const fork = (): void => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
  };
  io.out(`主进程 ${process.pid}：启动 ${count} 个工作进程，共用同一端口。\n`);
  for (let i = 0; i < count; i += 1) fork();

  return new Promise<number>((resolve) => {
    cluster.on("exit", (worker, code, signal) => {
      const lived = Date.now() - (started.get(worker) ?? Date.now());
      started.delete(worker);
      if (stopping) {
        if (started.size === 0) {
          for (const timer of timers) clearTimeout(timer);
          io.out(`主进程 ${process.pid}：全部工作进程已退出。\n`);
          resolve(0);
        }
        return;
      }
      backoff = lived >= HEALTHY_LIFETIME_MS ? FIRST_BACKOFF_MS : backoff;
      const delay = backoff;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      io.err(
        `工作进程 ${worker.process.pid} 意外退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），` +
          `${delay / 1000} 秒后重启。\n`,
      );
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) fork();
      }, delay);
      timers.add(timer);
    });
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      io.out(`主进程收到 ${signal}，正在通知工作进程处理完请求后退出……\n`);
      if (started.size === 0) resolve(0);
      // Each worker's own SIGTERM handler lets its requests in flight finish, then exits.
      for (const worker of started.keys()) worker.process.kill("SIGTERM");
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}
