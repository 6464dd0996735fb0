/**
 * SQL of the reminders: the open cases due by a date with their case officer and agency, and the
 * reminders_sent rows — reserved once per (request, kind, due_on), claimed for a short lease while a run
 * sends them, then marked delivered (or the failure recorded, to retry on the next run).
 */
import type { Kysely } from "kysely";
import type { ReminderKind } from "../core/reminders/reminder-due.ts";
import type { Schema } from "../db/schema.ts";

/** An open case with what a reminder needs: whom to write to and what to say. */
export interface ReminderCaseRow {
  readonly requestId: number;
  readonly agencyId: number;
  readonly trackingNo: string;
  readonly description: string;
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly dueProvisional: number;
  readonly agencyName: string;
  readonly officeEmail: string;
  readonly officerId: number | null;
  readonly officerName: string | null;
  readonly officerEmail: string | null;
  readonly officerDisabled: number | null;
}

/** A reserved reminder not delivered yet, with its (still open, same due date) case. */
export interface PendingReminderRow extends ReminderCaseRow {
  readonly kind: ReminderKind;
  readonly attempts: number;
}

/** Identifies a reminder: once per request, kind and due date. */
export interface ReminderKey {
  readonly requestId: number;
  readonly kind: ReminderKind;
  readonly dueOn: string;
}

/** Open cases (status not closed, due date set) with their agency and case officer. */
function openCases(db: Kysely<Schema>) {
  return db
    .selectFrom("requests as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .leftJoin("users as u", "u.id", "r.case_officer_id")
    .where("r.status", "<>", "closed")
    .where("r.due_on", "is not", null);
}

/** The columns of ReminderCaseRow. */
const CASE_COLUMNS = [
  "r.id as requestId",
  "r.agency_id as agencyId",
  "r.tracking_no as trackingNo",
  "r.description as description",
  "r.received_on as receivedOn",
  "r.due_on as dueOn",
  "r.due_provisional as dueProvisional",
  "a.name as agencyName",
  "a.office_email as officeEmail",
  "u.id as officerId",
  "u.display_name as officerName",
  "u.email as officerEmail",
  "u.disabled as officerDisabled",
] as const;

/** The open cases due on or before `horizon` (a date), earliest due first. */
export async function openCasesDueBy(db: Kysely<Schema>, horizon: string): Promise<ReminderCaseRow[]> {
  const rows = await openCases(db)
    .select(CASE_COLUMNS)
    .where("r.due_on", "<=", horizon)
    .orderBy("r.due_on")
    .orderBy("r.id")
    .execute();
  return rows as ReminderCaseRow[];
}

/** Reserves a reminder (sent_at = when it was decided); false when it was reserved before. */
export async function reserveReminder(db: Kysely<Schema>, key: ReminderKey, at: string): Promise<boolean> {
  const inserted = await db
    .insertInto("reminders_sent")
    .values({ request_id: key.requestId, kind: key.kind, due_on: key.dueOn, sent_at: at })
    .onConflict((oc) => oc.columns(["request_id", "kind", "due_on"]).doNothing())
    .returning("request_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Reserved reminders not delivered yet whose case is still open with the same due date. */
export async function pendingReminders(db: Kysely<Schema>): Promise<PendingReminderRow[]> {
  const rows = await openCases(db)
    .innerJoin("reminders_sent as s", (j) =>
      j.onRef("s.request_id", "=", "r.id").onRef("s.due_on", "=", "r.due_on"),
    )
    .select([...CASE_COLUMNS, "s.kind as kind", "s.attempts as attempts"])
    .where("s.delivered_at", "is", null)
    .orderBy("r.due_on")
    .orderBy("r.id")
    .orderBy("s.kind")
    .execute();
  return rows as PendingReminderRow[];
}

/** Claims an undelivered reminder until `until` unless another run holds it; true when this run has it. */
export async function claimReminder(
  db: Kysely<Schema>,
  key: ReminderKey,
  now: string,
  until: string,
): Promise<boolean> {
  const result = await db
    .updateTable("reminders_sent")
    .set((eb) => ({ claimed_until: until, attempts: eb("attempts", "+", 1) }))
    .where("request_id", "=", key.requestId)
    .where("kind", "=", key.kind)
    .where("due_on", "=", key.dueOn)
    .where("delivered_at", "is", null)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records that the mail server accepted the reminder for `recipient`. */
export async function recordDelivery(
  db: Kysely<Schema>,
  key: ReminderKey,
  at: string,
  recipient: string,
): Promise<void> {
  await db
    .updateTable("reminders_sent")
    .set({ delivered_at: at, recipient, last_error: "", claimed_until: null })
    .where("request_id", "=", key.requestId)
    .where("kind", "=", key.kind)
    .where("due_on", "=", key.dueOn)
    .execute();
}

/** Records why sending failed and releases the claim, so the next run tries again. */
export async function recordFailure(
  db: Kysely<Schema>,
  key: ReminderKey,
  recipient: string,
  error: string,
): Promise<void> {
  await db
    .updateTable("reminders_sent")
    .set({ recipient, last_error: error, claimed_until: null })
    .where("request_id", "=", key.requestId)
    .where("kind", "=", key.kind)
    .where("due_on", "=", key.dueOn)
    .execute();
}
