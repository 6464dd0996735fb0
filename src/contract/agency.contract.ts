/**
 * The agency API's answers: GET/POST/PATCH /api/agencies.
 */
import { type Static, Type } from "@sinclair/typebox";
import { AGENCY_KINDS } from "../core/agency/agency-kind.ts";
import { Id, Instant, Nullable } from "./common.contract.ts";

/** 人民政府 or 部门. */
export const AgencyKind = Type.Union(AGENCY_KINDS.map((k) => Type.Literal(k)));
export type AgencyKind = Static<typeof AgencyKind>;

/** The office contact the 公开指南 states (G-12); "" means not provided yet. */
export const AgencyContact = Type.Object({
  officeName: Type.String(),
  address: Type.String(),
  hours: Type.String(),
  phone: Type.String(),
  fax: Type.String(),
  email: Type.String(),
  website: Type.String(),
});
export type AgencyContact = Static<typeof AgencyContact>;

/** The separation-of-duties settings (SOD-1 先审后发分人办理, SOD-2 答复书须由负责人签发), both on by default. */
export const AgencySettings = Type.Object({
  separateReviewDuties: Type.Boolean(),
  letterSignOffByHead: Type.Boolean(),
});
export type AgencySettings = Static<typeof AgencySettings>;

/** An agency (行政机关). */
export const Agency = Type.Object({
  id: Id,
  parentId: Nullable(Id),
  name: Type.String(),
  kind: AgencyKind,
  creditCode: Type.String(),
  contact: AgencyContact,
  settings: AgencySettings,
  createdAt: Instant,
  updatedAt: Instant,
});
export type Agency = Static<typeof Agency>;

/** Answer of GET /api/agencies: the agencies the caller may view, parents first. */
export const AgencyList = Type.Object({ agencies: Type.Array(Agency) });
export type AgencyList = Static<typeof AgencyList>;
