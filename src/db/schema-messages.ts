/**
 * Tables of the public message board (网民留言): messages with their reply, and the per-agency settings.
 */
import type { Generated } from "kysely";
import type { MessageKind, MessageStatus } from "../core/message/message-machine.ts";

/** A public message (咨询 or 建议) and its reply; status changes only through the message state machine. */
export interface MessageTable {
  id: Generated<number>;
  agency_id: number;
  /** "consultation" (政务咨询) or "suggestion" (建议). */
  kind: MessageKind;
  title: string;
  body: string;
  author_name: string;
  /** Contact details: shown to staff only, never published. */
  contact_phone: string;
  contact_email: string;
  /** 1 when the author agrees that the message and its reply are published. */
  publish_consent: number;
  /** "pending", "replied" or "rejected" (not a valid message: spam, abuse, not 咨询/建议). */
  status: MessageStatus;
  /** 受理日期: the calendar day (Asia/Shanghai) it was received. */
  received_on: string;
  reply_body: string | null;
  reply_department: string | null;
  /** 答复日期. */
  replied_on: string | null;
  replied_by: number | null;
  reject_reason: string | null;
  /** 1 when published on the portal (only replied messages with consent). */
  published: number;
  /** SHA-256 of the sender's address with the installation secret: for flood limits, never shown. */
  sender_hash: string;
  idempotency_key: string;
  created_at: string;
  updated_at: string;
}

/** The tables of this module, merged into the database schema. */
export interface MessageTables {
  messages: MessageTable;
}
