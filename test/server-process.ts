/**
 * The real server as a child process (`node bin/gongkai.js serve`), for the tests that need a process to
 * kill or a browser to point at: a temporary data folder (SQLite) or a fresh PostgreSQL database, a free
 * port chosen by the system, the first administrator's password read from the start-up message, and
 * signals to stop it gracefully (SIGTERM) or brutally (SIGKILL).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";

/** The repository root. */
export const REPOSITORY_ROOT = resolve(import.meta.dirname, "..");

/** Where the server keeps its data: a SQLite folder or a PostgreSQL database, and how to throw it away. */
export interface ServerStorage {
  /** "sqlite" or "postgres". */
  readonly dialect: "sqlite" | "postgres";
  /** The environment that points the server at it (GONGKAI_DATA_DIR or GONGKAI_DATABASE_URL). */
  readonly env: Readonly<Record<string, string>>;
  /** Removes the folder or drops the database. */
  dispose(): Promise<void>;
}

/** A fresh temporary data folder: the server's SQLite database lives in it. */
export function sqliteStorage(): ServerStorage {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-server-"));
  return {
    dialect: "sqlite",
    env: { GONGKAI_DATA_DIR: dir },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh, empty PostgreSQL database on the server of `baseUrl` (dropped by dispose). */
export async function postgresStorage(baseUrl: string): Promise<ServerStorage> {
  const name = `gongkai_proc_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    dialect: "postgres",
    env: { GONGKAI_DATABASE_URL: url.toString() },
    dispose: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Options of startServerProcess. */
export interface ServerProcessOptions {
  /** Where the data lives (the same storage may be given again to restart on the same data). */
  readonly storage: ServerStorage;
  /** More environment variables (LOG_LEVEL defaults to "warn"). */
  readonly env?: Readonly<Record<string, string>>;
  /** Longest wait for the start-up message (default 120 s). */
  readonly startTimeoutMs?: number;
}

/** How a server process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running server process. */
export interface ServerProcess {
  /** Base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** The first administrator's one-time password, when this start seeded the database. */
  readonly adminPassword: string | undefined;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal (SIGTERM: graceful shutdown; SIGKILL: none). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the process has ended. */
  readonly exited: Promise<ProcessExit>;
  /** Stops the process (SIGTERM, then SIGKILL after 15 s) and waits for it to end. */
  stop(): Promise<ProcessExit>;
}

/** The line start-server.ts prints once listening. */
const STARTED = /公开（Gongkai）已启动：(http:\/\/\S+)/;

/** The first-run message's password (see src/setup/first-run.ts). */
const ADMIN_PASSWORD = /初始密码：(\S+)/;

/** Starts `node bin/gongkai.js serve` on a free port and resolves once it listens. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(REPOSITORY_ROOT, "bin/gongkai.js"), "serve"], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      // The demo year (tens of thousands of records) only where a test asks for it.
      GONGKAI_DEMO_RECORDS: "0",
      ...options.env,
      ...options.storage.env,
      PORT: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = new Promise<ProcessExit>((done) => {
    child.once("exit", (code, signal) => done({ code, signal }));
  });

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`server did not start in time:\n${output}`));
    }, options.startTimeoutMs ?? 120_000);
    const check = () => {
      const match = STARTED.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off("data", check);
      done(match[1]);
    };
    child.stdout?.on("data", check);
    void exited.then((exit) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${exit.code ?? exit.signal}) before listening:\n${output}`));
    });
  });

  return {
    url,
    adminPassword: ADMIN_PASSWORD.exec(output)?.[1],
    output: () => output,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const exit = await exited;
      clearTimeout(force);
      return exit;
    },
  };
}

/** A signed-in HTTP client of a server process: the session cookie and CSRF token sent on every call. */
export interface ApiClient {
  /** Calls the API; the parsed JSON body (undefined when empty) and the status. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** Signs in through POST /api/session; throws unless it answers 200. */
export async function signInApi(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith("gk_session=")) ?? "").split(";")[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie: cookie ?? "", "x-csrf-token": csrfToken };
      if (body !== undefined) headers["content-type"] = "application/json";
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}
