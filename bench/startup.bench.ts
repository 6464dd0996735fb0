/**
 * Start-up from the compiled dist/ (issue #10.4), each figure the median of BENCH_STARTUP_RUNS (default 11)
 * runs interleaved with a bare `node -e 0` measured in the same run:
 * - `gongkai deadline --received 2024-09-20`: wall time from spawn to exit and peak RSS, as ratios to
 *   `node -e 0` (goal: time ≤ 6×);
 * - `gongkai serve` on an existing SQLite database (made by a first start): time from spawn to the first
 *   200 on /healthz (goal: ≤ 2 s).
 * `npm run build` runs first, and a run that did not use dist/ (the entry's tsx notice) fails the bench.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPOSITORY_ROOT, sqliteStorage, startServerProcess } from "../test/server-process.ts";
import type { BenchResult } from "./bench-support.ts";

const BIN = join(REPOSITORY_ROOT, "bin/gongkai.js");
const DEADLINE = [BIN, "deadline", "--received", "2024-09-20"];

/** One process run: wall time (ms) from spawn to exit, and peak RSS (kB) when measured. */
interface ProcessRun {
  readonly ms: number;
  readonly rssKb: number;
}

/** The median of the values. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Runs node with the arguments to its end. With `preload` (a CommonJS file that writes the process's peak
 * RSS to fd 3 on exit) the peak RSS is read too; the wall time is taken from runs without it.
 */
function runNode(args: readonly string[], preload?: string): Promise<ProcessRun> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, preload ? ["--require", preload, ...args] : [...args], {
      cwd: REPOSITORY_ROOT,
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let err = "";
    let rss = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.stdio[3]?.on("data", (chunk: Buffer) => {
      rss += chunk.toString("utf8");
    });
    child.once("error", fail);
    child.once("close", (code) => {
      const ms = performance.now() - started;
      if (code !== 0 || err !== "") fail(new Error(`node ${args.join(" ")} exited ${code}:\n${err}`));
      else done({ ms, rssKb: Number(rss) || 0 });
    });
  });
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts `gongkai serve` on the data folder; ms from spawn to the first 200 on /healthz, then stops it. */
async function serveToHealthy(env: Readonly<Record<string, string>>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`gongkai serve exited before answering:\n${err}`);
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (performance.now() - started > 60_000) throw new Error(`gongkai serve did not answer:\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - started;
    if (err.includes("提示：")) throw new Error(`gongkai serve did not run dist/:\n${err}`);
    return ms;
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** Start-up figures of the CLI and the server, from dist/. */
export async function benchStartup(): Promise<BenchResult[]> {
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: REPOSITORY_ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 11);
  const scratch = mkdtempSync(join(tmpdir(), "gongkai-startup-"));
  const preload = join(scratch, "peak-rss.cjs");
  writeFileSync(
    preload,
    'process.on("exit", () => require("node:fs").writeSync(3, String(process.resourceUsage().maxRSS)));\n',
  );
  const storage = sqliteStorage();
  try {
    // Warm the file cache, and fail early when the entry does not run dist/ (runNode refuses any stderr).
    await runNode(DEADLINE);
    const bare: ProcessRun[] = [];
    const deadline: ProcessRun[] = [];
    const bareRss: ProcessRun[] = [];
    const deadlineRss: ProcessRun[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await runNode(["-e", "0"]));
      deadline.push(await runNode(DEADLINE));
      bareRss.push(await runNode(["-e", "0"], preload));
      deadlineRss.push(await runNode(DEADLINE, preload));
    }
    const bareMs = median(bare.map((r) => r.ms));
    const deadlineMs = median(deadline.map((r) => r.ms));
    const bareKb = median(bareRss.map((r) => r.rssKb));
    const deadlineKb = median(deadlineRss.map((r) => r.rssKb));

    // The existing database: made (migrations, first-run seeding) by a first start, then started again.
    const first = await startServerProcess({ storage, env: { GONGKAI_DEMO_RECORDS: "0" } });
    await first.stop();
    const serveRuns = Math.max(3, Math.ceil(runs / 2));
    const serve: number[] = [];
    for (let i = 0; i < serveRuns; i++) serve.push(await serveToHealthy(storage.env));
    const serveMs = median(serve);

    const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
    return [
      {
        name: `start-up from dist/ (median of ${runs} runs; baseline node -e 0 in the same run)`,
        lines: [
          `node -e 0: ${bareMs.toFixed(0)} ms, peak RSS ${(bareKb / 1024).toFixed(0)} MB`,
          `gongkai deadline --received 2024-09-20: ${deadlineMs.toFixed(0)} ms (${ratio(deadlineMs, bareMs)}; goal ≤ 6×), peak RSS ${(deadlineKb / 1024).toFixed(0)} MB (${ratio(deadlineKb, bareKb)})`,
          `gongkai serve on an existing SQLite database, spawn → first 200 on /healthz (median of ${serveRuns}): ${serveMs.toFixed(0)} ms (${ratio(serveMs, bareMs)}; goal ≤ 2000 ms)`,
        ],
      },
    ];
  } finally {
    await storage.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}
