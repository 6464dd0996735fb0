/**
 * SQL of the annual report's own tables: the report drafts and the published versions. The records a report
 * is assembled from are read through their modules' repositories (see report-sources.ts).
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";
import type { ReportVersionTable } from "../db/schema-reports.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A published version row. */
export type ReportVersionRow = Selectable<ReportVersionTable>;

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

/** The latest published version of the year of each of the agencies (model and findings, no files), by agency. */
export async function latestVersionsOfYear(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, Pick<ReportVersionRow, "version" | "published_on" | "model_json" | "findings_json">>> {
  const latest = new Map<
    number,
    Pick<ReportVersionRow, "version" | "published_on" | "model_json" | "findings_json">
  >();
  for (let i = 0; i < agencyIds.length; i += 5_000) {
    const rows = await db
      .selectFrom("report_versions as v")
      .select(["v.agency_id", "v.version", "v.published_on", "v.model_json", "v.findings_json"])
      .where("v.year", "=", year)
      .where("v.agency_id", "in", agencyIds.slice(i, i + 5_000))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("report_versions as w")
              .select("w.id")
              .whereRef("w.agency_id", "=", "v.agency_id")
              .where("w.year", "=", year)
              .whereRef("w.version", ">", "v.version"),
          ),
        ),
      )
      .execute();
    for (const r of rows) latest.set(r.agency_id, r);
  }
  return latest;
}
