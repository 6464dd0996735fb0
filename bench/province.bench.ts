/**
 * A province to measure on (issue #10.3): `generateProvince` fills a fresh database with
 * BENCH_PROVINCE_AGENCIES agencies (default 100) × BENCH_PROVINCE_YEARS (default 2023-2024), then measures,
 * each against a baseline timed in the same run on the same database:
 * - the generator's records (rows/s) against a plain multi-row insert of as many rows into a scratch table;
 * - the supervisor's 年报汇总 (`reportOverview` of all agencies for the last year, p95 of BENCH_PROVINCE_RUNS,
 *   default 5; goal ≤ 1 s) against the plain GROUP BY aggregates of the year's tables over all agencies;
 * - all agencies' daily monitors (`recordMonitors`), total and per agency, against the plain grouped reads
 *   of the facts they watch;
 * - building every agency's report of the year (`buildAgencyReport`), total and per agency, against the
 *   same plain aggregates.
 * The report publication (render + checks) of the generator is timed too. SQLite and, when a server answers,
 * PostgreSQL (BENCH_PROVINCE_POSTGRES_AGENCIES, default the same N).
 */
import { cpus, loadavg } from "node:os";
import { sql } from "kysely";
import type { Database, Dialect } from "../src/db/database.ts";
import { createTestDatabase } from "../src/db/test-databases.ts";
import { recordMonitors } from "../src/monitors/monitor.service.ts";
import { generateProvince } from "../src/province/province.service.ts";
import { buildAgencyReport } from "../src/reports/report.service.ts";
import { reportOverview } from "../src/reports/report-overview.service.ts";
import { type BenchResult, benchPostgresUrl, percentile } from "./bench-support.ts";

/** Seconds since `start` (performance.now()). */
const since = (start: number) => (performance.now() - start) / 1000;

/** A plain multi-row insert of `rows` five-column rows, in transactions of 50,000 rows; seconds. */
async function plainInsert(database: Database, rows: number): Promise<number> {
  await sql`create table bench_plain_rows (id integer primary key, agency_id integer not null, title text not null, day text not null, n integer not null)`.execute(
    database.db,
  );
  const start = performance.now();
  for (let done = 0; done < rows; done += 50_000) {
    await database.db.transaction().execute(async (trx) => {
      const end = Math.min(rows, done + 50_000);
      for (let i = done; i < end; i += 6_000) {
        const values = Array.from({ length: Math.min(6_000, end - i) }, (_, k) => {
          const id = i + k + 1;
          return sql`(${id}, ${id % 997}, ${`某某市人民政府召开第${id}次工作推进会`}, ${"2024-03-01"}, ${id % 13})`;
        });
        await sql`insert into bench_plain_rows (id, agency_id, title, day, n) values ${sql.join(values)}`.execute(
          trx,
        );
      }
    });
  }
  return since(start);
}

/** The plain GROUP BY aggregates of a year's tables over all agencies (what the tables and monitors count). */
async function plainAggregates(database: Database, year: number): Promise<number> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const db = database.db;
  const start = performance.now();
  await sql`select agency_id, kind, count(*) from decisions where decided_on between ${first} and ${last} group by agency_id, kind`.execute(
    db,
  );
  await sql`select agency_id, applicant_kind, outcome, count(*) from requests
    where (received_on between ${first} and ${last}) or (closed_on between ${first} and ${last}) or (received_on < ${first} and (closed_on is null or closed_on > ${last}))
    group by agency_id, applicant_kind, outcome`.execute(db);
  await sql`select agency_id, kind, result, count(*) from review_cases where filed_on <= ${last} group by agency_id, kind, result`.execute(
    db,
  );
  await sql`select agency_id, count(*), max(published_on) from publications where published_on between ${first} and ${last} group by agency_id`.execute(
    db,
  );
  await sql`select channel_id, count(*) from channel_posts where posted_on between ${first} and ${last} group by channel_id`.execute(
    db,
  );
  await sql`select agency_id, status, count(*) from messages where received_on between ${first} and ${last} group by agency_id, status`.execute(
    db,
  );
  return since(start);
}

/** Generates the province on a fresh database of the dialect and measures. */
async function measure(
  dialect: Dialect,
  agencies: number,
  fromYear: number,
  toYear: number,
  runs: number,
): Promise<string[]> {
  const name = dialect === "sqlite" ? "SQLite" : "PostgreSQL";
  const database = await createTestDatabase(dialect);
  try {
    const summary = await generateProvince(database, { agencies, fromYear, toYear, seed: 1, force: false });
    const insertSeconds = await plainInsert(database, summary.rows);
    const rate = summary.rows / summary.recordSeconds;
    const plainRate = summary.rows / insertSeconds;
    const ids = summary.agencyIds;
    const year = toYear;
    const plain: number[] = [];
    const overview: number[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(await plainAggregates(database, year));
      const start = performance.now();
      await reportOverview(database, ids, year);
      overview.push(since(start));
    }
    plain.sort((a, b) => a - b);
    overview.sort((a, b) => a - b);
    const plainMedian = percentile(plain, 0.5);
    const monitorsStart = performance.now();
    const monitors = await recordMonitors(database, `${toYear}-12-28`);
    const monitorSeconds = since(monitorsStart);
    const buildStart = performance.now();
    for (const id of ids) await buildAgencyReport(database, id, year);
    const buildSeconds = since(buildStart);
    const n = ids.length;
    const perMs = (s: number, count: number) => `${((s * 1000) / count).toFixed(1)} ms`;
    return [
      `${name}: N = ${n} agencies × ${toYear - fromYear + 1} years (${fromYear}-${toYear}); ${summary.rows} rows; load average ${(loadavg()[0] ?? 0).toFixed(2)} on ${cpus().length} cores`,
      `${name}: generator ${Math.round(rate)} rows/s (${summary.recordSeconds.toFixed(1)} s); plain multi-row insert of as many rows ${Math.round(plainRate)} rows/s; ratio ${(rate / plainRate).toFixed(2)}×`,
      `${name}: reports published by the generator: ${summary.reports} in ${summary.reportSeconds.toFixed(1)} s (${perMs(summary.reportSeconds, summary.reports)} each: build, checks, HTML/DOCX/PDF/XLSX), ${summary.findings.length} findings`,
      `${name}: 年报汇总 of ${n} agencies for ${year}: p50 ${percentile(overview, 0.5).toFixed(3)} s, p95 ${percentile(overview, 0.95).toFixed(3)} s over ${runs} runs (goal p95 ≤ 1 s); plain grouped aggregates ${(plainMedian * 1000).toFixed(1)} ms; ratio ${(percentile(overview, 0.5) / plainMedian).toFixed(1)}×`,
      `${name}: daily monitors of all ${monitors.agencies} agencies: ${monitorSeconds.toFixed(2)} s, ${perMs(monitorSeconds, monitors.agencies)} per agency (${monitors.failed.length} failed); ratio to the plain aggregates ${(monitorSeconds / plainMedian).toFixed(1)}×`,
      `${name}: buildAgencyReport for every agency (${year}): ${buildSeconds.toFixed(2)} s, ${perMs(buildSeconds, n)} per agency; ratio to the plain aggregates ${(buildSeconds / plainMedian).toFixed(1)}×`,
    ];
  } finally {
    await database.dispose();
  }
}

/** Runs the province benchmark on SQLite and, when available, PostgreSQL. */
export async function benchProvince(): Promise<BenchResult[]> {
  const agencies = Number(process.env.BENCH_PROVINCE_AGENCIES ?? 100);
  const [fromYear, toYear] = (process.env.BENCH_PROVINCE_YEARS ?? "2023-2024").split("-").map(Number) as [
    number,
    number,
  ];
  const runs = Number(process.env.BENCH_PROVINCE_RUNS ?? 5);
  const lines = await measure("sqlite", agencies, fromYear, toYear, runs);
  const url = await benchPostgresUrl();
  if (url) {
    process.env.GONGKAI_TEST_POSTGRES_URL ??= url;
    const pgAgencies = Number(process.env.BENCH_PROVINCE_POSTGRES_AGENCIES ?? agencies);
    lines.push(...(await measure("postgres", pgAgencies, fromYear, toYear, runs)));
  } else lines.push("PostgreSQL: no server reachable (set GONGKAI_TEST_POSTGRES_URL), not measured");
  return [
    { name: "A province (gongkai demo province): generator, 年报汇总, daily monitors, every report", lines },
  ];
}

// Run alone: `node bin/run-ts.js bench/province.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await benchProvince()) {
    console.log(`\n${result.name}`);
    for (const l of result.lines) console.log(`  ${l}`);
  }
}
