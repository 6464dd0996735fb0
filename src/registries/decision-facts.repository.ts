/**
 * SQL of the decision register's reads that other modules need: the annual report's count of decisions
 * published in a year, and the decisions the daily S-1 monitor watches.
 */
import type { Kysely, Transaction } from "kysely";
import type { DecisionKind } from "../core/registry/decision-kinds.ts";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** Administrative decisions of the agency published on the portal in the year (行政权力运行结果信息). */
export async function decisionsPublishedInYear(db: Db, agencyId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom("decisions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", agencyId)
    .where("published_on", ">=", `${year}-01-01`)
    .where("published_on", "<=", `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
    kind: r.kind,
    decidedOn: r.decided_on,
    publishedOn: r.published_on !== null && r.published_on <= today ? r.published_on : null,
  }));
}
