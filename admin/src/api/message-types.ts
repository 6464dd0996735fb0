/**
 * The shapes of the message board's staff API (docs/API.md "Message board"), as the shell receives them.
 */

/** A list status of the board. */
export type MessageStatus = "pending" | "replied" | "rejected";

/** A message as staff see it. */
export interface StaffMessage {
  readonly id: number;
  readonly agencyId: number;
  readonly kind: string;
  readonly kindName: string;
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly publishConsent: boolean;
  readonly status: MessageStatus;
  readonly statusName: string;
  readonly receivedOn: string;
  readonly replyDueOn: string;
  readonly replyOverdue: boolean;
  readonly reply: { readonly body: string; readonly department: string; readonly repliedOn: string } | null;
  readonly rejectReason: string | null;
  readonly published: boolean;
}

/** Answer of GET /api/messages. */
export interface MessagePage {
  readonly items: readonly StaffMessage[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Answer of GET /api/messages/summary. */
export interface BoardSummary {
  readonly year: number;
  readonly received: number;
  readonly replied: number;
  readonly published: number;
  readonly rejected: number;
  readonly replyWorkdays: number;
  readonly w7: {
    readonly level: "ok" | "warning" | "breach";
    readonly breaches: readonly number[];
    readonly warnings: readonly number[];
  };
}
