/**
 * The registries API's answers (docs/API.md "Registries"): 规章 / 行政规范性文件, administrative decisions
 * with their S-1 and S-2 state, fees, trainings, policy interpretations, imports, table 二 with drill-down
 * and the S-2 setting. Imports only TypeBox, src/core and other contracts.
 */
import { type Static, Type } from "@sinclair/typebox";
import { DECISION_KINDS, PARTY_KINDS } from "../core/registry/decision-kinds.ts";
import { S1_STATUSES } from "../core/registry/decision-publication.ts";
import { RULE_KINDS, VALIDITIES } from "../core/registry/rule-counts.ts";
import type { ProactiveTables } from "../core/report/report-model.ts";
import { CoreModel, DateText, ErrorBody, Id, Instant, Nullable } from "./common.contract.ts";

/** 规章 or 行政规范性文件. */
export const RuleKind = Type.Union(RULE_KINDS.map((k) => Type.Literal(k)));
/** 规章 or 行政规范性文件. */
export type RuleKind = Static<typeof RuleKind>;

/** Validity of a register entry. */
export const RuleValidity = Type.Union(VALIDITIES.map((v) => Type.Literal(v)));
/** Validity of a register entry. */
export type RuleValidity = Static<typeof RuleValidity>;

/** A register entry of 规章 / 行政规范性文件. */
export const Regulation = Type.Object({
  id: Id,
  agencyId: Id,
  kind: RuleKind,
  kindName: Type.String(),
  title: Type.String(),
  docNo: Type.String(),
  issuedOn: DateText,
  abolishedOn: Nullable(DateText),
  validity: RuleValidity,
  validityName: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
});
/** A register entry of 规章 / 行政规范性文件. */
export type Regulation = Static<typeof Regulation>;

/** Answer of GET /api/registries/regulations. */
export const RegulationList = Type.Object({ items: Type.Array(Regulation) });
/** Answer of GET /api/registries/regulations. */
export type RegulationList = Static<typeof RegulationList>;

/** Answer of an import (regulations, decisions): every row imported, with the new ids. */
export const ImportAnswer = Type.Object({ imported: Type.Integer(), ids: Type.Array(Id) });
/** Answer of an import: every row imported, with the new ids. */
export type ImportAnswer = Static<typeof ImportAnswer>;

/** One problem of a refused import: the row (null for a single entry), the column, the message. */
export const ImportProblem = Type.Object({
  row: Nullable(Type.Integer()),
  column: Type.String(),
  message: Type.String(),
});
/** One problem of a refused import. */
export type ImportProblem = Static<typeof ImportProblem>;

/** A 422 of an import: IMPORT_REJECTED with the problems of every bad row (nothing imported), or another refusal without them. */
export const ImportRejectedBody = Type.Composite([
  ErrorBody,
  Type.Object({ problems: Type.Optional(Type.Array(ImportProblem)) }),
]);
/** Refusal of an import (422 IMPORT_REJECTED). */
export type ImportRejectedBody = Static<typeof ImportRejectedBody>;

/** 行政许可, 行政处罚, 行政强制, 其他. */
export const DecisionKind = Type.Union(DECISION_KINDS.map((k) => Type.Literal(k)));
/** 行政许可, 行政处罚, 行政强制, 其他. */
export type DecisionKind = Static<typeof DecisionKind>;

/** 行政相对人类别. */
export const PartyKind = Type.Union(PARTY_KINDS.map((k) => Type.Literal(k)));
/** 行政相对人类别. */
export type PartyKind = Static<typeof PartyKind>;

/** S-1 status of a decision (published within 7 working days). */
export const S1Status = Type.Union(S1_STATUSES.map((s) => Type.Literal(s)));
/** S-1 status of a decision. */
export type S1Status = Static<typeof S1Status>;

/** A decision's S-1 state: status, last day to publish (null when S-1 does not apply), provisional flag. */
export const S1State = Type.Object({
  status: S1Status,
  statusName: Type.String(),
  dueOn: Nullable(DateText),
  provisional: Type.Boolean(),
});
/** A decision's S-1 state. */
export type S1State = Static<typeof S1State>;

/** An administrative decision as the back office sees it (all fields, with its S-1 and S-2 state). */
export const AdminDecision = Type.Object({
  id: Id,
  agencyId: Id,
  kind: DecisionKind,
  kindName: Type.String(),
  docNo: Type.String(),
  matter: Type.String(),
  content: Type.String(),
  decidedOn: DateText,
  validFrom: Nullable(DateText),
  validUntil: Nullable(DateText),
  authority: Type.String(),
  authorityCreditCode: Type.String(),
  partyKind: PartyKind,
  partyKindName: Type.String(),
  partyName: Type.String(),
  partyCreditCode: Type.String(),
  legalRepresentative: Type.String(),
  idType: Type.String(),
  idNumber: Type.String(),
  serious: Type.Boolean(),
  publishedOn: Nullable(DateText),
  createdAt: Instant,
  updatedAt: Instant,
  s1: S1State,
  /** S-2 display window of a published penalty (not taken down before minUntil, taken down on maxUntil). */
  s2: Nullable(Type.Object({ minUntil: DateText, maxUntil: DateText })),
});
/** An administrative decision as the back office sees it. */
export type AdminDecision = Static<typeof AdminDecision>;

/** Answer of GET /api/registries/decisions. */
export const DecisionPage = Type.Object({
  items: Type.Array(AdminDecision),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
/** Answer of GET /api/registries/decisions. */
export type DecisionPage = Static<typeof DecisionPage>;

/** A decision flagged by S-1 (late, overdue or due soon). */
export const S1Flagged = Type.Composite([
  Type.Object({
    id: Id,
    docNo: Type.String(),
    kind: DecisionKind,
    kindName: Type.String(),
    decidedOn: DateText,
    publishedOn: Nullable(DateText),
  }),
  S1State,
]);
/** A decision flagged by S-1. */
export type S1Flagged = Static<typeof S1Flagged>;

/** Answer of GET /api/registries/decisions/s1. */
export const S1Answer = Type.Object({
  asOf: DateText,
  items: Type.Array(S1Flagged),
  overdue: Type.Integer(),
  dueSoon: Type.Integer(),
  late: Type.Integer(),
});
/** Answer of GET /api/registries/decisions/s1. */
export type S1Answer = Static<typeof S1Answer>;

/** A 行政事业性收费 entry (amount in 分, and as an exact 元 string). */
export const Fee = Type.Object({
  id: Id,
  agencyId: Id,
  year: Type.Integer(),
  itemName: Type.String(),
  basis: Type.String(),
  amountFen: Type.Integer(),
  amountYuan: Type.String(),
  note: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
});
/** A 行政事业性收费 entry. */
export type Fee = Static<typeof Fee>;

/** Answer of GET /api/registries/fees. */
export const FeeList = Type.Object({
  items: Type.Array(Fee),
  totalYuan: Type.String(),
  totalWanYuan: Type.String(),
});
/** Answer of GET /api/registries/fees. */
export type FeeList = Static<typeof FeeList>;

/** A training session. */
export const Training = Type.Object({
  id: Id,
  agencyId: Id,
  heldOn: DateText,
  topic: Type.String(),
  personTimes: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
});
/** A training session. */
export type Training = Static<typeof Training>;

/** Answer of GET /api/registries/trainings. */
export const TrainingList = Type.Object({
  items: Type.Array(Training),
  sessions: Type.Integer(),
  personTimes: Type.Integer(),
});
/** Answer of GET /api/registries/trainings. */
export type TrainingList = Static<typeof TrainingList>;

/** A policy interpretation. */
export const Interpretation = Type.Object({
  id: Id,
  agencyId: Id,
  title: Type.String(),
  publishedOn: DateText,
  form: Type.String(),
  policyTitle: Type.String(),
  policyDocNo: Type.String(),
  policyPublicationId: Nullable(Id),
  createdAt: Instant,
  updatedAt: Instant,
});
/** A policy interpretation. */
export type Interpretation = Static<typeof Interpretation>;

/** Answer of GET /api/registries/interpretations. */
export const InterpretationList = Type.Object({ items: Type.Array(Interpretation) });
/** Answer of GET /api/registries/interpretations. */
export type InterpretationList = Static<typeof InterpretationList>;

/** Answer of GET /api/registries/summary: table 二 of a year with the records behind each value. */
export const Table2Result = Type.Object({
  agencyId: Id,
  year: Type.Integer(),
  proactive: CoreModel<ProactiveTables>("表二：第二十条第（一）（五）（六）（八）项"),
  /** Record ids behind each cell, keyed by the model's value path ("regulations.issued", "fees" …). */
  records: Type.Record(Type.String(), Type.Array(Id)),
  /** Decisions of kind 其他 decided in the year (not in the table; shown beside it). */
  otherDecisions: Type.Array(Id),
  feesFen: Type.Integer(),
  training: Type.Object({ sessions: Type.Integer(), personTimes: Type.Integer(), ids: Type.Array(Id) }),
  interpretations: Type.Object({ count: Type.Integer(), ids: Type.Array(Id) }),
});
/** Answer of GET /api/registries/summary. */
export type Table2Result = Static<typeof Table2Result>;

/** Answer of GET/PUT /api/registries/settings: the S-2 [M] setting with its caveat. */
export const RegistrySettings = Type.Object({
  agencyId: Id,
  s2DisplayPeriods: Type.Boolean(),
  s2Note: Type.String(),
});
/** Answer of GET/PUT /api/registries/settings. */
export type RegistrySettings = Static<typeof RegistrySettings>;
