/**
 * Table 三 for one agency-year with 100,000 cases computed the platform's way — requestTable, as the API does it:
 * one pass of the database that groups the year's cases as table 三 tells them apart and hands back each group's
 * case ids, then computeApplicationsTableFromGroups (counts and drill-down ids) — against a plain SQL GROUP BY over the same
 * rows that only counts; also the per-case way (load each case's kind, receipt date, closing date and outcome,
 * then computeApplicationsTable). On SQLite and, when a server answers (GONGKAI_TEST_POSTGRES_URL or
 * 127.0.0.1:5432), on PostgreSQL. Goal: ≤ 1.5× the GROUP BY.
 */
import { execFileSync } from "node:child_process";
import { sql } from "kysely";
import { APPLICATION_ROWS, type ApplicationsTable, type Count } from "../src/core/report/report-model.ts";
import { type CaseForTable, computeApplicationsTable } from "../src/core/request/applications-table.ts";
import { APPLICANT_KINDS, outcomeById } from "../src/core/request/outcomes.ts";
import type { Database, Dialect } from "../src/db/database.ts";
import { createTestDatabase, type TestDatabase } from "../src/db/test-databases.ts";
import { requestTable } from "../src/requests/request-report.service.ts";
import { tableGroupKeys, tableScope } from "../src/requests/request-table.repository.ts";
import type { BenchResult } from "./bench-support.ts";
import { CASES, type GeneratedCase, generateCases, insertCases, YEAR } from "./requests-cases.bench.ts";

/** Timed rounds per side (after one warm-up each); the median is printed. */
const ROUNDS = 11;

/** The four columns table 三 needs of every case in the agency-year, nothing else. */
async function loadCases(database: Database, agencyId: number, year: number): Promise<CaseForTable[]> {
  const rows = await database.db
    .selectFrom("requests")
    .select([
      "id",
      "applicant_kind as applicantKind",
      "received_on as receivedOn",
      "closed_on as closedOn",
      "outcome",
    ])
    .where("agency_id", "=", agencyId)
    .where("received_on", "<=", `${year}-12-31`)
    .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">=", `${year}-01-01`)]))
    .execute();
  return rows as CaseForTable[];
}

/** The per-case way: load every case's four columns, then computeApplicationsTable. */
async function perCaseTable(database: Database, agencyId: number, year: number): Promise<ApplicationsTable> {
  return computeApplicationsTable(await loadCases(database, agencyId, year), year).table;
}

/** A group of the year's cases as the baseline query returns it. */
interface GroupRow {
  readonly kind: string;
  readonly isNew: number | boolean;
  readonly closedInYear: number | boolean | null;
  readonly outcome: string | null;
}

/** The platform's way, exactly as GET /api/requests/table computes it (counts and drill-down ids). */
async function platformTable(database: Database, agencyId: number, year: number): Promise<ApplicationsTable> {
  return (await requestTable(database, agencyId, year)).table;
}

/** The baseline: one GROUP BY counting by applicant kind, new or carried over, and result; assembled in JS. */
async function groupByTable(database: Database, agencyId: number, year: number): Promise<ApplicationsTable> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const { rows } = await sql<GroupRow & { n: number }>`
    select ${tableGroupKeys(first, last)}, count(*) as "n"
    from requests
    where ${tableScope(agencyId, first, last)}
    group by 1, 2, 3, 4`.execute(database.db);
  const table: Record<string, Count[]> = {};
  for (const row of APPLICATION_ROWS) table[row.key] = [0, 0, 0, 0, 0, 0, 0];
  const add = (key: string, column: number, n: number) => {
    const cells = table[key] as number[];
    cells[column] = (cells[column] as number) + n;
    cells[6] = (cells[6] as number) + n;
  };
  for (const g of rows) {
    const column = APPLICANT_KINDS.indexOf(g.kind as (typeof APPLICANT_KINDS)[number]);
    const n = Number(g.n);
    add(Number(g.isNew) ? "new" : "carriedOver", column, n);
    const outcome = Number(g.closedInYear) ? outcomeById(g.outcome ?? "") : undefined;
    if (outcome) {
      add(outcome.row, column, n);
      add("totalProcessed", column, n);
    } else add("carriedForward", column, n);
  }
  return table;
}

/** The middle value. */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Milliseconds `op` takes. */
async function timed(op: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await op();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The GROUP BY in one process: PostgreSQL without parallel workers (SQLite never uses any). */
async function serialGroupBy(database: Database, agencyId: number, year: number): Promise<ApplicationsTable> {
  if (database.dialect !== "postgres") return groupByTable(database, agencyId, year);
  return database.db.connection().execute(async (connection) => {
    await sql`set max_parallel_workers_per_gather = 0`.execute(connection);
    try {
      return await groupByTable({ ...database, db: connection }, agencyId, year);
    } finally {
      await sql`reset max_parallel_workers_per_gather`.execute(connection);
    }
  });
}

/** Median wall times in ms of the operations, run in turn for ROUNDS rounds after one warm-up each (so a busy
 * machine slows them alike). */
async function medians(ops: readonly (() => Promise<unknown>)[]): Promise<number[]> {
  for (const op of ops) await op();
  const times = ops.map((): number[] => []);
  for (let i = 0; i < ROUNDS; i++) {
    for (const [k, op] of ops.entries()) times[k]?.push(await timed(op));
  }
  return times.map(middle);
}

/** Whether a PostgreSQL server is there: GONGKAI_TEST_POSTGRES_URL, else the local one if pg_isready says so. */
function postgresAvailable(): boolean {
  if (process.env.GONGKAI_TEST_POSTGRES_URL) return true;
  try {
    execFileSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-t", "2"], { stdio: "ignore" });
    process.env.GONGKAI_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";
    return true;
  } catch {
    return false;
  }
}

/** Measures one dialect. */
async function measure(dialect: Dialect, cases: readonly GeneratedCase[]): Promise<string[]> {
  const database: TestDatabase = await createTestDatabase(dialect);
  try {
    await insertCases(database, cases);
    const platform = await platformTable(database, 1, YEAR);
    const baseline = await groupByTable(database, 1, YEAR);
    const perCase = await perCaseTable(database, 1, YEAR);
    for (const [way, table] of [
      ["platform", platform],
      ["per-case", perCase],
    ] as const) {
      if (JSON.stringify(table) !== JSON.stringify(baseline)) {
        throw new Error(`table 三 differs between the ${way} way and the GROUP BY on ${dialect}`);
      }
    }
    if ((platform.new?.[6] as number) + (platform.carriedOver?.[6] as number) !== CASES) {
      throw new Error(`table 三 on ${dialect} does not count the ${CASES} cases`);
    }
    const [ours = 0, plain = 0, oneByOne = 0, serial = 0] = await medians([
      () => platformTable(database, 1, YEAR),
      () => groupByTable(database, 1, YEAR),
      () => perCaseTable(database, 1, YEAR),
      () => serialGroupBy(database, 1, YEAR),
    ]);
    const name = dialect === "sqlite" ? "SQLite" : "PostgreSQL";
    const lines = [
      `${name}: platform (one grouped pass with the case ids + computeApplicationsTableFromGroups) ${ours.toFixed(1)} ms, GROUP BY ${plain.toFixed(1)} ms, ratio ${(ours / plain).toFixed(2)}× (goal ≤ 1.5×)`,
      `${name}: loading every case's four columns + computeApplicationsTable instead: ${oneByOne.toFixed(1)} ms, ratio ${(oneByOne / plain).toFixed(2)}×`,
    ];
    if (dialect === "postgres") {
      lines.push(
        `${name}: the GROUP BY without parallel workers (string_agg has no parallel form before PostgreSQL 16): ${serial.toFixed(1)} ms, platform ratio ${(ours / serial).toFixed(2)}×`,
      );
    }
    return lines;
  } finally {
    await database.dispose();
  }
}

/** Runs the table 三 benchmark on SQLite and, when available, PostgreSQL. */
export async function benchRequestsTable(): Promise<BenchResult[]> {
  const cases = generateCases();
  const lines = await measure("sqlite", cases);
  if (postgresAvailable()) lines.push(...(await measure("postgres", cases)));
  else lines.push("PostgreSQL: no server (set GONGKAI_TEST_POSTGRES_URL), not measured");
  return [
    { name: `table 三 from ${CASES.toLocaleString("en")} cases of one agency-year vs SQL GROUP BY`, lines },
  ];
}
