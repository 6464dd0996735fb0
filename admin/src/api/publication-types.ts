/**
 * The shapes of the catalog, column and channel API (docs/API.md "Publications"), as the shell receives them.
 */
import type { ChannelPost } from "../../../src/contract/channel.contract.ts";

/** Where an item stands in 先审后发. */
export type PublicationStatus =
  | "draft"
  | "secrecy_review"
  | "review"
  | "sign_off"
  | "approved"
  | "published"
  | "withdrawn";

/** A review step of 先审后发. */
export type ReviewStep = "secrecyReview" | "review" | "signOff";

/** R-26-1 status of an item. */
export interface R26Status {
  readonly dueOn: string;
  readonly elapsedWorkdays: number;
  readonly flag: "ok" | "near" | "overdue" | "late";
  readonly provisional: boolean;
}

/** A list entry of GET /api/publications. */
export interface PublicationSummary {
  readonly id: number;
  readonly agencyId: number;
  readonly columnId: number;
  readonly status: PublicationStatus;
  readonly statusName: string;
  readonly title: string;
  readonly indexNo: string | null;
  readonly documentNo: string;
  readonly categoryItem: string | null;
  readonly validity: string;
  readonly formedOn: string;
  readonly publishedOn: string | null;
  readonly r26: R26Status;
  readonly updatedAt: string;
}

/** Answer of GET /api/publications. */
export interface PublicationPage {
  readonly publications: readonly PublicationSummary[];
  readonly total: number;
}

/** One entry of an item's 先审后发 log. */
export interface PublicationLogEntry {
  readonly seq: number;
  readonly type: string;
  readonly from: PublicationStatus;
  readonly to: PublicationStatus;
  readonly step: ReviewStep | null;
  readonly opinion: string;
  readonly actorUserId: number | null;
  readonly actorName: string;
  readonly actorRole: string;
  readonly at: string;
}

/** An attachment of an item. */
export interface PublicationAttachment {
  readonly id: number;
  readonly publicationId: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

/** The full view of GET /api/publications/:id. */
export interface PublicationView extends PublicationSummary {
  readonly summary: string;
  readonly publisher: string;
  readonly writtenOn: string | null;
  readonly publishedAt: string | null;
  readonly topic: string;
  readonly genre: string;
  readonly bodyHtml: string;
  readonly issueNo: number | null;
  readonly amendsId: number | null;
  readonly amendedById: number | null;
  readonly createdAt: string;
  readonly log: readonly PublicationLogEntry[];
  readonly attachments: readonly PublicationAttachment[];
  readonly posts: readonly ChannelPost[];
}

/** The editable content of an item (POST/PATCH /api/publications). */
export interface PublicationContentBody {
  readonly columnId: number;
  readonly title: string;
  readonly summary: string;
  readonly publisher: string;
  readonly writtenOn: string | null;
  readonly formedOn: string;
  readonly documentNo: string;
  readonly topic: string;
  readonly genre: string;
  readonly categoryItem: string | null;
  readonly bodyHtml: string;
  readonly issueNo: number | null;
}

/** A cadence of a periodic column. */
export type Cadence = "weekly" | "monthly" | "quarterly" | "yearly";

/** A column of the catalog tree. */
export interface CatalogColumn {
  readonly id: number;
  readonly agencyId: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly rootKind: "guide" | "rules" | "proactive" | "annual_reports" | null;
  readonly categoryItem: string | null;
  readonly cadence: Cadence | null;
  readonly sortOrder: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Answer of GET /api/columns/:id/issues. */
export interface ColumnIssues {
  readonly column: CatalogColumn;
  readonly year: number;
  readonly issues: readonly {
    readonly id: number;
    readonly issueNo: number | null;
    readonly title: string;
    readonly publishedOn: string | null;
    readonly indexNo: string | null;
  }[];
  readonly expectedPerYear: number | null;
  readonly lastPublishedOn: string | null;
  readonly overdue: boolean;
}

export type {
  Channel,
  ChannelCounts,
  ChannelKind,
  ChannelPost,
  RejectedRow,
} from "../../../src/contract/channel.contract.ts";
