/**
 * The shapes of the registries, litigation and annual-report API (docs/API.md "Registries" and "Annual
 * reports"), as the server's contract defines them: the back office restates none of them.
 */
export type {
  ReviewCase,
  ReviewCaseKind,
  ReviewResult,
  Table4Result,
} from "../../../src/contract/litigation.contract.ts";
export type {
  AdminDecision,
  DecisionKind,
  DecisionPage,
  Fee,
  FeeList,
  ImportProblem,
  Interpretation,
  PartyKind,
  Regulation,
  RuleKind,
  RuleValidity,
  S1Answer,
  S1Status,
  Table2Result,
  Training,
  TrainingList,
} from "../../../src/contract/registry.contract.ts";
export type {
  BuiltReport,
  CellRecords,
  OverviewLine,
  ProseNo,
  PublishAnswer,
  ReportOverview,
  ReportVersion,
} from "../../../src/contract/report.contract.ts";
