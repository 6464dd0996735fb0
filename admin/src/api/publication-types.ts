/**
 * The shapes of the catalog, column and channel API (docs/API.md "Publications"), as the shell receives them.
 */
import type { PublicationView } from "../../../src/contract/publication.contract.ts";

export type {
  Cadence,
  CatalogColumn,
  ColumnIssues,
  PublicationAttachment,
  PublicationLogEntry,
  PublicationPage,
  PublicationStatus,
  PublicationSummary,
  PublicationView,
  R26Status,
  ReviewStep,
} from "../../../src/contract/publication.contract.ts";

/** The editable content of an item (POST/PATCH /api/publications), as the full view shows it. */
export type PublicationContentBody = Pick<
  PublicationView,
  | "columnId"
  | "title"
  | "summary"
  | "publisher"
  | "writtenOn"
  | "formedOn"
  | "documentNo"
  | "topic"
  | "genre"
  | "categoryItem"
  | "bodyHtml"
  | "issueNo"
>;

export type {
  Channel,
  ChannelCounts,
  ChannelKind,
  ChannelPost,
  RejectedRow,
} from "../../../src/contract/channel.contract.ts";
