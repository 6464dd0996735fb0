/**
 * The message board's staff API answers: messages as staff see them, pages of them, the yearly summary
 * with W-7, and the agency's reply limit [P].
 */
import { type Static, Type } from "@sinclair/typebox";
import { MESSAGE_KINDS, MESSAGE_STATUSES } from "../core/message/message-machine.ts";
import { MONITOR_LEVELS } from "../core/monitor/monitor-verdict.ts";
import { DateText, Id, Nullable } from "./common.contract.ts";

/** A message's status: pending (待答复), replied (已答复), rejected (无效留言). */
export const MessageStatus = Type.Union(MESSAGE_STATUSES.map((s) => Type.Literal(s)));
export type MessageStatus = Static<typeof MessageStatus>;

/** A message's kind: consultation (咨询) or suggestion (建议). */
export const MessageKind = Type.Union(MESSAGE_KINDS.map((k) => Type.Literal(k)));
export type MessageKind = Static<typeof MessageKind>;

/** A message as staff see it, contact details included. */
export const StaffMessage = Type.Object({
  id: Id,
  agencyId: Id,
  kind: MessageKind,
  kindName: Type.String(),
  title: Type.String(),
  body: Type.String(),
  authorName: Type.String(),
  contactPhone: Type.String(),
  contactEmail: Type.String(),
  publishConsent: Type.Boolean(),
  status: MessageStatus,
  statusName: Type.String(),
  receivedOn: DateText,
  replyDueOn: DateText,
  /** True while unanswered after the agency's reply limit. */
  replyOverdue: Type.Boolean(),
  reply: Nullable(Type.Object({ body: Type.String(), department: Type.String(), repliedOn: DateText })),
  rejectReason: Nullable(Type.String()),
  published: Type.Boolean(),
});
export type StaffMessage = Static<typeof StaffMessage>;

/** Answer of GET /api/messages: one page of messages and the total. */
export const MessagePage = Type.Object({
  items: Type.Array(StaffMessage),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type MessagePage = Static<typeof MessagePage>;

/** Answer of GET /api/messages/summary: the year's figures and the W-7 watch. */
export const BoardSummary = Type.Object({
  year: Type.Integer(),
  received: Type.Integer(),
  replied: Type.Integer(),
  published: Type.Integer(),
  rejected: Type.Integer(),
  replyWorkdays: Type.Integer(),
  w7: Type.Object({
    level: Type.Union(MONITOR_LEVELS.map((l) => Type.Literal(l))),
    /** Messages unanswered for more than 3 months in the past year. */
    breaches: Type.Array(Id),
    /** Messages unanswered after 2 months but not yet 3. */
    warnings: Type.Array(Id),
  }),
});
export type BoardSummary = Static<typeof BoardSummary>;

/** Answer of PUT /api/messages/settings: the agency's reply limit in working days. */
export const MessageSettings = Type.Object({ agencyId: Id, replyWorkdays: Type.Integer() });
export type MessageSettings = Static<typeof MessageSettings>;
