/**
 * Replies an agency's new-media account gave to the public (回应关注: answers to comments, private messages
 * and questions on the account), one row each, so the year's count is a count of records.
 */
import type { Generated } from "kysely";

/** One reply on a channel. */
export interface ChannelResponseTable {
  id: Generated<number>;
  channel_id: number;
  agency_id: number;
  responded_on: string;
  subject: string;
  created_at: string;
}

/** The tables of this module, merged into the database schema. */
export interface ChannelResponseTables {
  channel_responses: ChannelResponseTable;
}
