/**
 * Tables of the registries behind the annual report (migration 0006): 规章 and 行政规范性文件, administrative
 * decisions (双公示), 行政事业性收费, training sessions, policy interpretations, and reconsideration and
 * litigation cases.
 */
import type { Generated } from "kysely";
import type { DecisionKind, PartyKind } from "../core/registry/decision-kinds.ts";
import type { ReviewCaseKind, ReviewResult } from "../core/registry/review-counts.ts";
import type { RuleKind } from "../core/registry/rule-counts.ts";

/** A 规章 or 行政规范性文件 in the register (table 二 (一)). */
export interface RegulationTable {
  id: Generated<number>;
  agency_id: number;
  /** "regulation" (规章) or "normativeDocument" (行政规范性文件). */
  kind: RuleKind;
  title: string;
  /** 文号, unique per agency. */
  doc_no: string;
  issued_on: string;
  /** The day it ceased to be in force, or null. */
  abolished_on: string | null;
  /** "valid", "expired", "abolished" or "amended". */
  validity: string;
  created_at: string;
  updated_at: string;
}

/** An administrative decision with the 双公示 fields (table 二 (五)(六), the public decision list). */
export interface DecisionTable {
  id: Generated<number>;
  agency_id: number;
  /** "licensing", "penalty", "enforcement" or "other". */
  kind: DecisionKind;
  /** 决定书文号, unique per agency. */
  doc_no: string;
  matter: string;
  content: string;
  decided_on: string;
  valid_from: string | null;
  valid_until: string | null;
  authority: string;
  authority_credit_code: string;
  /** "legalPerson", "individualBusiness" or "naturalPerson". */
  party_kind: PartyKind;
  party_name: string;
  party_credit_code: string;
  legal_representative: string;
  /** A natural person's identity document: kept for the 信用 data feed, never shown publicly. */
  id_type: string;
  id_number: string;
  /** 1 for a serious (严重失信) penalty (S-2). */
  serious: number;
  published_on: string | null;
  created_at: string;
  updated_at: string;
}

/** An amount of 行政事业性收费 collected in a year (table 二 (八)), in 分. */
export interface FeeTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  item_name: string;
  basis: string;
  amount_fen: number;
  note: string;
  created_at: string;
  updated_at: string;
}

/** A training session on disclosure work. */
export interface TrainingTable {
  id: Generated<number>;
  agency_id: number;
  held_on: string;
  topic: string;
  person_times: number;
  created_at: string;
  updated_at: string;
}

/** A policy interpretation (政策解读), linked to the policy by title/文号 and, when known, a publication id. */
export interface InterpretationTable {
  id: Generated<number>;
  agency_id: number;
  title: string;
  published_on: string;
  /** 文字, 图解, 视频, 访谈 …. */
  form: string;
  policy_title: string;
  policy_doc_no: string;
  /** The publication of the policy on the platform, of the same agency, when it is there (foreign key, 0016). */
  policy_publication_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A reconsideration or lawsuit about disclosure (table 四). */
export interface ReviewCaseTable {
  id: Generated<number>;
  agency_id: number;
  /** The disclosure request the case concerns, when known. */
  request_id: number | null;
  /** "reconsideration", "litigationDirect" or "litigationAfterReconsideration". */
  kind: ReviewCaseKind;
  case_no: string;
  applicant_name: string;
  filed_on: string;
  decided_on: string | null;
  /** "upheld", "corrected", "other", or null while open. */
  result: ReviewResult | null;
  note: string;
  created_at: string;
  updated_at: string;
}

/** The registry tables, merged into the Schema. */
export interface RegistryTables {
  regulations: RegulationTable;
  decisions: DecisionTable;
  fees: FeeTable;
  trainings: TrainingTable;
  interpretations: InterpretationTable;
  review_cases: ReviewCaseTable;
}
