/**
 * What leaves the server about a message: the staff view (everything, with the reply limit [P]) and the
 * public view (only published messages; the author's name masked, contact details never).
 */
import type { StaffMessage } from "../contract/message.contract.ts";
import { maskPersonName } from "../core/privacy/person-name.ts";
import type { MessageRow } from "./message.repository.ts";

/** Chinese names of the kinds and statuses. */
export const MESSAGE_KIND_NAMES: Readonly<Record<string, string>> = {
  consultation: "咨询",
  suggestion: "建议",
};
const STATUS_NAMES: Readonly<Record<string, string>> = {
  pending: "待答复",
  replied: "已答复",
  rejected: "无效留言",
};

/** The staff view of a message, given its reply due date and today. */
export function presentStaffMessage(row: MessageRow, replyDueOn: string, today: string): StaffMessage {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind,
    kindName: MESSAGE_KIND_NAMES[row.kind] ?? row.kind,
    title: row.title,
    body: row.body,
    authorName: row.author_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    publishConsent: row.publish_consent === 1,
    status: row.status,
    statusName: STATUS_NAMES[row.status] ?? row.status,
    receivedOn: row.received_on,
    replyDueOn,
    replyOverdue: row.status === "pending" && today > replyDueOn,
    reply:
      row.reply_body !== null && row.replied_on !== null
        ? { body: row.reply_body, department: row.reply_department ?? "", repliedOn: row.replied_on }
        : null,
    rejectReason: row.reject_reason,
    published: row.published === 1,
  };
}

/** A published message as the public sees it. */
export interface PublicMessage {
  readonly id: number;
  readonly kindName: string;
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  /** 受理日期, 答复日期, 答复部门, 答复内容. */
  readonly receivedOn: string;
  readonly repliedOn: string;
  readonly replyDepartment: string;
  readonly replyBody: string;
}

/** The public view of a published message, or undefined for any message that is not published. */
export function presentPublicMessage(row: MessageRow): PublicMessage | undefined {
  if (row.published !== 1 || row.status !== "replied" || row.reply_body === null || row.replied_on === null) {
    return undefined;
  }
  return {
    id: row.id,
    kindName: MESSAGE_KIND_NAMES[row.kind] ?? row.kind,
    title: row.title,
    body: row.body,
    authorName: maskPersonName(row.author_name),
    receivedOn: row.received_on,
    repliedOn: row.replied_on,
    replyDepartment: row.reply_department ?? "",
    replyBody: row.reply_body,
  };
}
