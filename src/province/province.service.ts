/**
 * `gongkai demo province`: fills the database with a generated province — the agency tree with profiles,
 * and per agency-year the catalog, new-media posts, decisions, messages, requests (through the request
 * machine), reviews — written in bulk, one transaction per batch of agencies; then each agency-year's
 * annual report is built from those records by the real report builder, checked (C-1 … C-12) and published.
 */
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Finding } from "../core/report/report-model.ts";
import type { Database } from "../db/database.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import { ROOT_COLUMNS } from "../publications/column.repository.ts";
import { publishReport } from "../reports/report.service.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  advanceSequences,
  agencyCensus,
  type GeneratedTable,
  highestIds,
  insertRows,
  insertSearchTerms,
  takenCreditCodes,
} from "./province.repository.ts";
import { type Random, seededRandom } from "./province-random.ts";
import { type PlannedAgency, planProvince } from "./province-tree.ts";
import { type AgencySetup, emptyRows, generateYear, type IdSource, type YearRows } from "./province-year.ts";

/** What to generate. */
export interface ProvinceOptions {
  readonly agencies: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly seed: number;
  /** Generate even when the database holds agencies other than the first-run demo ones. */
  readonly force: boolean;
}

/** Progress of a phase: done of total units, rows written so far. */
export type ProvinceProgress = (
  phase: "records" | "reports",
  done: number,
  total: number,
  rows: number,
) => void;

/** What was generated. */
export interface ProvinceSummary {
  readonly rootId: number;
  readonly rootName: string;
  readonly agencyIds: readonly number[];
  readonly rows: number;
  readonly recordSeconds: number;
  readonly reports: number;
  readonly reportSeconds: number;
  /** Findings of the published reports (warnings; a report with errors is not published). */
  readonly findings: readonly { agencyId: number; year: number; finding: Finding }[];
}

/** The agencies the first run creates (示范市人民政府 and its two departments). */
const FIRST_RUN_AGENCIES = 3;

/** Who the generator acts as in the trail and on the reports. */
export const GENERATOR_ACTOR: Actor = { userId: null, name: "省级示范数据生成", role: "system", ip: "local" };

/** Agencies written per transaction. */
const BATCH = 10;

/** Refuses a database that already holds this province (or its credit codes), or other agencies without `force`. */
async function checkTarget(
  database: Database,
  plan: readonly PlannedAgency[],
  force: boolean,
): Promise<void> {
  const root = plan[0]?.name ?? "";
  const census = await agencyCensus(database.db);
  const taken = await takenCreditCodes(
    database.db,
    plan.map((a) => a.creditCode),
  );
  if (taken.length > 0) {
    throw new DomainError(
      "PROVINCE_EXISTS",
      `数据库中已有统一社会信用代码 ${taken[0]} 的机关（与该种子生成的机关相同）：请换一个 --seed`,
      409,
    );
  }
  if (census.roots.includes(root)) {
    throw new DomainError(
      "PROVINCE_EXISTS",
      `数据库中已有“${root}”：同一种子只能生成一次，请换一个 --seed`,
      409,
    );
  }
  if (!force && census.count > FIRST_RUN_AGENCIES) {
    throw new DomainError(
      "PROVINCE_NOT_EMPTY",
      `数据库中已有 ${census.count} 个机关（不只是首次启动创建的示范机关）：示范省数据会与之混在一起。确需生成请加 --force`,
      409,
    );
  }
}

/** Ids continuing after each table's highest. */
function idSource(start: Record<GeneratedTable, number>): IdSource {
  const next: Record<string, number> = { ...start };
  return { next: (table) => (next[table] = (next[table] ?? 0) + 1) };
}

/** The short name of an account ("临江公安" for 临江市公安局). */
function accountName(a: PlannedAgency): string {
  const place = a.place.replace(/(省|市|县|区|镇|乡|街道)$/, "").slice(-4);
  return a.department ? `${place}${a.department.local.replace(/(局|委员会)$/, "")}` : `${place}发布`;
}

/** Writes the agencies with their columns and channels; their setups. */
async function writeAgencies(
  database: Database,
  plan: readonly PlannedAgency[],
  ids: IdSource,
  at: string,
): Promise<{ setups: AgencySetup[]; rows: number }> {
  const setups: AgencySetup[] = [];
  const agencyIds = plan.map(() => ids.next("agencies"));
  const agencies = plan.map((a, i) => ({
    id: agencyIds[i] as number,
    parent_id: a.parent === null ? null : (agencyIds[a.parent] as number),
    name: a.name,
    kind: a.kind,
    credit_code: a.creditCode,
    office_name: a.contact.officeName,
    office_address: a.contact.address,
    office_hours: a.contact.hours,
    office_phone: a.contact.phone,
    office_fax: a.contact.fax,
    office_email: a.contact.email,
    office_website: a.contact.website,
    created_at: at,
    updated_at: at,
  }));
  const columns: Parameters<typeof insertRows<"publication_columns">>[2][number][] = [];
  const channels: Parameters<typeof insertRows<"channels">>[2][number][] = [];
  plan.forEach((a, i) => {
    const agencyId = agencyIds[i] as number;
    const column = (
      parent: number | null,
      name: string,
      extra: { root_kind?: string; category_item?: string; cadence?: "monthly" },
      order: number,
    ) => {
      const id = ids.next("publication_columns");
      columns.push({
        id,
        agency_id: agencyId,
        parent_id: parent,
        name,
        root_kind: extra.root_kind ?? null,
        category_item: extra.category_item ?? null,
        cadence: extra.cadence ?? null,
        sort_order: order,
        created_at: at,
        updated_at: at,
      });
      return id;
    };
    let proactive = 0;
    ROOT_COLUMNS.forEach((r, n) => {
      const id = column(null, r.name, { root_kind: r.kind }, n + 1);
      if (r.kind === "proactive") proactive = id;
    });
    const news = column(proactive, "工作动态", {}, 1);
    const notice = column(proactive, "通知公告", {}, 2);
    const policy = column(proactive, "政策文件", { category_item: "（一）" }, 3);
    const periodic =
      a.level === "township"
        ? notice
        : column(proactive, "工作月报", { category_item: "（四）", cadence: "monthly" }, 4);
    const channel = (kind: string, name: string, account: string) => {
      const id = ids.next("channels");
      channels.push({
        id,
        agency_id: agencyId,
        kind,
        name,
        account,
        interactive: 1,
        interactive_checked_on: null,
        created_at: at,
        updated_at: at,
      });
      return id;
    };
    const portalChannel = channel("portal", "政府信息公开专栏", "");
    const domain = a.contact.website.replace("https://www.", "").replace(".gov.cn", "");
    const accounts = [{ id: channel("wechat", accountName(a), `${domain}-wx`), kind: "wechat", domain }];
    if (a.kind === "government" && a.level !== "township")
      accounts.push({ id: channel("weibo", `${accountName(a)}微博`, `${domain}-wb`), kind: "weibo", domain });
    setups.push({
      id: agencyId,
      plan: a,
      columns: { news, notice, policy, periodic },
      portalChannel,
      channels: accounts,
    });
  });
  await database.db.transaction().execute(async (trx) => {
    await insertRows(trx, "agencies", agencies);
    await insertRows(trx, "publication_columns", columns);
    await insertRows(trx, "channels", channels);
  });
  return { setups, rows: agencies.length + columns.length + channels.length };
}

/** Writes one batch's rows in one transaction; how many rows. */
async function writeRows(database: Database, rows: YearRows): Promise<number> {
  let count = rows.search.length;
  await database.db.transaction().execute(async (trx) => {
    for (const [table, list] of Object.entries(rows)) {
      if (table === "search") continue;
      count += list.length;
      await insertRows(trx, table as "publications", list as YearRows["publications"]);
    }
    await insertSearchTerms(trx, database.dialect, rows.search);
  });
  return count;
}

/** A working day in January (departments) or by mid-March (governments) of the next year (C-12). */
function publicationDay(random: Random, a: PlannedAgency, year: number): string {
  const day = a.kind === "department" ? random.int(10, 28) : random.int(10, 28);
  const month = a.kind === "department" ? "01" : random.chance(0.5) ? "01" : "03";
  return `${year + 1}-${month}-${String(day).padStart(2, "0")}`;
}

/** Generates the province; see the file comment. */
export async function generateProvince(
  database: Database,
  options: ProvinceOptions,
  progress: ProvinceProgress = () => {},
): Promise<ProvinceSummary> {
  const plan = planProvince(options.agencies, options.seed);
  const rootName = plan[0]?.name ?? "";
  await checkTarget(database, plan, options.force);
  const started = performance.now();
  const calendar = await effectiveCalendar(database);
  const secret = await installationSecret(database.db);
  const ids = idSource(await highestIds(database.db));
  const at = new Date().toISOString();
  const { setups, rows: agencyRows } = await writeAgencies(database, plan, ids, at);
  const places = plan.filter((a) => a.kind === "government").map((a) => a.place);
  const otherPlace = (random: Random) => places[random.int(0, places.length - 1)] ?? "";
  const end = `${options.toYear}-12-31`;
  const years = Array.from({ length: options.toYear - options.fromYear + 1 }, (_, i) => options.fromYear + i);
  const units = years.length * setups.length;
  let rows = agencyRows;
  let done = 0;
  // While one batch is written, the next is generated (yielding between agencies so the writes proceed):
  // on PostgreSQL the server works while this process generates.
  let writing: Promise<number> = Promise.resolve(0);
  for (const year of years) {
    for (let i = 0; i < setups.length; i += BATCH) {
      const batch = emptyRows();
      for (const setup of setups.slice(i, i + BATCH)) {
        generateYear(setup, { seed: options.seed, year, end, calendar, secret, ids, otherPlace }, batch);
        await new Promise((resolve) => setImmediate(resolve));
      }
      rows += await writing;
      if (done > 0) progress("records", done, units, rows);
      done += Math.min(BATCH, setups.length - i);
      writing = writeRows(database, batch);
      writing.catch(() => {}); // awaited (and thrown) before the next write; not an unhandled rejection meanwhile
    }
  }
  rows += await writing;
  progress("records", done, units, rows);
  await database.db.transaction().execute(async (trx) => {
    await advanceSequences(trx, database.dialect);
    await appendTrail(trx, database.dialect, {
      actorUserId: null,
      actorName: GENERATOR_ACTOR.name,
      actorRole: GENERATOR_ACTOR.role,
      agencyId: setups[0]?.id ?? null,
      action: "province.generate",
      entityType: "agency",
      entityId: setups[0]?.id ?? 0,
      after: {
        agencies: setups.length,
        years: `${options.fromYear}-${options.toYear}`,
        seed: options.seed,
        rows,
      },
      ip: "local",
      at: new Date().toISOString(),
    });
  });
  const recordSeconds = (performance.now() - started) / 1000;
  const reportsStarted = performance.now();
  const findings: { agencyId: number; year: number; finding: Finding }[] = [];
  let reports = 0;
  for (const year of years) {
    for (const setup of setups) {
      const random = seededRandom(options.seed ^ (setup.plan.index * 131 + year));
      const today = publicationDay(random, setup.plan, year);
      const published = await publishReport(database, setup.id, year, { note: "", today }, GENERATOR_ACTOR);
      for (const finding of published.findings) findings.push({ agencyId: setup.id, year, finding });
      reports += 1;
      progress("reports", reports, units, rows);
    }
  }
  return {
    rootId: setups[0]?.id ?? 0,
    rootName,
    agencyIds: setups.map((s) => s.id),
    rows,
    recordSeconds,
    reports,
    reportSeconds: (performance.now() - reportsStarted) / 1000,
    findings,
  };
}
