/**
 * The state machine of a public message (网民留言): pending → replied | rejected, and the publication of a
 * replied message. The only place a message's status changes; each transition returns the new state and the
 * event that the audit trail records.
 */
import { parseDate } from "../calendar/calendar-date.ts";
import { errorFactory } from "../domain-error.ts";

/** Every status of a message: 待答复, 已答复, 无效留言. */
export const MESSAGE_STATUSES = ["pending", "replied", "rejected"] as const;

/** A message's status. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Every kind of message: 政务咨询 and 建议. */
export const MESSAGE_KINDS = ["consultation", "suggestion"] as const;

/** A message's kind: 政务咨询 or 建议. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What the machine needs of a message. */
export interface MessageState {
  readonly status: MessageStatus;
  readonly receivedOn: string;
  readonly publishConsent: boolean;
  readonly published: boolean;
  readonly reply: { readonly body: string; readonly department: string; readonly repliedOn: string } | null;
  readonly rejectReason: string | null;
}

/** A command to the machine. */
export type MessageCommand =
  | {
      readonly type: "reply";
      readonly body: string;
      readonly department: string;
      readonly repliedOn: string;
      readonly publish: boolean;
    }
  | { readonly type: "reject"; readonly reason: string }
  | { readonly type: "publish" }
  | { readonly type: "unpublish" };

/** What a transition produces: the new state and the event to record. */
export interface MessageTransition {
  readonly state: MessageState;
  readonly event: { readonly type: string; readonly data: Record<string, unknown> };
}

/** The codes of refused message commands, with their HTTP status and Chinese message. */
export const MESSAGE_ERRORS = {
  MESSAGE_ALREADY_HANDLED: { status: 409, message: "该留言已答复或已标记为无效，不能再次处理" },
  MESSAGE_NOT_REPLIED: { status: 409, message: "只有已答复的留言才能公开或撤下" },
  MESSAGE_NO_CONSENT: { status: 409, message: "留言人未同意公开，不能在网站上公开该留言" },
  MESSAGE_REPLY_BEFORE_RECEIPT: { status: 400, message: "答复日期不能早于受理日期" },
  MESSAGE_REPLY_EMPTY: { status: 400, message: "请填写答复内容和答复部门" },
  MESSAGE_REASON_EMPTY: { status: 400, message: "请说明标记为无效留言的理由" },
} as const;

const fail = errorFactory(MESSAGE_ERRORS);

/** Applies a command; throws a DomainError with a MESSAGE_* code when the command is not allowed now. */
export function applyMessageCommand(state: MessageState, command: MessageCommand): MessageTransition {
  switch (command.type) {
    case "reply": {
      if (state.status !== "pending") throw fail("MESSAGE_ALREADY_HANDLED");
      const body = command.body.trim();
      const department = command.department.trim();
      if (body === "" || department === "") throw fail("MESSAGE_REPLY_EMPTY");
      if (parseDate(command.repliedOn) < parseDate(state.receivedOn))
        throw fail("MESSAGE_REPLY_BEFORE_RECEIPT");
      const published = command.publish && state.publishConsent;
      if (command.publish && !state.publishConsent) throw fail("MESSAGE_NO_CONSENT");
      const reply = { body, department, repliedOn: command.repliedOn };
      return {
        state: { ...state, status: "replied", reply, published },
        event: { type: "message.reply", data: { ...reply, published } },
      };
    }
    case "reject": {
      if (state.status !== "pending") throw fail("MESSAGE_ALREADY_HANDLED");
      const reason = command.reason.trim();
      if (reason === "") throw fail("MESSAGE_REASON_EMPTY");
      return {
        state: { ...state, status: "rejected", rejectReason: reason, published: false },
        event: { type: "message.reject", data: { reason } },
      };
    }
    case "publish": {
      if (state.status !== "replied") throw fail("MESSAGE_NOT_REPLIED");
      if (!state.publishConsent) throw fail("MESSAGE_NO_CONSENT");
      return { state: { ...state, published: true }, event: { type: "message.publish", data: {} } };
    }
    case "unpublish": {
      if (state.status !== "replied") throw fail("MESSAGE_NOT_REPLIED");
      return { state: { ...state, published: false }, event: { type: "message.unpublish", data: {} } };
    }
  }
}
