/**
 * All the annual-report checks (rules.md §5, C-1 … C-12), run in rule order.
 */
import type { AnnualReport, Finding } from "../report/report-model.ts";
import {
  checkApplicationBalance,
  checkApplicationResultTotals,
  checkApplicationRowTotals,
  checkReviewTotals,
} from "./arithmetic-checks.ts";
import type { Check, CheckContext } from "./check-context.ts";
import { checkPublicationDeadline } from "./deadline-checks.ts";
import { checkInformationFee, checkProseNumbers } from "./prose-checks.ts";
import { checkSectionHeadings } from "./structure-checks.ts";
import { checkReportFormat, checkValueDomains } from "./value-checks.ts";
import { checkCarriedOver, checkValidRules } from "./year-checks.ts";

/** Every rule with its check, in rule order (the order of runChecks' findings). */
export const CHECKS: readonly { readonly rule: string; readonly check: Check }[] = [
  { rule: "C-1", check: checkApplicationBalance },
  { rule: "C-2", check: checkApplicationResultTotals },
  { rule: "C-3", check: checkApplicationRowTotals },
  { rule: "C-4", check: checkReviewTotals },
  { rule: "C-5", check: checkValueDomains },
  { rule: "C-6", check: checkReportFormat },
  { rule: "C-7", check: checkCarriedOver },
  { rule: "C-8", check: checkValidRules },
  { rule: "C-9", check: checkProseNumbers },
  { rule: "C-10", check: checkInformationFee },
  { rule: "C-11", check: checkSectionHeadings },
  { rule: "C-12", check: checkPublicationDeadline },
];

/** Runs all checks on a report; findings in rule order, then in table/document order within a rule. */
export function runChecks(report: AnnualReport, context: CheckContext = {}): Finding[] {
  return CHECKS.flatMap(({ check }) => check(report, context));
}
