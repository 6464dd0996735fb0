/**
 * Message board commands and queries: a member of the public posts a message (validated, idempotent, flood-
 * limited); staff reply, mark it invalid, publish or take it down (through the message state machine, with a
 * trail entry in the same transaction); the board's yearly figures and its W-7 watch.
 */
import { createHmac } from "node:crypto";
import { findAgency } from "../agencies/agency.repository.ts";
import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { addMonths } from "../core/calendar/calendar-date.ts";
import { DomainError, errorFactory } from "../core/domain-error.ts";
import {
  applyMessageCommand,
  type MessageCommand,
  type MessageState,
} from "../core/message/message-machine.ts";
import { replyDueOn, type UnansweredVerdict, unansweredMessages } from "../core/message/message-monitor.ts";
import type { Database } from "../db/database.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { type Actor, actorFields } from "../trail/trail-actor.ts";
import { lockBoardSender, spendFormToken } from "./form-token.repository.ts";
import {
  countSenderMessagesSince,
  findMessage,
  findMessageByKey,
  insertMessage,
  type MessageRow,
  saveMessageTransition,
  senderPostedSame,
  watchedMessages,
  yearlyMessageCounts,
} from "./message.repository.ts";
import { replyWorkdaysOf, setReplyWorkdays } from "./message-settings.repository.ts";

/** Refusals of the board besides the state machine's. */
export const BOARD_ERRORS = {
  MESSAGE_FLOOD: {
    status: 429,
    message: "您提交留言过于频繁，请稍后再试（每小时最多 5 条，每天最多 20 条）",
  },
  MESSAGE_DUPLICATE: { status: 409, message: "您已提交过内容相同的留言，请勿重复提交" },
  MESSAGE_CHANGED: { status: 409, message: "该留言刚被他人处理，请刷新后查看" },
  MESSAGE_TOKEN_USED: {
    status: 409,
    message: "此留言页面已经提交过一条留言。如需再留言，请重新打开留言页面填写。",
  },
} as const;

const fail = errorFactory(BOARD_ERRORS);

/** Flood limits per sender address. */
const PER_HOUR = 5;
const PER_DAY = 20;

/** What a member of the public posts. */
export interface MessageInput {
  readonly agencyId: number;
  readonly kind: "consultation" | "suggestion";
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly publishConsent: boolean;
  readonly idempotencyKey: string;
}

/** The author of public posts in the trail. */
function publicActor(ip: string): Actor {
  return { userId: null, name: "公众", role: "public", ip };
}

/** The form token a post came with: spent by the post (one post per token). */
export interface SpentToken {
  readonly id: string;
  readonly expiresAt: Date;
}

/**
 * Posts a message; the same idempotency key posted again answers the first message (replay). With a form
 * token, the token is spent by this post in the same transaction: a token another post spent is refused
 * (MESSAGE_TOKEN_USED), and a refused post spends nothing.
 */
export async function submitMessage(
  database: Database,
  input: MessageInput,
  meta: { readonly ip: string; readonly now: Date; readonly token?: SpentToken },
): Promise<{ id: number; replay: boolean }> {
  const agency = await findAgency(database.db, input.agencyId);
  if (!agency) throw new DomainError("NOT_FOUND", "找不到该机关");
  const secret = await installationSecret(database.db);
  const senderHash = createHmac("sha256", secret).update(`sender|${meta.ip}`).digest("hex");
  const nowIso = meta.now.toISOString();
  return database.db.transaction().execute(async (trx) => {
    const hourAgo = new Date(meta.now.getTime() - 3_600_000).toISOString();
    const dayAgo = new Date(meta.now.getTime() - 86_400_000).toISOString();
    // Under the sender's lock, its parallel posts run one after the other: a repost finds the first one.
    await lockBoardSender(trx, database.dialect, senderHash);
    const earlier = await findMessageByKey(trx, input.idempotencyKey);
    if (earlier) return { id: earlier.id, replay: true };
    if (meta.token) {
      const token = {
        id: meta.token.id,
        usedFor: input.idempotencyKey,
        expiresAt: meta.token.expiresAt.toISOString(),
      };
      if (!(await spendFormToken(trx, token, nowIso))) throw fail("MESSAGE_TOKEN_USED");
    }
    if ((await countSenderMessagesSince(trx, senderHash, hourAgo)) >= PER_HOUR) throw fail("MESSAGE_FLOOD");
    if ((await countSenderMessagesSince(trx, senderHash, dayAgo)) >= PER_DAY) throw fail("MESSAGE_FLOOD");
    const body = input.body.trim();
    if (await senderPostedSame(trx, senderHash, body, dayAgo)) throw fail("MESSAGE_DUPLICATE");
    const stored = await insertMessage(trx, {
      agency_id: agency.id,
      kind: input.kind,
      title: input.title.trim(),
      body,
      author_name: input.authorName.trim(),
      contact_phone: input.contactPhone.trim(),
      contact_email: input.contactEmail.trim(),
      publish_consent: input.publishConsent ? 1 : 0,
      status: "pending",
      received_on: shanghaiDate(meta.now),
      reply_body: null,
      reply_department: null,
      replied_on: null,
      replied_by: null,
      reject_reason: null,
      published: 0,
      sender_hash: senderHash,
      idempotency_key: input.idempotencyKey,
      created_at: nowIso,
      updated_at: nowIso,
    });
    if (!stored.replay) {
      await appendTrail(trx, database.dialect, {
        ...actorFields(publicActor(meta.ip)),
        agencyId: agency.id,
        action: "message.submit",
        entityType: "message",
        entityId: stored.id,
        after: { kind: input.kind, title: input.title.trim() },
        at: nowIso,
      });
    }
    return stored;
  });
}

/** The machine's view of a stored message. */
export function messageState(row: MessageRow): MessageState {
  return {
    status: row.status as MessageState["status"],
    receivedOn: row.received_on,
    publishConsent: row.publish_consent === 1,
    published: row.published === 1,
    reply:
      row.reply_body !== null && row.replied_on !== null
        ? { body: row.reply_body, department: row.reply_department ?? "", repliedOn: row.replied_on }
        : null,
    rejectReason: row.reject_reason,
  };
}

/** Applies a staff command to a message (the caller has authorised it for the message's agency). */
export async function actOnMessage(
  database: Database,
  row: MessageRow,
  command: MessageCommand,
  actor: Actor,
  now: Date,
): Promise<MessageRow> {
  const { state, event } = applyMessageCommand(messageState(row), command);
  const nowIso = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    const saved = await saveMessageTransition(trx, row.id, row.status, row.published, {
      status: state.status,
      reply_body: state.reply?.body ?? null,
      reply_department: state.reply?.department ?? null,
      replied_on: state.reply?.repliedOn ?? null,
      replied_by: command.type === "reply" ? actor.userId : row.replied_by,
      reject_reason: state.rejectReason,
      published: state.published ? 1 : 0,
      updated_at: nowIso,
    });
    if (!saved) throw fail("MESSAGE_CHANGED");
    await appendTrail(trx, database.dialect, {
      ...actorFields(actor),
      agencyId: row.agency_id,
      action: event.type,
      entityType: "message",
      entityId: row.id,
      before: { status: row.status, published: row.published === 1 },
      after: { status: state.status, published: state.published, ...event.data },
      at: nowIso,
    });
  });
  const updated = await findMessage(database.db, row.id);
  if (!updated) throw new DomainError("NOT_FOUND");
  return updated;
}

/** The board's figures for a year and its W-7 watch on `today`. */
export interface BoardSummary {
  readonly year: number;
  readonly received: number;
  readonly replied: number;
  readonly published: number;
  readonly rejected: number;
  readonly replyWorkdays: number;
  readonly w7: UnansweredVerdict;
}

/** The yearly figures of an agency's board and W-7 as of `today`. */
export async function boardSummary(
  database: Database,
  agencyId: number,
  year: number,
  today: string,
): Promise<BoardSummary> {
  const counts = await yearlyMessageCounts(database.db, agencyId, year);
  const watched = await watchedMessages(database.db, agencyId, addMonths(today, -12));
  const w7 = unansweredMessages(
    watched.map((m) => ({
      id: m.id,
      kind: m.kind as "consultation" | "suggestion",
      status: m.status as "pending" | "replied" | "rejected",
      receivedOn: m.received_on,
      repliedOn: m.replied_on,
    })),
    today,
  );
  return { year, ...counts, replyWorkdays: await replyWorkdaysOf(database.db, agencyId), w7 };
}

/** The day a message's reply is due under the agency's limit [P]. */
export function messageReplyDue(receivedOn: string, workdays: number): string {
  return replyDueOn(receivedOn, workdays, bundledCalendar());
}

/** Sets an agency's reply limit [P], with a trail entry in the same transaction. */
export async function changeReplyWorkdays(
  database: Database,
  agencyId: number,
  workdays: number,
  actor: Actor,
): Promise<void> {
  const before = await replyWorkdaysOf(database.db, agencyId);
  await database.db.transaction().execute(async (trx) => {
    await setReplyWorkdays(trx, agencyId, workdays);
    await appendTrail(trx, database.dialect, {
      ...actorFields(actor),
      agencyId,
      action: "message.settings",
      entityType: "agency",
      entityId: agencyId,
      before: { replyWorkdays: before },
      after: { replyWorkdays: workdays },
    });
  });
}
