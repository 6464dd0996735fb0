/**
 * The reminder e-mail (Chinese subject and body): tracking number, an excerpt of the description, the due
 * date, the working days left or since it passed, and the link to the case in the back office.
 */
import type { ReminderDue } from "../core/reminders/reminder-due.ts";

/** What the mail says about one case. */
export interface ReminderCaseText {
  readonly requestId: number;
  readonly trackingNo: string;
  readonly agencyName: string;
  readonly description: string;
  readonly receivedOn: string;
  readonly dueOn: string;
  /** R-WD-3: the due date reaches a year whose schedule is not known yet. */
  readonly dueProvisional: boolean;
  /** Whom the mail greets: the case officer, else the agency's disclosure office. */
  readonly addressee: string;
}

/** A composed mail. */
export interface ReminderMessage {
  readonly subject: string;
  readonly text: string;
}

/** Longest description excerpt, in characters. */
const EXCERPT_LENGTH = 60;

/** The description on one line, cut to EXCERPT_LENGTH characters (whole code points) with an ellipsis. */
export function descriptionExcerpt(description: string): string {
  const oneLine = description.replace(/\s+/g, " ").trim();
  const chars = [...oneLine];
  return chars.length <= EXCERPT_LENGTH ? oneLine : `${chars.slice(0, EXCERPT_LENGTH).join("")}……`;
}

/** The link to the case page of the back office under the public base URL. */
export function caseLink(publicUrl: string, requestId: number): string {
  return `${publicUrl.replace(/\/+$/, "")}/admin/requests/${requestId}`;
}

/** How the time left reads: "剩余 2 个工作日", "今日到期", "已逾期 3 个工作日". */
function timeLeft(due: ReminderDue): string {
  if (due.kind === "overdue") {
    return due.workdaysLeft < 0 ? `已逾期 ${-due.workdaysLeft} 个工作日` : "已超过答复期限";
  }
  return due.workdaysLeft === 0 ? "今日到期" : `剩余 ${due.workdaysLeft} 个工作日`;
}

/** The reminder mail for a case. */
export function composeReminder(c: ReminderCaseText, due: ReminderDue, publicUrl: string): ReminderMessage {
  const left = timeLeft(due);
  const overdue = due.kind === "overdue";
  const subject = overdue
    ? `【已逾期】政府信息公开申请 ${c.trackingNo} 答复期限 ${c.dueOn} 已过（${left}）`
    : `【即将到期】政府信息公开申请 ${c.trackingNo} 答复期限 ${c.dueOn}（${left}）`;
  const lead = overdue
    ? "您承办的以下政府信息公开申请已超过答复期限，请尽快办理并答复申请人。"
    : "您承办的以下政府信息公开申请将在 3 个工作日内到期，请及时办理。";
  const dueLine = c.dueProvisional
    ? `${c.dueOn}（暂定：期限跨入尚未公布节假日安排的年份，公布后将重新计算）`
    : c.dueOn;
  const text = [
    `${c.addressee}：`,
    "",
    lead,
    "",
    `受理编号：${c.trackingNo}`,
    `受理机关：${c.agencyName}`,
    `申请内容：${descriptionExcerpt(c.description)}`,
    `收到日期：${c.receivedOn}`,
    `答复期限：${dueLine}`,
    `剩余时间：${left}`,
    `办理页面：${caseLink(publicUrl, c.requestId)}`,
    "",
    "本邮件由政府信息公开工作平台自动发送；同一申请的同一答复期限只提醒一次，请勿直接回复。",
    "",
  ].join("\n");
  return { subject, text };
}
