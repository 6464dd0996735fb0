/**
 * R-WD-4: when the calendar changes, every open case's due date is recomputed on the new calendar; each one
 * that moved gets a `deadline_recomputed` event (from → to) in its log, its row updated and a trail entry,
 * inside the caller's transaction. A case whose recorded steps the new calendar would refuse is left as it
 * was and reported, so that a person can look at it.
 */
import type { Transaction } from "kysely";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { DomainError } from "../core/domain-error.ts";
import { recomputeDeadline } from "../core/request/request-machine.ts";
import { foldCase } from "../core/request/request-state.ts";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { listOpenCases } from "./open-cases.repository.ts";
import { appendEvents, loadEvents, updateRequestState } from "./request.repository.ts";

/** A due date that moved. */
export interface MovedDeadline {
  readonly requestId: number;
  readonly trackingNo: string;
  readonly fromDue: string | null;
  readonly toDue: string | null;
  readonly toProvisional: boolean;
}

/** What a recomputation did. */
export interface RecomputeResult {
  readonly moved: readonly MovedDeadline[];
  /** Cases left unchanged because the new calendar refuses a recorded step (with the reason). */
  readonly refused: readonly {
    readonly requestId: number;
    readonly trackingNo: string;
    readonly message: string;
  }[];
}

/** Recomputes the open cases from `before` to `after`. */
export async function recomputeOpenCases(
  trx: Transaction<Schema>,
  dialect: Dialect,
  calendars: { readonly before: WorkCalendar; readonly after: WorkCalendar },
  actor: Actor,
  now: Date,
  today: string,
): Promise<RecomputeResult> {
  const at = now.toISOString();
  const open = await listOpenCases(trx);
  const moved: MovedDeadline[] = [];
  const refused: { requestId: number; trackingNo: string; message: string }[] = [];
  for (const row of open) {
    const events = await loadEvents(trx, row.id);
    try {
      const state = foldCase(events, calendars.before);
      const ctx = {
        calendar: calendars.after,
        today,
        at,
        actor: { userId: actor.userId, name: actor.name },
        may: { handle: true, approveExtension: false },
      };
      const change = recomputeDeadline(state, ctx);
      if (!change) continue;
      await appendEvents(trx, row.id, events.at(-1)?.seq ?? 0, change.events);
      await updateRequestState(trx, row.id, change.state, at);
      const entry = { fromDue: state.deadline.due, toDue: change.state.deadline.due };
      await recordChange(trx, dialect, actor, {
        agencyId: row.agency_id,
        action: "request.deadline_recomputed",
        entityType: "request",
        entityId: row.id,
        before: { dueOn: entry.fromDue, provisional: state.deadline.provisional },
        after: {
          dueOn: entry.toDue,
          provisional: change.state.deadline.provisional,
          calendarVersion: calendars.after.version,
        },
        at,
      });
      moved.push({
        requestId: row.id,
        trackingNo: row.tracking_no,
        ...entry,
        toProvisional: change.state.deadline.provisional,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.push({ requestId: row.id, trackingNo: row.tracking_no, message: error.message });
    }
  }
  return { moved, refused };
}
