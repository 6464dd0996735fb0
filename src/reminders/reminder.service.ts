/**
 * One reminder run: reserve a reminder for every open case due within 3 working days or overdue (once per
 * request, kind and due date, in the same transaction as the decision), then send every reserved reminder not
 * delivered yet — the new ones and those that failed before — to the case officer, or to the agency's office
 * e-mail when the officer has none. Each delivery or failure is recorded with its audit-trail entry (the
 * system as actor); a failed one is tried again on the next run.
 */
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { dueSoonHorizon, reminderDue } from "../core/reminders/reminder-due.ts";
import type { Database } from "../db/database.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import {
  claimReminder,
  openCasesDueBy,
  type PendingReminderRow,
  pendingReminders,
  type ReminderCaseRow,
  type ReminderKey,
  recordDelivery,
  recordFailure,
  reserveReminder,
} from "./reminder.repository.ts";
import { composeReminder } from "./reminder-message.ts";
import type { Mailer } from "./smtp-mailer.ts";

/** What a run needs. */
export interface ReminderRunOptions {
  readonly database: Database;
  readonly mailer: Mailer;
  readonly calendar: WorkCalendar;
  /** The clock: "today" is its Asia/Shanghai date. */
  readonly clock: () => Date;
  /** The base URL of the site, for the link to the case. */
  readonly publicUrl: string;
  /** How long a run holds a reminder it is sending before another run may take it over (default 10 min). */
  readonly leaseMs?: number;
}

/** What a run did. */
export interface ReminderRunSummary {
  readonly today: string;
  /** Reminders decided (reserved) in this run. */
  readonly reserved: number;
  /** Reminders the mail server accepted in this run. */
  readonly sent: number;
  /** Reminders that could not be sent in this run (tried again next time). */
  readonly failed: number;
}

/** Where a reminder goes and whom it greets. */
interface Recipient {
  readonly to: string;
  readonly addressee: string;
}

/** Longest failure text kept. */
const MAX_ERROR_LENGTH = 500;

/** The case officer when enabled and with an e-mail address, else the agency's office e-mail, else none. */
function recipientOf(row: ReminderCaseRow): Recipient | null {
  if (row.officerId !== null && row.officerDisabled === 0 && row.officerEmail) {
    return { to: row.officerEmail, addressee: row.officerName ?? row.agencyName };
  }
  if (!row.officeEmail) return null;
  const office = `${row.agencyName}政府信息公开工作机构`;
  const why =
    row.officerId === null ? "本申请尚未指定承办人" : `承办人${row.officerName ?? ""}未登记可用的电子邮箱`;
  return { to: row.officeEmail, addressee: `${office}（${why}，请转交办理）` };
}

/** The reminder's key. */
function keyOf(row: PendingReminderRow): ReminderKey {
  return { requestId: row.requestId, kind: row.kind, dueOn: row.dueOn };
}

/** Reserves the reminders today calls for; how many were new. */
async function reserveDue(options: ReminderRunOptions, today: string): Promise<number> {
  const { database, calendar } = options;
  const cases = await openCasesDueBy(database.db, dueSoonHorizon(calendar, today));
  let reserved = 0;
  for (const c of cases) {
    const due = reminderDue(calendar, today, c.dueOn);
    if (!due) continue;
    const key = { requestId: c.requestId, kind: due.kind, dueOn: c.dueOn };
    const fresh = await database.db
      .transaction()
      .execute((trx) => reserveReminder(trx, key, options.clock().toISOString()));
    if (fresh) reserved += 1;
  }
  return reserved;
}

/** Sends one claimed reminder and records the delivery or the failure with its trail entry; true if sent. */
async function deliver(
  options: ReminderRunOptions,
  row: PendingReminderRow,
  today: string,
): Promise<boolean> {
  const { database } = options;
  const key = keyOf(row);
  const recipient = recipientOf(row);
  let error = "";
  if (!recipient) {
    error = "承办人和本机关均未登记电子邮箱";
  } else {
    const due = reminderDue(options.calendar, today, row.dueOn) ?? { kind: row.kind, workdaysLeft: 0 };
    const message = composeReminder(
      { ...row, dueProvisional: row.dueProvisional === 1, addressee: recipient.addressee },
      due,
      options.publicUrl,
    );
    try {
      await options.mailer.send({ to: recipient.to, ...message });
    } catch (cause) {
      error =
        (cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_ERROR_LENGTH) || "发送失败";
    }
  }
  const at = options.clock().toISOString();
  const to = recipient?.to ?? "";
  await database.db.transaction().execute(async (trx) => {
    if (error === "") await recordDelivery(trx, key, at, to);
    else await recordFailure(trx, key, to, error);
    await appendTrail(trx, database.dialect, {
      at,
      actorUserId: SYSTEM_ACTOR.userId,
      actorName: SYSTEM_ACTOR.name,
      actorRole: SYSTEM_ACTOR.role,
      ip: SYSTEM_ACTOR.ip ?? "local",
      agencyId: row.agencyId,
      action: error === "" ? "reminder.send" : "reminder.fail",
      entityType: "request",
      entityId: row.requestId,
      after: {
        kind: row.kind,
        dueOn: row.dueOn,
        recipient: to,
        attempt: row.attempts + 1,
        ...(error === "" ? {} : { error }),
      },
    });
  });
  return error === "";
}

/** Runs the reminders once for today (the clock's Asia/Shanghai date). */
export async function runReminders(options: ReminderRunOptions): Promise<ReminderRunSummary> {
  const { database, calendar } = options;
  const today = shanghaiDate(options.clock());
  const reserved = await reserveDue(options, today);
  let sent = 0;
  let failed = 0;
  for (const row of await pendingReminders(database.db)) {
    // A reminder reserved on an earlier day that no longer fits (e.g. due soon, now overdue) is not sent.
    if (reminderDue(calendar, today, row.dueOn)?.kind !== row.kind) continue;
    const now = options.clock();
    const until = new Date(now.getTime() + (options.leaseMs ?? 10 * 60_000)).toISOString();
    if (!(await claimReminder(database.db, keyOf(row), now.toISOString(), until))) continue;
    if (await deliver(options, row, today)) sent += 1;
    else failed += 1;
  }
  return { today, reserved, sent, failed };
}
