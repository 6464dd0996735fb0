/**
 * Starting the web server for `gongkai serve`: lock the SQLite data folder (one server per folder), open and
 * migrate the database, seed it on first run (all of it or none; on PostgreSQL both under a start-up lock that
 * instances starting at once take in turn), listen, print the address, start the reminder and monitor jobs,
 * and shut down gracefully on SIGINT/SIGTERM (the jobs and the requests in flight finish, then the database is
 * closed, the lock released and the process exits).
 */
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import {
  type DatabaseConfig,
  databaseConfigFromEnv,
  migrate,
  newDatabaseNotice,
  newSqliteFile,
  openDatabase,
  withStartupLock,
} from "../db/database.ts";
import { startMonitorJob } from "../monitors/monitor-job.ts";
import { startReminderJob } from "../reminders/reminder-job.ts";
import { runFirstRun } from "../setup/first-run.ts";
import { buildServer } from "./build-server.ts";
import { logFormatOf, readableLogStream } from "./console-log.ts";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";

/** Where to listen; defaults: PORT or 3000, host 0.0.0.0. */
export interface StartServerOptions {
  readonly port?: number;
  readonly host?: string;
  /** Log level, or false for no logging. */
  readonly logLevel?: string | false;
  /** The database; defaults to databaseConfigFromEnv() (GONGKAI_DATABASE_URL, else GONGKAI_DATA_DIR or ./data). */
  readonly database?: DatabaseConfig;
  /** Where the start-up messages go (the first administrator's password among them); stdout by default. */
  readonly print?: (text: string) => void;
  /** The log's form: readable lines on a terminal, JSON otherwise (GONGKAI_LOG_FORMAT overrides); see console-log.ts. */
  readonly logFormat?: "readable" | "json";
  /** Where warnings go (a database created because its file did not exist); stderr by default. */
  readonly warn?: (text: string) => void;
}

/** A listening server. */
export interface RunningServer {
  /** Stop accepting connections, let requests in flight finish, then resolve. */
  close(): Promise<void>;
  /** The address to open in a browser. */
  readonly url: string;
}

/** Longest wait for requests in flight at shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The port to use: the option, else the PORT environment variable, else 3000. */
function portOf(option: number | undefined): number {
  if (option !== undefined) return option;
  const fromEnv = Number.parseInt(process.env.PORT ?? "", 10);
  return Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : 3000;
}

/** Open the database, migrate, seed on first run, build the server, listen, print the URL, handle signals. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "0.0.0.0";
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const config = options.database ?? databaseConfigFromEnv();
  // One server per SQLite data folder (DATA_DIR_LOCKED otherwise); PostgreSQL is shared by design.
  const lock: DataDirLock | undefined = "file" in config ? lockDataDir(dirname(config.file)) : undefined;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  const created = newSqliteFile(config);
  try {
    database = await openDatabase(config);
  } catch (error) {
    lock?.release();
    throw error;
  }
  // A mistyped GONGKAI_DATA_DIR would otherwise start silently on a new, empty database.
  if (created !== undefined)
    (options.warn ?? ((text) => process.stderr.write(text)))(newDatabaseNotice(created));
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    // Several instances starting at once on one PostgreSQL database migrate and seed one after the other.
    await withStartupLock(
      database,
      async () => {
        await migrate(database);
        await runFirstRun(database, print);
      },
      () => print("另一实例正在迁移或初始化数据库，等待其完成……\n"),
    );
    const logFormat = options.logFormat ?? logFormatOf(process.env, Boolean(process.stdout.isTTY));
    app = await buildServer({
      database,
      ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
      ...(logFormat === "readable"
        ? { logStream: readableLogStream((text) => process.stdout.write(text)) }
        : {}),
    });
    await app.listen({ port: portOf(options.port), host });
  } catch (error) {
    await database.close();
    lock?.release();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const shownHost =
    host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  print(`公开（Gongkai）已启动：${url}\n后台管理：${url}/admin/\n`);
  // Reminders by e-mail (off without GONGKAI_SMTP_URL); links point at GONGKAI_PUBLIC_URL, else this address.
  const reminders = startReminderJob({
    database,
    publicUrl: process.env.GONGKAI_PUBLIC_URL?.trim() || url,
    log: print,
  });
  // The daily monitors (监测预警): every agency's verdicts recorded at start and each morning (GONGKAI_MONITOR_CRON).
  const monitors = startMonitorJob({ database, log: print });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      // Fastify's close waits for the requests in flight; only then is the database closed.
      try {
        await reminders.stop();
        await monitors.stop();
        await app.close();
      } finally {
        await database.close();
        lock?.release();
      }
    })();
    return closing;
  };
  function onSignal(signal: NodeJS.Signals): void {
    process.stdout.write(`收到 ${signal}，正在等待处理中的请求完成后退出……\n`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  }
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return { close, url };
}
