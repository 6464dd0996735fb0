/**
 * The shapes of the message board's staff API (docs/API.md "Message board"), from the server's contract.
 */
export type {
  BoardSummary,
  MessagePage,
  MessageStatus,
  StaffMessage,
} from "../../../src/contract/message.contract.ts";
