/**
 * How the message pages name things and what they send: the list tabs, the reply-due tag, the W-7 level, and
 * the body of a reply (公开 only when the author consented).
 */
import type { BoardSummary, MessageStatus, StaffMessage } from "../api/message-types.ts";
import { addDays } from "../shared/dates.ts";

/** The list tabs, in order. */
export const MESSAGE_TABS: readonly { readonly key: MessageStatus; readonly label: string }[] = [
  { key: "pending", label: "待答复" },
  { key: "replied", label: "已答复" },
  { key: "rejected", label: "无效留言" },
];

/** The reply-due tag of a message: overdue red, due today or tomorrow orange; null otherwise. */
export function replyDueTag(
  message: Pick<StaffMessage, "status" | "replyDueOn" | "replyOverdue">,
  today: string,
): { text: string; color: string } | null {
  if (message.status !== "pending") return null;
  if (message.replyOverdue || today > message.replyDueOn) return { text: "已超期", color: "red" };
  const tomorrow = addDays(today, 1);
  if (message.replyDueOn <= tomorrow) return { text: "即将到期", color: "orange" };
  return null;
}

/** W-7 (a valid 政务咨询 unanswered for more than 3 months in the past year) as a tag with its explanation. */
export function w7Tag(w7: BoardSummary["w7"]): { text: string; color: string; detail: string } {
  if (w7.level === "breach")
    return {
      text: "W-7 单项否决",
      color: "red",
      detail: `${w7.breaches.length} 条政务咨询超过 3 个月未答复（国办秘函〔2019〕19号）`,
    };
  if (w7.level === "warning")
    return { text: "W-7 预警", color: "orange", detail: `${w7.warnings.length} 条政务咨询超过 2 个月未答复` };
  return { text: "W-7 正常", color: "green", detail: "近一年没有超过 2 个月未答复的政务咨询" };
}

/** What the reply form holds. */
export interface ReplyForm {
  readonly body: string;
  readonly department: string;
  readonly repliedOn: string;
  readonly publish: boolean;
}

/** The problem with a reply, in Chinese, or null. */
export function replyProblem(form: ReplyForm): string | null {
  if (form.body.trim() === "") return "请填写答复内容";
  if (form.department.trim() === "") return "请填写答复部门";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.repliedOn)) return "请填写答复日期（YYYY-MM-DD）";
  return null;
}

/** The body of POST /api/messages/:id/reply; a message is published only when its author consented. */
export function replyBody(
  form: ReplyForm,
  publishConsent: boolean,
): { body: string; department: string; repliedOn: string; publish: boolean } {
  return {
    body: form.body.trim(),
    department: form.department.trim(),
    repliedOn: form.repliedOn,
    publish: publishConsent && form.publish,
  };
}
