/**
 * The static export's pages per second (issue #10.2): `exportSite` over the demo data that first run seeds
 * (three agencies, the demo bureau's 2022: 409 items, 6,410 decisions, a published report, answered messages),
 * into an empty folder (every file written) and again (nothing changed, nothing written), against the baseline
 * of the same URLs answered by the same built server through `inject` with the same concurrency and nothing
 * written or crawled. On SQLite and, when a server answers, PostgreSQL. NODE_ENV=production (as the CLI runs).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Dialect } from "../src/db/database.ts";
import { createTestDatabase } from "../src/db/test-databases.ts";
import { buildServer } from "../src/server/build-server.ts";
import { runFirstRun } from "../src/setup/first-run.ts";
import { exportSite } from "../src/site/site-export.service.ts";
import type { BenchResult } from "./bench-support.ts";
import { benchPostgresUrl } from "./bench-support.ts";

const ORIGIN = "https://gk.example.gov.cn";
const HEADERS = {
  host: "gk.example.gov.cn",
  "x-forwarded-host": "gk.example.gov.cn",
  "x-forwarded-proto": "https",
};
/** As many requests in flight as the export keeps. */
const CONCURRENCY = 6;

/** Pages per second as a short string. */
function rate(pages: number, seconds: number): string {
  return `${Math.round(pages / seconds)} 页/秒`;
}

/** One dialect's figures. */
async function measure(dialect: Dialect): Promise<string[]> {
  const database = await createTestDatabase(dialect);
  const root = mkdtempSync(join(tmpdir(), "gongkai-export-bench-"));
  try {
    await runFirstRun(database, () => {}, true);
    const app = await buildServer({ logLevel: false, database, trustProxy: "127.0.0.1", pageCacheBytes: 0 });
    await app.ready();
    try {
      const first = await exportSite(app, database, { root, origin: ORIGIN });
      const again = await exportSite(app, database, { root, origin: ORIGIN });
      // Baseline: the same URLs through inject only.
      const queue = [...first.urls];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let url = queue.shift(); url; url = queue.shift()) {
            await app.inject({ method: "GET", url, headers: HEADERS });
          }
        }),
      );
      const baseline = (performance.now() - started) / 1000;
      const n = first.urls.length;
      return [
        `${dialect}: ${n} 个地址（${first.pages} 页，${(first.bytes / 1e6).toFixed(1)} MB）`,
        `  inject only (baseline)      ${rate(n, baseline)}  ${baseline.toFixed(1)} s`,
        `  export, empty folder        ${rate(n, first.seconds)}  ${first.seconds.toFixed(1)} s  ` +
          `(${(baseline / first.seconds).toFixed(2)}× baseline, ${first.written} files written)`,
        `  export again, no change     ${rate(n, again.seconds)}  ${again.seconds.toFixed(1)} s  ` +
          `(${(baseline / again.seconds).toFixed(2)}× baseline, ${again.written} files written)`,
      ];
    } finally {
      await app.close();
    }
  } finally {
    await database.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Runs the static export benchmark on SQLite and, when available, PostgreSQL. */
export async function benchSiteExport(): Promise<BenchResult[]> {
  process.env.NODE_ENV ??= "production";
  const lines = [`machine: ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`];
  lines.push(...(await measure("sqlite")));
  const url = await benchPostgresUrl();
  if (url) {
    process.env.GONGKAI_TEST_POSTGRES_URL ??= url;
    lines.push(...(await measure("postgres")));
  } else lines.push("postgres: skipped (no server answered)");
  return [{ name: "Static export (gongkai site export): pages per second, ratio to inject only", lines }];
}
