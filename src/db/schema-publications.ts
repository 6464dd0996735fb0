/**
 * The tables of proactive disclosure (主动公开, migration 0005): the column tree, catalog items with their
 * 先审后发 log and attachments, the index-number serials, the search index, and the publishing channels
 * with their posts.
 */
import type { ColumnType, Generated } from "kysely";
import type { PublicationStatus } from "../core/publication/publication-machine.ts";
import type { Cadence } from "../core/publication/publication-rules.ts";

/** A column (栏目) of an agency's 政府信息公开 column; the four first-level ones carry `root_kind`. */
export interface PublicationColumnTable {
  id: Generated<number>;
  agency_id: number;
  parent_id: number | null;
  name: string;
  /** guide | rules | proactive | annual_reports for the four first-level columns, null below them. */
  root_kind: string | null;
  /** The 条例第二十条 item the column is arranged under ("（一）" …), if any. */
  category_item: string | null;
  /** weekly | monthly | quarterly | yearly for periodic columns (e.g. 周警情播报), else null. */
  cadence: Cadence | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** A catalog item (政府信息); its status changes only through the publication state machine. */
export interface PublicationTable {
  id: Generated<number>;
  agency_id: number;
  column_id: number;
  status: PublicationStatus;
  title: string;
  summary: string;
  publisher: string;
  written_on: string | null;
  formed_on: string;
  published_on: string | null;
  published_at: string | null;
  document_no: string;
  topic: string;
  genre: string;
  validity: string;
  category_item: string | null;
  body_html: string;
  index_no: string | null;
  index_year: number | null;
  index_serial: number | null;
  issue_no: number | null;
  amends_id: number | null;
  amended_by_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** The append-only 先审后发 log of an item: every step with who, when and the opinion. */
export interface PublicationEventTable {
  id: Generated<number>;
  publication_id: number;
  seq: number;
  type: string;
  from_status: PublicationStatus;
  to_status: PublicationStatus;
  step: string | null;
  opinion: string;
  actor_user_id: number | null;
  actor_name: string;
  actor_role: string;
  at: string;
}

/** The last index-number serial used by an agency in a year. */
export interface PublicationSerialTable {
  agency_id: number;
  year: number;
  last_serial: number;
}

/** A file attached to an item. */
export interface PublicationAttachmentTable {
  id: Generated<number>;
  publication_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
}

/** A publishing channel of an agency: the portal or a new-media account (政务新媒体). */
export interface ChannelTable {
  id: Generated<number>;
  agency_id: number;
  /** portal | wechat | weibo | toutiao | other */
  kind: string;
  name: string;
  account: string;
  /** 1 when the account's 留言/评论/私信 function works, as last checked (migration 0011, N-2). */
  interactive: ColumnType<number, number | undefined, number>;
  /** The day the office last checked it, or null. */
  interactive_checked_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

/** A post on a channel, linked to the catalog item it carried when there is one. */
export interface ChannelPostTable {
  id: Generated<number>;
  agency_id: number;
  channel_id: number;
  publication_id: number | null;
  title: string;
  url: string;
  posted_at: string;
  /** The calendar day of `posted_at` in Asia/Shanghai, for the yearly counts. */
  posted_on: string;
  /** entered | import | portal */
  source: string;
  created_at: string;
}

/** The PostgreSQL search index (SQLite keeps an FTS5 table of the same name, rowid = publication id). */
export interface PublicationSearchTable {
  publication_id: number;
  agency_id: number;
  terms: string;
}

/** The tables of migration 0005. */
export interface PublicationSchema {
  publication_columns: PublicationColumnTable;
  publications: PublicationTable;
  publication_events: PublicationEventTable;
  publication_serials: PublicationSerialTable;
  publication_attachments: PublicationAttachmentTable;
  channels: ChannelTable;
  channel_posts: ChannelPostTable;
  publication_search: PublicationSearchTable;
}
