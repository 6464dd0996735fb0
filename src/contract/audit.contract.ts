/**
 * The answer of POST /api/audit: the annual report as the interchange JSON (src/core/report/report-model.ts,
 * validated by src/core/report/interchange.ts), its findings included.
 */
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import {
  APPLICATION_ROW_KEYS,
  REPORT_FORMATS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  SEVERITIES,
} from "../core/report/report-model.ts";
import { Nullable } from "./common.contract.ts";

/** A count read from a report: a non-negative integer, or null when it could not be determined (C-5). */
export const ReportCount = Nullable(Type.Integer({ description: "非负整数；无法确定时为 null" }));
export type ReportCount = Static<typeof ReportCount>;

/** One problem found in a report, pointing at where it is. */
export const Finding = Type.Object({
  rule: Type.String({ description: "规则编号，如 C-1" }),
  severity: Type.Union(SEVERITIES.map((s) => Type.Literal(s))),
  where: Type.String(),
  expected: Type.Union([Type.String(), Type.Number(), Type.Null()]),
  actual: Type.Union([Type.String(), Type.Number(), Type.Null()]),
  message: Type.String(),
});
export type Finding = Static<typeof Finding>;

/** A row of table 二 (一): 本年制发件数, 本年废止件数, 现行有效件数. */
const RuleCounts = Type.Object({ issued: ReportCount, abolished: ReportCount, valid: ReportCount });

/** A schema with one property per key, all of the same schema. */
function keyed<T extends TSchema>(keys: readonly string[], schema: T) {
  return Type.Object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<string, T>);
}

/** The annual report as the interchange JSON: the six sections, tables 二, 三 and 四, and the findings. */
export const AuditReport = Type.Object({
  format: Type.Union(REPORT_FORMATS.map((f) => Type.Literal(f))),
  agency: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  sections: Type.Array(Type.Object({ no: Type.String(), title: Type.String(), text: Type.String() })),
  proactive: Type.Object({
    regulations: RuleCounts,
    normativeDocuments: RuleCounts,
    licensing: ReportCount,
    penalty: ReportCount,
    enforcement: ReportCount,
    /** 行政事业性收费 in 万元, an exact decimal string, or null. */
    fees: Nullable(Type.String({ description: '以万元计的非负数字符串，如 "12.5"' })),
  }),
  /** Table 三: every row key with its seven counts in column order. */
  applications: keyed(APPLICATION_ROW_KEYS, Type.Array(ReportCount, { minItems: 7, maxItems: 7 })),
  /** Table 四: 行政复议 and the two kinds of 行政诉讼. */
  review: keyed(REVIEW_GROUPS, keyed(REVIEW_FIELDS, ReportCount)),
  findings: Type.Array(Finding),
});
export type AuditReport = Static<typeof AuditReport>;
