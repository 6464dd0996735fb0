/**
 * The shapes of the registries, litigation and annual-report API (docs/API.md "Registries" and "Annual
 * reports"), as the back office receives them.
 */
import type {
  AnnualReport,
  ApplicationsTable,
  Finding,
  ProactiveTables,
  ReviewTable,
} from "../../../src/core/report/report-model.ts";

/** 规章 or 行政规范性文件. */
export type RuleKind = "regulation" | "normativeDocument";
/** Validity of a register entry. */
export type RuleValidity = "valid" | "expired" | "abolished" | "amended";

/** A register entry of 规章 / 行政规范性文件. */
export interface Regulation {
  readonly id: number;
  readonly agencyId: number;
  readonly kind: RuleKind;
  readonly kindName: string;
  readonly title: string;
  readonly docNo: string;
  readonly issuedOn: string;
  readonly abolishedOn: string | null;
  readonly validity: RuleValidity;
  readonly validityName: string;
}

/** 行政许可, 行政处罚, 行政强制, 其他. */
export type DecisionKind = "licensing" | "penalty" | "enforcement" | "other";
/** 行政相对人类别. */
export type PartyKind = "legalPerson" | "individualBusiness" | "naturalPerson";
/** S-1 status of a decision. */
export type S1Status = "onTime" | "late" | "pending" | "dueSoon" | "overdue" | "notApplicable";

/** An administrative decision as the back office sees it. */
export interface AdminDecision {
  readonly id: number;
  readonly agencyId: number;
  readonly kind: DecisionKind;
  readonly kindName: string;
  readonly docNo: string;
  readonly matter: string;
  readonly content: string;
  readonly decidedOn: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly authority: string;
  readonly authorityCreditCode: string;
  readonly partyKind: PartyKind;
  readonly partyKindName: string;
  readonly partyName: string;
  readonly partyCreditCode: string;
  readonly legalRepresentative: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly serious: boolean;
  readonly publishedOn: string | null;
  readonly s1: {
    readonly status: S1Status;
    readonly statusName: string;
    readonly dueOn: string | null;
    readonly provisional: boolean;
  };
}

/** Answer of GET /api/registries/decisions. */
export interface DecisionPage {
  readonly items: readonly AdminDecision[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Answer of GET /api/registries/decisions/s1. */
export interface S1Answer {
  readonly asOf: string;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly late: number;
}

/** One rejected row of an import. */
export interface ImportProblem {
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}

/** A 行政事业性收费 entry. */
export interface Fee {
  readonly id: number;
  readonly agencyId: number;
  readonly year: number;
  readonly itemName: string;
  readonly basis: string;
  readonly amountFen: number;
  readonly amountYuan: string;
  readonly note: string;
}

/** Answer of GET /api/registries/fees. */
export interface FeeList {
  readonly items: readonly Fee[];
  readonly totalYuan: string;
  readonly totalWanYuan: string;
}

/** A training session. */
export interface Training {
  readonly id: number;
  readonly agencyId: number;
  readonly heldOn: string;
  readonly topic: string;
  readonly personTimes: number;
}

/** Answer of GET /api/registries/trainings. */
export interface TrainingList {
  readonly items: readonly Training[];
  readonly sessions: number;
  readonly personTimes: number;
}

/** A policy interpretation. */
export interface Interpretation {
  readonly id: number;
  readonly agencyId: number;
  readonly title: string;
  readonly publishedOn: string;
  readonly form: string;
  readonly policyTitle: string;
  readonly policyDocNo: string;
  readonly policyPublicationId: number | null;
}

/** The yearly summary of the registries (table 二). */
export interface Table2Result {
  readonly agencyId: number;
  readonly year: number;
  readonly proactive: ProactiveTables;
  readonly records: Readonly<Record<string, readonly number[]>>;
  readonly feesFen: number;
  readonly training: { readonly sessions: number; readonly personTimes: number };
  readonly interpretations: { readonly count: number };
}

/** 复议, 直接起诉, 复议后起诉. */
export type ReviewCaseKind = "reconsideration" | "litigationDirect" | "litigationAfterReconsideration";
/** 维持, 纠正, 其他. */
export type ReviewResult = "upheld" | "corrected" | "other";

/** A reconsideration or litigation case. */
export interface ReviewCase {
  readonly id: number;
  readonly agencyId: number;
  readonly requestId: number | null;
  readonly kind: ReviewCaseKind;
  readonly kindName: string;
  readonly caseNo: string;
  readonly applicantName: string;
  readonly filedOn: string;
  readonly decidedOn: string | null;
  readonly result: ReviewResult | null;
  readonly resultName: string;
  readonly note: string;
}

/** Table 四 of a year with the cases behind each value. */
export interface Table4Result {
  readonly agencyId: number;
  readonly year: number;
  readonly review: ReviewTable;
  readonly cases: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;
}

/** The records behind one table value of a report. */
export interface CellRecords {
  readonly kind: string;
  readonly ids: readonly number[];
}

/** A prose section number. */
export type ProseNo = "一" | "五" | "六";

/** A published version of a report. */
export interface ReportVersion {
  readonly version: number;
  readonly published_on: string;
  readonly published_at: string;
  readonly note: string;
}

/** Answer of GET/PUT on an agency-year's report. */
export interface BuiltReport {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly year: number;
  readonly report: AnnualReport;
  readonly findings: readonly Finding[];
  readonly records: {
    readonly tables: {
      readonly proactive: ProactiveTables;
      readonly applications: ApplicationsTable;
      readonly review: ReviewTable;
    };
    readonly cells: Readonly<Record<string, CellRecords>>;
  };
  readonly edited: Readonly<Record<ProseNo, boolean>>;
  readonly draftProblems: readonly string[];
  readonly versions: readonly ReportVersion[];
  readonly templates?: Readonly<Record<ProseNo, string>>;
  readonly placeholders?: Readonly<Record<string, string>>;
}

/** Answer of POST …/publish. */
export interface PublishAnswer {
  readonly version: number;
  readonly findings: readonly Finding[];
}

/** One agency's line of the supervisors' overview. */
export interface OverviewLine {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly published: { readonly version: number; readonly publishedOn: string } | null;
  readonly errors: number;
  readonly warnings: number;
}

/** Answer of GET /api/reports/overview. */
export interface ReportOverview {
  readonly year: number;
  readonly agencies: readonly OverviewLine[];
  readonly aggregate: {
    readonly applications: ApplicationsTable;
    readonly review: ReviewTable;
    readonly licensing: number;
    readonly penalty: number;
    readonly enforcement: number;
    readonly fees: string;
  };
}
