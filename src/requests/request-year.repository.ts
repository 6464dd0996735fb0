/**
 * SQL of the request cases' reads that the annual report needs of an agency-year: the processing fees paid
 * in it, and the case logs of the cases closed in it (for the late replies).
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";
import type { StoredEvent } from "./request.repository.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

const yearSpan = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

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
