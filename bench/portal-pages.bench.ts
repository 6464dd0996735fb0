/**
 * Portal pages per second: the real server (`node bin/gongkai.js serve`, its own process) on SQLite and on
 * PostgreSQL with one column of BENCH_PORTAL_ITEMS (default 3,000) published items, its item page and its
 * column list (page 1) under autocannon with 50 connections for BENCH_PORTAL_SECONDS (default 10) each,
 * against the same bytes served as static files by Debian's nginx (one worker, like the one Node process).
 * The server runs as `gongkai serve` starts it (NODE_ENV=production unless set), once with the public pages'
 * cache (issue #10.2) and once without. Goal: the cached pages ≥ 50% of nginx's requests per second. Without
 * nginx the comparison is skipped with a hint.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type DatabaseConfig, migrate, openDatabase } from "../src/db/database.ts";
import {
  postgresStorage,
  REPOSITORY_ROOT,
  type ServerStorage,
  sqliteStorage,
  startServerProcess,
} from "../test/server-process.ts";
import type { BenchResult } from "./bench-support.ts";
import { benchPostgresUrl } from "./bench-support.ts";
import { seedPortal } from "./portal-seed.ts";

const run = promisify(execFile);
const NGINX = "/usr/sbin/nginx";
const AUTOCANNON = join(REPOSITORY_ROOT, "node_modules/autocannon/autocannon.js");

/** What autocannon measured of one target. */
interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly bad: number;
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** autocannon (its own process) with 50 connections against the URL for `seconds`. */
async function load(url: string, seconds: number): Promise<Load> {
  const { stdout } = await run(process.execPath, [AUTOCANNON, "-c", "50", "-d", String(seconds), "-j", url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

/** nginx serving the files of `pages` (name → bytes) on a free port; stop() ends it and removes its folder. */
async function startNginx(pages: Record<string, Buffer>): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-nginx-"));
  chmodSync(dir, 0o755); // the worker runs as an unprivileged user when the bench runs as root
  mkdirSync(join(dir, "www"));
  for (const [name, bytes] of Object.entries(pages)) writeFileSync(join(dir, "www", name), bytes);
  const port = await freePort();
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`)
    .join("\n");
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes 1;
daemon off;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type "text/html; charset=utf-8";
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
${temp}
  server {
    listen 127.0.0.1:${port};
    root ${join(dir, "www")};
  }
}
`,
  );
  const child: ChildProcess = spawn(
    NGINX,
    ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")],
    {
      stdio: "ignore",
    },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = `http://127.0.0.1:${port}`;
  const first = Object.keys(pages)[0] ?? "";
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/${first}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 100 || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error("nginx did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGQUIT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A load's figures as a line. */
function line(who: string, l: Load): string {
  const bad = l.bad > 0 ? `, ${l.bad} non-2xx/errors` : "";
  return `${who}: ${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${bad}`;
}

/**
 * How the server is started: as `gongkai serve` runs it, with the public pages' cache (the default) and without
 * it (GONGKAI_PAGE_CACHE_MB=0), so the cache's gain and the cached pages' share of nginx show side by side.
 */
const MODES = [
  { label: "cached", env: {} },
  { label: "uncached", env: { GONGKAI_PAGE_CACHE_MB: "0" } },
] as const;

/** The pages of the targets as the server at `url` answers them. */
async function fetchPages(url: string, targets: readonly { path: string; file: string }[]) {
  const pages: Record<string, Buffer> = {};
  for (const t of targets) {
    const res = await fetch(`${url}${t.path}`);
    if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
    pages[t.file] = Buffer.from(await res.arrayBuffer());
  }
  return pages;
}

/** Seeds the storage's database, starts the server on it and measures both pages against nginx. */
async function measure(name: string, storage: ServerStorage, config: DatabaseConfig): Promise<BenchResult> {
  const items = Number(process.env.BENCH_PORTAL_ITEMS ?? 3000);
  const seconds = Number(process.env.BENCH_PORTAL_SECONDS ?? 10);
  const loadBefore = loadavg()[0] ?? 0;
  const database = await openDatabase(config);
  let seed: Awaited<ReturnType<typeof seedPortal>>;
  try {
    await migrate(database);
    seed = await seedPortal(database, items);
  } finally {
    await database.close();
  }
  const base = `/agencies/${seed.agencyId}/disclosure/proactive`;
  const targets = [
    { label: "item page", path: `${base}/items/${seed.itemId}`, file: "item.html" },
    { label: "column list", path: `${base}/columns/${seed.columnId}`, file: "column.html" },
  ];
  const loads = new Map<string, Load>();
  let pages: Record<string, Buffer> | undefined;
  for (const mode of MODES) {
    const server = await startServerProcess({ storage, env: mode.env });
    try {
      const answered = await fetchPages(server.url, targets);
      pages ??= answered;
      for (const t of targets) {
        if (!answered[t.file]?.equals(pages[t.file] ?? Buffer.alloc(0))) {
          throw new Error(`${t.path} differs between the server modes`);
        }
        await load(`${server.url}${t.path}`, 1); // warm-up
        loads.set(`${mode.label} ${t.file}`, await load(`${server.url}${t.path}`, seconds));
      }
    } finally {
      await server.stop();
    }
  }
  const lines = [
    `${seed.items.toLocaleString("en")} published items in one column; autocannon with 50 connections, ${seconds} s per target; nginx with one worker`,
  ];
  const nginx = existsSync(NGINX) && pages ? await startNginx(pages) : undefined;
  if (!nginx)
    lines.push(`nginx not found at ${NGINX}: static baseline skipped (apt-get install nginx-light)`);
  try {
    for (const t of targets) {
      lines.push(`${t.label} ${t.path} (${(pages?.[t.file]?.length ?? 0).toLocaleString("en")} bytes)`);
      const fixed = nginx ? await load(`${nginx.url}/${t.file}`, seconds) : undefined;
      if (fixed) lines.push(`  ${line("nginx", fixed)}`);
      for (const mode of MODES) {
        const ours = loads.get(`${mode.label} ${t.file}`);
        if (!ours) continue;
        const goal = mode.label === "cached" ? " (goal ≥ 50%)" : "";
        const ratio = fixed ? `  = ${((100 * ours.rps) / fixed.rps).toFixed(1)}% of nginx${goal}` : "";
        lines.push(`  ${line(mode.label, ours)}${ratio}`);
      }
    }
  } finally {
    await nginx?.stop();
  }
  lines.push(
    `load average (1 min) ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after, on ${cpus().length} cores`,
  );
  return { name: `Portal pages on ${name} vs the same bytes from nginx`, lines };
}

/** Runs the portal pages benchmark on SQLite and, when a server answers, on PostgreSQL. */
export async function benchPortalPages(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const sqlite = sqliteStorage();
  try {
    const file = join(sqlite.env.GONGKAI_DATA_DIR ?? "", "gongkai.sqlite");
    results.push(await measure("SQLite", sqlite, { file }));
  } finally {
    await sqlite.dispose();
  }
  const base = await benchPostgresUrl();
  if (!base) {
    results.push({ name: "Portal pages on PostgreSQL", lines: ["skipped: no PostgreSQL server reachable"] });
    return results;
  }
  const postgres = await postgresStorage(base);
  try {
    results.push(await measure("PostgreSQL", postgres, { url: postgres.env.GONGKAI_DATABASE_URL ?? "" }));
  } finally {
    await postgres.dispose();
  }
  return results;
}

// Run alone: `node bin/run-ts.js bench/portal-pages.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await benchPortalPages()) {
    console.log(`\n${result.name}`);
    for (const l of result.lines) console.log(`  ${l}`);
  }
}
