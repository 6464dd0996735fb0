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

/**
 * Most findings one rule reports one by one (a real report has a few dozen prose claims at most); past it, one
 * more finding of the rule says how many were left out, so a hostile document cannot make the answer huge.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** A rule's findings, the first MAX_FINDINGS_PER_RULE of them and one that counts the rest. */
export function capFindings(rule: string, findings: readonly Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return [...findings];
  const shown = findings.slice(0, MAX_FINDINGS_PER_RULE);
  const left = findings.length - MAX_FINDINGS_PER_RULE;
  const severity = findings.some((f) => f.severity === "error")
    ? "error"
    : (findings[0]?.severity ?? "warning");
  return [
    ...shown,
    {
      rule,
      severity,
      where: "全文",
      expected: null,
      actual: left,
      message: `${rule} 另有 ${left} 处同类问题未逐一列出（每条规则最多列出 ${MAX_FINDINGS_PER_RULE} 处）`,
    },
  ];
}

/** Runs all checks on a report; findings in rule order, then in table/document order within a rule. */
export function runChecks(report: AnnualReport, context: CheckContext = {}): Finding[] {
  return CHECKS.flatMap(({ rule, check }) => capFindings(rule, check(report, context)));
}
