/**
 * SQL of the annual report's read model: the counts of a year's records that the prose states (releases,
 * periodic issues, decisions published), and the report drafts and published versions.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";
import type { ReportVersionTable } from "../db/schema-reports.ts";
import type { StoredEvent } from "../requests/request.repository.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A published version row. */
export type ReportVersionRow = Selectable<ReportVersionTable>;

const yearSpan = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** Items of the agency published on the portal in the year (主动公开信息). */
export async function releasesOfYear(db: Db, agencyId: number, year: number): Promise<number> {
  const [from, to] = yearSpan(year);
  const row = await db
    .selectFrom("publications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", agencyId)
    .where("published_on", ">=", from)
    .where("published_on", "<=", to)
    .where("status", "in", ["published", "withdrawn"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Each periodic column of the agency (one with a cadence) and its issues published in the year. */
export async function periodicIssuesOfYear(
  db: Db,
  agencyId: number,
  year: number,
): Promise<{ name: string; issues: number }[]> {
  const [from, to] = yearSpan(year);
  const rows = await db
    .selectFrom("publication_columns as c")
    .leftJoin("publications as p", (join) =>
      join
        .onRef("p.column_id", "=", "c.id")
        .on("p.published_on", ">=", from)
        .on("p.published_on", "<=", to)
        .on("p.status", "in", ["published", "withdrawn"]),
    )
    .select(["c.id", "c.name", (eb) => eb.fn.count<number>("p.id").as("n")])
    .where("c.agency_id", "=", agencyId)
    .where("c.cadence", "is not", null)
    .groupBy(["c.id", "c.name", "c.sort_order"])
    .orderBy("c.sort_order")
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({ name: r.name, issues: Number(r.n) }));
}

/** Administrative decisions of the agency published on the portal in the year (行政权力运行结果信息). */
export async function decisionsPublishedInYear(db: Db, agencyId: number, year: number): Promise<number> {
  const [from, to] = yearSpan(year);
  const row = await db
    .selectFrom("decisions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", agencyId)
    .where("published_on", ">=", from)
    .where("published_on", "<=", to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The saved prose of an agency-year, if any. */
export async function findDraftProse(
  db: Db,
  agencyId: number,
  year: number,
): Promise<Record<string, string>> {
  const row = await db
    .selectFrom("report_drafts")
    .select("prose_json")
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .executeTakeFirst();
  return row ? (JSON.parse(row.prose_json) as Record<string, string>) : {};
}

/** Saves the prose of an agency-year. */
export async function saveDraftProse(
  trx: Transaction<Schema>,
  agencyId: number,
  year: number,
  prose: Record<string, string>,
  userId: number | null,
  at: string,
): Promise<void> {
  const values = { prose_json: JSON.stringify(prose), updated_at: at, updated_by: userId };
  await trx
    .insertInto("report_drafts")
    .values({ agency_id: agencyId, year, ...values })
    .onConflict((oc) => oc.columns(["agency_id", "year"]).doUpdateSet(values))
    .execute();
}

/** The published versions of an agency-year, oldest first (without their files). */
export async function listVersions(
  db: Db,
  agencyId: number,
  year?: number,
): Promise<Omit<ReportVersionRow, "html" | "docx" | "pdf" | "xlsx" | "model_json">[]> {
  let query = db
    .selectFrom("report_versions")
    .select([
      "id",
      "agency_id",
      "year",
      "version",
      "published_on",
      "published_at",
      "published_by",
      "note",
      "findings_json",
    ])
    .where("agency_id", "=", agencyId);
  if (year !== undefined) query = query.where("year", "=", year);
  return query.orderBy("year", "desc").orderBy("version").execute();
}

/** One published version with its files. */
export async function findVersion(
  db: Db,
  agencyId: number,
  year: number,
  version: number,
): Promise<ReportVersionRow | undefined> {
  return db
    .selectFrom("report_versions")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .where("version", "=", version)
    .executeTakeFirst();
}

/** The latest version number of an agency-year (0 when never published). */
export async function latestVersionNo(db: Db, agencyId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom("report_versions")
    .select((eb) => eb.fn.max<number>("version").as("v"))
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Stores a published version. */
export async function insertVersion(
  trx: Transaction<Schema>,
  row: Omit<ReportVersionRow, "id">,
): Promise<number> {
  const inserted = await trx
    .insertInto("report_versions")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Requests whose processing fee was paid in the year, with the amount of their fee notice (元). */
export async function processingFeesPaidInYear(db: Db, agencyId: number, year: number): Promise<number[]> {
  const [from, to] = yearSpan(year);
  const rows = await db
    .selectFrom("request_events as notice")
    .innerJoin("request_events as paid", (join) =>
      join.onRef("paid.request_id", "=", "notice.request_id").on("paid.type", "=", "fee_paid"),
    )
    .innerJoin("requests", "requests.id", "notice.request_id")
    .select("notice.data_json")
    .where("requests.agency_id", "=", agencyId)
    .where("notice.type", "=", "fee_notified")
    .where("paid.occurred_on", ">=", from)
    .where("paid.occurred_on", "<=", to)
    .execute();
  return rows.map((r) => Number((JSON.parse(r.data_json) as { amountYuan?: number }).amountYuan ?? 0));
}

/** Ids of the agency's requests closed in the year. */
export async function requestsClosedInYear(db: Db, agencyId: number, year: number): Promise<number[]> {
  const [from, to] = yearSpan(year);
  const rows = await db
    .selectFrom("requests")
    .select("id")
    .where("agency_id", "=", agencyId)
    .where("closed_on", ">=", from)
    .where("closed_on", "<=", to)
    .execute();
  return rows.map((r) => r.id);
}

/** The case log of each of the agency's requests closed in the year, in one query: request id → events by seq. */
export async function eventsOfRequestsClosedInYear(
  db: Db,
  agencyId: number,
  year: number,
): Promise<Map<number, StoredEvent[]>> {
  const [from, to] = yearSpan(year);
  const rows = await db
    .selectFrom("request_events as e")
    .innerJoin("requests as r", "r.id", "e.request_id")
    .select(["e.request_id", "e.seq", "e.type", "e.occurred_on", "e.at", "e.actor_user_id", "e.data_json"])
    .where("r.agency_id", "=", agencyId)
    .where("r.closed_on", ">=", from)
    .where("r.closed_on", "<=", to)
    .orderBy("e.request_id")
    .orderBy("e.seq")
    .execute();
  const byRequest = new Map<number, StoredEvent[]>();
  for (const r of rows) {
    const event = {
      seq: r.seq,
      type: r.type,
      occurredOn: r.occurred_on,
      at: r.at,
      actorUserId: r.actor_user_id,
      data: JSON.parse(r.data_json) as unknown,
    } as StoredEvent;
    const events = byRequest.get(r.request_id);
    if (events) events.push(event);
    else byRequest.set(r.request_id, [event]);
  }
  return byRequest;
}
