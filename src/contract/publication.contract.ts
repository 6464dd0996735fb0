/**
 * The catalog API's answers: items (list, full view with the 先审后发 log, attachments and channel posts),
 * their attachments, and the column tree with the issues of periodic columns.
 */
import { type Static, Type } from "@sinclair/typebox";
import { PUBLICATION_STATUSES, REVIEW_STEPS } from "../core/publication/publication-machine.ts";
import { CADENCES, R26_FLAGS, ROOT_COLUMN_KINDS, VALIDITIES } from "../core/publication/publication-rules.ts";
import { ChannelPost } from "./channel.contract.ts";
import { DateText, Id, Instant, Nullable } from "./common.contract.ts";

/** Where an item stands in 先审后发. */
export const PublicationStatus = Type.Union(PUBLICATION_STATUSES.map((s) => Type.Literal(s)));
export type PublicationStatus = Static<typeof PublicationStatus>;

/** A review step of 先审后发 (保密审查, 审核, 审签). */
export const ReviewStep = Type.Union(REVIEW_STEPS.map((s) => Type.Literal(s.step)));
export type ReviewStep = Static<typeof ReviewStep>;

/** 有效性 of an item (有效, 失效, 废止, 修订). */
export const Validity = Type.Union(VALIDITIES.map((v) => Type.Literal(v)));
export type Validity = Static<typeof Validity>;

/** Where an item stands against R-26-1 (published within 20 working days of being formed). */
export const R26Status = Type.Object({
  dueOn: DateText,
  elapsedWorkdays: Type.Integer(),
  flag: Type.Union(R26_FLAGS.map((f) => Type.Literal(f))),
  /** The span reaches a year whose working-day schedule is not known (R-WD-3). */
  provisional: Type.Boolean(),
});
export type R26Status = Static<typeof R26Status>;

/** The fields of a list entry. */
const summaryFields = {
  id: Id,
  agencyId: Id,
  columnId: Id,
  status: PublicationStatus,
  statusName: Type.String(),
  title: Type.String(),
  indexNo: Nullable(Type.String()),
  documentNo: Type.String(),
  categoryItem: Nullable(Type.String()),
  validity: Validity,
  formedOn: DateText,
  publishedOn: Nullable(DateText),
  r26: R26Status,
  updatedAt: Instant,
};

/** A list entry of GET /api/publications. */
export const PublicationSummary = Type.Object(summaryFields);
export type PublicationSummary = Static<typeof PublicationSummary>;

/** Answer of GET /api/publications: one page and the total. */
export const PublicationPage = Type.Object({
  publications: Type.Array(PublicationSummary),
  total: Type.Integer(),
});
export type PublicationPage = Static<typeof PublicationPage>;

/** One entry of an item's 先审后发 log. */
export const PublicationLogEntry = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  from: PublicationStatus,
  to: PublicationStatus,
  step: Nullable(ReviewStep),
  opinion: Type.String(),
  actorUserId: Nullable(Id),
  actorName: Type.String(),
  actorRole: Type.String(),
  at: Instant,
});
export type PublicationLogEntry = Static<typeof PublicationLogEntry>;

/** An attachment of an item (answer of POST /api/publications/:id/attachments). */
export const PublicationAttachment = Type.Object({
  id: Id,
  publicationId: Id,
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: Instant,
});
export type PublicationAttachment = Static<typeof PublicationAttachment>;

/** The full back-office view of an item (GET/POST/PATCH /api/publications/:id and its actions). */
export const PublicationView = Type.Object({
  ...summaryFields,
  summary: Type.String(),
  publisher: Type.String(),
  writtenOn: Nullable(DateText),
  publishedAt: Nullable(Instant),
  topic: Type.String(),
  genre: Type.String(),
  bodyHtml: Type.String(),
  issueNo: Nullable(Type.Integer()),
  amendsId: Nullable(Id),
  amendedById: Nullable(Id),
  createdAt: Instant,
  log: Type.Array(PublicationLogEntry),
  attachments: Type.Array(PublicationAttachment),
  posts: Type.Array(ChannelPost),
});
export type PublicationView = Static<typeof PublicationView>;

/** A cadence of a periodic column. */
export const Cadence = Type.Union(CADENCES.map((c) => Type.Literal(c)));
export type Cadence = Static<typeof Cadence>;

/** A column of the catalog tree. */
export const CatalogColumn = Type.Object({
  id: Id,
  agencyId: Id,
  parentId: Nullable(Id),
  name: Type.String(),
  /** The kind of a first-level column, null for the others. */
  rootKind: Nullable(Type.Union(ROOT_COLUMN_KINDS.map((k) => Type.Literal(k)))),
  categoryItem: Nullable(Type.String()),
  cadence: Nullable(Cadence),
  sortOrder: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type CatalogColumn = Static<typeof CatalogColumn>;

/** Answer of GET /api/columns: the tree, the four first-level columns first. */
export const ColumnTree = Type.Object({ columns: Type.Array(CatalogColumn) });
export type ColumnTree = Static<typeof ColumnTree>;

/** Answer of GET /api/columns/:id/issues: a periodic column's issues in a year and its cadence check. */
export const ColumnIssues = Type.Object({
  column: CatalogColumn,
  year: Type.Integer(),
  issues: Type.Array(
    Type.Object({
      id: Id,
      issueNo: Nullable(Type.Integer()),
      title: Type.String(),
      publishedOn: Nullable(DateText),
      indexNo: Nullable(Type.String()),
    }),
  ),
  expectedPerYear: Nullable(Type.Integer()),
  lastPublishedOn: Nullable(DateText),
  overdue: Type.Boolean(),
});
export type ColumnIssues = Static<typeof ColumnIssues>;
