/**
 * One agency's full annual report: buildAgencyReport for the demo bureau's 2022 (the demo year seeded by first
 * run through the services: 409 items, 6,410 decisions, channels, messages, request cases, registries) against
 * the sum of the plain SQL aggregates the report needs for that year and the year before (the checks compare
 * the two), each a COUNT/SUM … GROUP BY written here and timed the same way (median of BENCH_REPORT_RUNS,
 * default 15, after one warm-up). On SQLite and, when a server answers, PostgreSQL. Goal: ≤ 1.5×. The build's
 * parts are timed too, so a miss says where the time goes.
 */
import { cpus, loadavg } from "node:os";
import { type RawBuilder, sql } from "kysely";
import { findAgency } from "../src/agencies/agency.repository.ts";
import { listAgencies } from "../src/agencies/agency.service.ts";
import { effectiveCalendar } from "../src/calendar/effective-calendar.ts";
import { runChecks } from "../src/core/checks/run-checks.ts";
import { assembleReport } from "../src/core/report-draft/report-assembly.ts";
import { deadlineOf } from "../src/core/request/request-state.ts";
import type { Database, Dialect } from "../src/db/database.ts";
import { createTestDatabase } from "../src/db/test-databases.ts";
import { computeTable4 } from "../src/litigation/table4.ts";
import { decisionGroupsOfYear } from "../src/registries/decision.repository.ts";
import { computeTable2 } from "../src/registries/table2.ts";
import { buildAgencyReport, draftProse } from "../src/reports/report.service.ts";
import { gatherReportRecords, gatherReportTables } from "../src/reports/report-sources.ts";
import { requestTable } from "../src/requests/request-report.service.ts";
import { tableGroupKeys, tableScope } from "../src/requests/request-table.repository.ts";
import { eventsOfRequestsClosedInYear } from "../src/requests/request-year.repository.ts";
import { DEMO_YEAR } from "../src/setup/demo-year.ts";
import { DEMO_BUREAU_NAME, runFirstRun } from "../src/setup/first-run.ts";
import type { BenchResult } from "./bench-support.ts";
import { benchPostgresUrl } from "./bench-support.ts";
import { type QueryTimes, queryTimingPlugin } from "./query-timing.ts";

/** The plain aggregates of one agency-year, by name. */
function aggregates(agencyId: number, year: number): Record<string, RawBuilder<unknown>> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const inYear = (column: RawBuilder<unknown>) => sql`${column} >= ${first} and ${column} <= ${last}`;
  return {
    agency: sql`select * from agencies where id = ${agencyId}`,
    calendar: sql`select year, holidays_json, workdays_json from calendar_years`,
    regulations: sql`select kind,
        sum(case when ${inYear(sql.ref("issued_on"))} then 1 else 0 end) as issued,
        sum(case when ${inYear(sql.ref("abolished_on"))} then 1 else 0 end) as abolished,
        sum(case when issued_on <= ${last} and (abolished_on is null or abolished_on > ${last}) then 1 else 0 end) as valid
      from regulations where agency_id = ${agencyId} group by kind`,
    decisions: sql`select kind, count(*) as n from decisions
      where agency_id = ${agencyId} and ${inYear(sql.ref("decided_on"))} group by kind`,
    fees: sql`select count(*) as n, sum(amount_fen) as fen from fees where agency_id = ${agencyId} and year = ${year}`,
    trainings: sql`select count(*) as n, sum(person_times) as people from trainings
      where agency_id = ${agencyId} and ${inYear(sql.ref("held_on"))}`,
    interpretations: sql`select count(*) as n from interpretations
      where agency_id = ${agencyId} and ${inYear(sql.ref("published_on"))}`,
    requests: sql`select ${tableGroupKeys(first, last)}, count(*) as n from requests
      where ${tableScope(agencyId, first, last)} group by 1, 2, 3, 4`,
    lateReplies: sql`select count(*) as n from requests
      where agency_id = ${agencyId} and ${inYear(sql.ref("closed_on"))} and due_on is not null and closed_on > due_on`,
    processingFees: sql`select count(*) as n from request_events paid join requests r on r.id = paid.request_id
      where r.agency_id = ${agencyId} and paid.type = 'fee_paid' and ${inYear(sql.ref("paid.occurred_on"))}`,
    reviewCases: sql`select kind, result, (decided_on <= ${last}) as decided, count(*) as n from review_cases
      where agency_id = ${agencyId} and filed_on <= ${last} and (decided_on is null or decided_on >= ${first})
      group by 1, 2, 3`,
    releases: sql`select count(*) as n from publications where agency_id = ${agencyId}
      and status in ('published', 'withdrawn') and ${inYear(sql.ref("published_on"))}`,
    periodic: sql`select c.id, count(p.id) as n from publication_columns c left join publications p
      on p.column_id = c.id and p.status in ('published', 'withdrawn') and ${inYear(sql.ref("p.published_on"))}
      where c.agency_id = ${agencyId} and c.cadence is not null group by c.id`,
    decisionsPublished: sql`select count(*) as n from decisions where agency_id = ${agencyId}
      and ${inYear(sql.ref("published_on"))}`,
    channelPosts: sql`select channel_id, count(*) as n from channel_posts where agency_id = ${agencyId}
      and ${inYear(sql.ref("posted_on"))} group by channel_id`,
    channelResponses: sql`select channel_id, count(*) as n from channel_responses where agency_id = ${agencyId}
      and ${inYear(sql.ref("responded_on"))} group by channel_id`,
    messages: sql`select status, count(*) as n, sum(published) as published from messages
      where agency_id = ${agencyId} and (${inYear(sql.ref("received_on"))} or ${inYear(sql.ref("replied_on"))})
      group by status`,
    prose: sql`select prose_json from report_drafts where agency_id = ${agencyId} and year = ${year}`,
    versions: sql`select id, version, published_on, findings_json from report_versions
      where agency_id = ${agencyId} and year = ${year}`,
  };
}

/** Milliseconds `op` takes. */
async function timed(op: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await op();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The middle value. */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median ms of each operation, run in turn round after round (after one warm-up each), so load hits all alike. */
async function medians(
  ops: Record<string, () => Promise<unknown>>,
  runs: number,
): Promise<Map<string, number>> {
  const entries = Object.entries(ops);
  for (const [, op] of entries) await op();
  const times = new Map(entries.map(([name]) => [name, [] as number[]]));
  for (let i = 0; i < runs; i++) {
    for (const [name, op] of entries) times.get(name)?.push(await timed(op));
  }
  return new Map([...times].map(([name, t]) => [name, middle(t)]));
}

/** The late-reply count the way report-sources computes it: the closed requests' events in one query. */
async function lateReplies(database: Database, agencyId: number, year: number): Promise<number> {
  const calendar = await effectiveCalendar(database);
  let late = 0;
  for (const events of (await eventsOfRequestsClosedInYear(database.db, agencyId, year)).values()) {
    const closing = events.at(-1);
    if (closing?.type !== "closed") continue;
    const due = deadlineOf(events.slice(0, -1), calendar).due;
    if (due !== null && closing.occurredOn > due) late += 1;
  }
  return late;
}

/** The build's time in SQL, per table (timed apart from the medians: the timing itself costs a little). */
async function queryTimes(database: Database, agencyId: number, year: number, runs: number): Promise<string> {
  const times: QueryTimes = new Map();
  let active = false;
  const db = database.db.withPlugin(queryTimingPlugin(times, () => active));
  const timedDatabase = { ...database, db };
  await buildAgencyReport(timedDatabase, agencyId, year);
  active = true;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await buildAgencyReport(timedDatabase, agencyId, year);
  const build = Number(process.hrtime.bigint() - t0) / 1e6 / runs;
  const all = [...times].sort((a, b) => b[1].ms - a[1].ms);
  const sqlMs = all.reduce((sum, [, t]) => sum + t.ms, 0) / runs;
  const queries = all.reduce((sum, [, t]) => sum + t.queries, 0) / runs;
  const top = all
    .slice(0, 5)
    .map(([table, t]) => `${table} ${(t.ms / runs).toFixed(1)} ms (${t.queries / runs} queries)`)
    .join(", ");
  return `of a build's ${build.toFixed(1)} ms, ${sqlMs.toFixed(1)} ms are in its ${queries} queries: ${top}`;
}

/** Seeds the demo year on a fresh database of the dialect and measures. */
async function measure(dialect: Dialect, runs: number): Promise<string[]> {
  const database = await createTestDatabase(dialect);
  try {
    const t0 = Date.now();
    await runFirstRun(database, () => {}, true);
    const seedSeconds = (Date.now() - t0) / 1000;
    const bureau = (await listAgencies(database)).find((a) => a.name === DEMO_BUREAU_NAME);
    if (!bureau) throw new Error("no demo bureau");
    const agency = await findAgency(database.db, bureau.id);
    if (!agency) throw new Error("no demo bureau row");
    const year = DEMO_YEAR;
    const built = await buildAgencyReport(database, bureau.id, year);
    if (built.findings.length > 0) throw new Error(`the demo report has findings on ${dialect}`);
    const plain: Record<string, () => Promise<unknown>> = {};
    for (const y of [year, year - 1]) {
      for (const [name, query] of Object.entries(aggregates(bureau.id, y))) {
        plain[`${name} ${y}`] = () => query.execute(database.db);
      }
    }
    const records = await gatherReportRecords(database, agency, year);
    const reportParts = {
      agencyName: agency.name,
      year,
      ...records.tables,
      prose: draftProse(records).prose,
    };
    const parts: Record<string, () => Promise<unknown>> = {
      "gather records (year)": () => gatherReportRecords(database, agency, year),
      "gather tables (year before)": () => gatherReportTables(database, bureau.id, year - 1),
      "  table 二": () => computeTable2(database, bureau.id, year),
      "    its decision groups": () => decisionGroupsOfYear(database, bureau.id, year),
      "  work calendar": () => effectiveCalendar(database),
      "  table 三": () => requestTable(database, bureau.id, year),
      "  table 四": () => computeTable4(database.db, bureau.id, year),
      "  late replies (events of the closed cases, one query)": () => lateReplies(database, bureau.id, year),
      "draft prose": async () => draftProse(records),
      "assemble + checks": async () => {
        const report = assembleReport(reportParts);
        return runChecks(report, { previous: report, agencyKind: agency.kind });
      },
    };
    const loadBefore = loadavg()[0] ?? 0;
    const times = await medians(
      { build: () => buildAgencyReport(database, bureau.id, year), ...plain, ...parts },
      runs,
    );
    const ours = times.get("build") ?? 0;
    const baseline = Object.keys(plain).reduce((sum, name) => sum + (times.get(name) ?? 0), 0);
    const name = dialect === "sqlite" ? "SQLite" : "PostgreSQL";
    const slowest = Object.keys(plain)
      .sort((a, b) => (times.get(b) ?? 0) - (times.get(a) ?? 0))
      .slice(0, 3)
      .map((n) => `${n} ${(times.get(n) ?? 0).toFixed(2)} ms`);
    const sqlTimes = await queryTimes(database, bureau.id, year, runs);
    return [
      `${name}: demo year seeded in ${seedSeconds.toFixed(0)} s; median of ${runs} runs; load average (1 min) ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after, on ${cpus().length} cores`,
      `${name}: buildAgencyReport ${ours.toFixed(1)} ms, ${Object.keys(plain).length} plain aggregates ${baseline.toFixed(1)} ms, ratio ${(ours / baseline).toFixed(2)}× (goal ≤ 1.5×)`,
      `${name}: slowest aggregates: ${slowest.join(", ")}`,
      `${name}: the build's parts: ${Object.keys(parts)
        .map((n) => `${n.trim()} ${(times.get(n) ?? 0).toFixed(1)} ms`)
        .join("; ")}`,
      `${name}: ${sqlTimes}`,
    ];
  } finally {
    await database.dispose();
  }
}

/** Runs the report build benchmark on SQLite and, when available, PostgreSQL. */
export async function benchReportBuild(): Promise<BenchResult[]> {
  const runs = Number(process.env.BENCH_REPORT_RUNS ?? 15);
  const lines = await measure("sqlite", runs);
  const url = await benchPostgresUrl();
  if (url) {
    process.env.GONGKAI_TEST_POSTGRES_URL ??= url;
    lines.push(...(await measure("postgres", runs)));
  } else lines.push("PostgreSQL: no server reachable (set GONGKAI_TEST_POSTGRES_URL), not measured");
  return [
    { name: "One agency's full report (demo bureau 2022) vs the plain SQL aggregates it needs", lines },
  ];
}

// Run alone: `node bin/run-ts.js bench/report-build.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await benchReportBuild()) {
    console.log(`\n${result.name}`);
    for (const l of result.lines) console.log(`  ${l}`);
  }
}
