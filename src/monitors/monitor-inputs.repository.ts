/**
 * SQL gathering what each daily monitor needs of one agency as of a day: the newest item on its portal
 * (W-2), its columns with their published items (W-3 … W-5), its new-media accounts with their last post
 * and interaction check (N-1, N-2), its licensing and penalty decisions (S-1) and its catalog items (R-26-1).
 * The messages (W-7) and the agency profile (G-12) come from their own modules' repositories.
 */
import type { Kysely } from "kysely";
import type { DecisionKind } from "../core/registry/decision-kinds.ts";
import type { Schema } from "../db/schema.ts";
import { publishedPerColumn } from "../publications/publication-query.repository.ts";
import type { ColumnFacts } from "./watched-columns.ts";

type Db = Kysely<Schema>;

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

/** The agency's columns with the items published directly in each up to `today`. */
export async function columnFacts(db: Db, agencyId: number, today: string): Promise<ColumnFacts[]> {
  const columns = await db
    .selectFrom("publication_columns")
    .select(["id", "parent_id", "name", "root_kind", "cadence", "created_at"])
    .where("agency_id", "=", agencyId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const byColumn = await publishedPerColumn(db, agencyId, today);
  return columns.map((c) => {
    const stats = byColumn.get(c.id);
    return {
      id: c.id,
      parentId: c.parent_id,
      name: c.name,
      rootKind: c.root_kind,
      cadence: c.cadence,
      openedOn: c.created_at.slice(0, 10),
      items: stats?.count ?? 0,
      lastItemOn: stats?.lastOn ?? null,
    };
  });
}

/** A new-media account (the portal is not one) with its last post up to `today` and its interaction check. */
export interface AccountFacts {
  readonly id: number;
  readonly name: string;
  readonly lastPostOn: string | null;
  readonly interactive: boolean;
}

/** The agency's new-media accounts, oldest first. */
export async function accountFacts(db: Db, agencyId: number, today: string): Promise<AccountFacts[]> {
  const accounts = await db
    .selectFrom("channels")
    .select(["id", "name", "interactive"])
    .where("agency_id", "=", agencyId)
    .where("kind", "<>", "portal")
    .orderBy("id")
    .execute();
  const last = await db
    .selectFrom("channel_posts")
    .select(["channel_id", (eb) => eb.fn.max("posted_on").as("last")])
    .where("agency_id", "=", agencyId)
    .where("posted_on", "<=", today)
    .groupBy("channel_id")
    .execute();
  const lastOf = new Map(last.map((r) => [r.channel_id, (r.last as string | null) ?? null]));
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    lastPostOn: lastOf.get(a.id) ?? null,
    interactive: a.interactive !== 0,
  }));
}

/** A licensing or penalty decision as S-1 sees it on a day (published after the day: not yet published). */
export interface DecisionFacts {
  readonly id: number;
  readonly kind: DecisionKind;
  readonly decidedOn: string;
  readonly publishedOn: string | null;
}

/**
 * The agency's licensing and penalty decisions taken up to `today` that S-1 still watches: those decided
 * since `since`, and older ones not published by `today`.
 */
export async function decisionFacts(
  db: Db,
  agencyId: number,
  since: string,
  today: string,
): Promise<DecisionFacts[]> {
  const rows = await db
    .selectFrom("decisions")
    .select(["id", "kind", "decided_on", "published_on"])
    .where("agency_id", "=", agencyId)
    .where("kind", "in", ["licensing", "penalty"])
    .where("decided_on", "<=", today)
    .where((eb) =>
      eb.or([eb("decided_on", ">=", since), eb("published_on", "is", null), eb("published_on", ">", today)]),
    )
    .orderBy("decided_on")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DecisionKind,
    decidedOn: r.decided_on,
    publishedOn: r.published_on !== null && r.published_on <= today ? r.published_on : null,
  }));
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
        eb("status", "not in", ["published", "withdrawn"]),
        eb("published_on", "is", null),
        eb("published_on", ">", today),
      ]),
    )
    .orderBy("formed_on")
    .orderBy("id")
    .execute();
  return rows.map((r) => {
    const published = (r.status === "published" || r.status === "withdrawn") && r.published_on !== null;
    return {
      id: r.id,
      formedOn: r.formed_on,
      publishedOn: published && (r.published_on as string) <= today ? r.published_on : null,
    };
  });
}
