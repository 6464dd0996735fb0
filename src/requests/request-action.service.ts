/**
 * One transition of a case: load its state and log, let the machine decide, then append the events, update
 * the row and write the trail entry — all in one transaction. Two simultaneous actions cannot both apply:
 * both would append the same next sequence number, and the unique (request_id, seq) lets only one commit
 * (the other answers 409 CONFLICT).
 */

import type { Transaction } from "kysely";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { DomainError } from "../core/domain-error.ts";
import { requestError } from "../core/request/request-errors.ts";
import { decide, type Permissions, type RequestCommand } from "../core/request/request-machine.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  appendEvents,
  holdsRole,
  isUniqueViolation,
  updateRequestState,
  userNames,
} from "./request.repository.ts";
import { loadCase } from "./request-case.ts";
import { perItemCountInMonth } from "./request-fee.repository.ts";

/** A command as the API receives it (assign names only the officer's id; the service adds the name). */
export type ActionInput =
  | Exclude<RequestCommand, { action: "assign" } | { action: "notify_fee" }>
  | { readonly action: "assign"; readonly caseOfficerId: number }
  | Omit<Extract<RequestCommand, { action: "notify_fee" }>, "itemsBefore">;

/** The full command: the officer's name looked up (must hold a handling role in the agency), fee items counted. */
async function completeCommand(
  db: Transaction<Schema>,
  agencyId: number,
  requestId: number,
  row: { applicant_kind: string; id_number: string; org_credit_code: string; applicant_name: string },
  input: ActionInput,
): Promise<RequestCommand> {
  if (input.action === "assign") {
    const ok = await holdsRole(db, input.caseOfficerId, agencyId, ["case_officer", "office_head"]);
    if (!ok) throw requestError("OFFICER_NOT_IN_AGENCY");
    const name = (await userNames(db, [input.caseOfficerId])).get(input.caseOfficerId) ?? "";
    return { action: "assign", caseOfficerId: input.caseOfficerId, caseOfficerName: name };
  }
  if (input.action === "notify_fee" && input.method === "per_item") {
    // R-FEE-1: counted per applicant per calendar month, with the items of the applicant's other requests.
    const itemsBefore = await perItemCountInMonth(db, agencyId, requestId, row, input.date.slice(0, 7));
    return { ...input, itemsBefore };
  }
  return input as RequestCommand;
}

/** Applies one action to a case as `actor` with `may`; returns nothing (callers reload the case to present it). */
export async function applyRequestAction(
  database: Database,
  requestId: number,
  input: ActionInput,
  actor: Actor,
  may: Permissions,
  now: Date,
): Promise<void> {
  const calendar = await effectiveCalendar(database);
  const at = now.toISOString();
  const today = shanghaiDate(now);
  try {
    await database.db.transaction().execute(async (trx) => {
      const loaded = await loadCase({ db: trx }, requestId, calendar);
      const command = await completeCommand(trx, loaded.row.agency_id, requestId, loaded.row, input);
      const ctx = { calendar, today, at, actor: { userId: actor.userId, name: actor.name }, may };
      const { state, events } = decide(loaded.state, command, ctx);
      const lastSeq = loaded.events.at(-1)?.seq ?? 0;
      await appendEvents(trx, requestId, lastSeq, events);
      const confirmed = input.action === "confirm" ? { by: actor.userId, at } : undefined;
      await updateRequestState(trx, requestId, state, at, confirmed);
      await appendTrail(trx, database.dialect, {
        actorUserId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        agencyId: loaded.row.agency_id,
        action: `request.${input.action}`,
        entityType: "request",
        entityId: requestId,
        before: { status: loaded.state.status, dueOn: loaded.state.deadline.due },
        after: {
          status: state.status,
          dueOn: state.deadline.due,
          events: events.map((e) => ({ type: e.type, occurredOn: e.occurredOn, data: e.data })),
        },
        ip: actor.ip ?? "local",
        at,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "seq") || isUniqueViolation(error, "request_events")) {
      throw new DomainError("CONFLICT", "该申请刚被他人办理，请刷新后重试");
    }
    throw error;
  }
}
