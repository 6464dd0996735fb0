/**
 * SQL of the catalog's reads that other modules need: the annual report's counts of items ever published in a
 * year (EVER_PUBLISHED: published or withdrawn since), and the daily monitors' facts (the portal's newest item,
 * the column list, the items R-26-1 watches). The public portal's reads (published only) are in
 * publication-query.repository.ts.
 */
import type { Kysely, Transaction } from "kysely";
import { EVER_PUBLISHED, wasEverPublished } from "../core/publication/publication-machine.ts";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

const yearSpan = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** Items of the agency ever published on the portal in the year (主动公开信息, withdrawn ones included). */
export async function countEverPublishedInYear(db: Db, agencyId: number, year: number): Promise<number> {
  const [from, to] = yearSpan(year);
  const row = await db
    .selectFrom("publications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", agencyId)
    .where("published_on", ">=", from)
    .where("published_on", "<=", to)
    .where("status", "in", EVER_PUBLISHED)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Each periodic column of the agency (one with a cadence) and its issues ever published in the year. */
export async function countEverPublishedPerPeriodicColumn(
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
        .on("p.status", "in", EVER_PUBLISHED),
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

/** The agency's newest published item shown on its portal up to `today` (its id and day), or null. */
export async function newestPortalItem(
  db: Db,
  agencyId: number,
  today: string,
): Promise<{ id: number; publishedOn: string } | null> {
  const row = await db
    .selectFrom("publications")
    .select(["id", "published_on"])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "published")
    .where("published_on", "is not", null)
    .where("published_on", "<=", today)
    .orderBy("published_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.published_on ? { id: row.id, publishedOn: row.published_on } : null;
}

/** A column of the agency as the monitors see it. */
export interface ColumnRow {
  readonly id: number;
  readonly parent_id: number | null;
  readonly name: string;
  readonly root_kind: string | null;
  readonly cadence: string | null;
  readonly created_at: string;
}

/** The agency's columns in their order (the monitors' view: no timestamps but the opening). */
export async function columnsForMonitors(db: Db, agencyId: number): Promise<ColumnRow[]> {
  return db
    .selectFrom("publication_columns")
    .select(["id", "parent_id", "name", "root_kind", "cadence", "created_at"])
    .where("agency_id", "=", agencyId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}

/** A catalog item as R-26-1 sees it on a day (published after the day, or never: not yet published). */
export interface ItemFacts {
  readonly id: number;
  readonly formedOn: string;
  readonly publishedOn: string | null;
}

/**
 * The agency's catalog items formed up to `today` that R-26-1 still watches: those formed since `since`,
 * and older ones not published by `today`. A withdrawn item keeps the day it was published.
 */
export async function itemFacts(
  db: Db,
  agencyId: number,
  since: string,
  today: string,
): Promise<ItemFacts[]> {
  const rows = await db
    .selectFrom("publications")
    .select(["id", "status", "formed_on", "published_on"])
    .where("agency_id", "=", agencyId)
    .where("formed_on", "<=", today)
    .where((eb) =>
      eb.or([
        eb("formed_on", ">=", since),
        eb("status", "not in", EVER_PUBLISHED),
        eb("published_on", "is", null),
        eb("published_on", ">", today),
      ]),
    )
    .orderBy("formed_on")
    .orderBy("id")
    .execute();
  return rows.map((r) => {
    const published = wasEverPublished(r.status) && r.published_on !== null;
    return {
      id: r.id,
      formedOn: r.formed_on,
      publishedOn: published && (r.published_on as string) <= today ? r.published_on : null,
    };
  });
}
