/**
 * The form of a reconsideration or litigation case and the body the API takes: the linked request is
 * entered by its tracking number (resolved to its id), and a case has a result exactly when it has a
 * decision date (尚未审结 otherwise).
 */
import type { FieldSpec } from "../registries/record-fields.ts";
import { optionsOf, recordBody } from "../registries/record-fields.ts";

/** 复议 / 直接起诉 / 复议后起诉. */
export const CASE_KIND_NAMES = {
  reconsideration: "行政复议",
  litigationDirect: "行政诉讼（未经复议直接起诉）",
  litigationAfterReconsideration: "行政诉讼（复议后起诉）",
} as const;

/** 维持 / 纠正 / 其他. */
export const CASE_RESULT_NAMES = { upheld: "维持", corrected: "纠正", other: "其他" } as const;

/** The fields of the case form sent as they are (the tracking number is resolved apart). */
export const CASE_FIELDS: readonly FieldSpec[] = [
  { name: "kind", label: "案件类别", type: "select", required: true, options: optionsOf(CASE_KIND_NAMES) },
  { name: "caseNo", label: "案号", type: "text" },
  { name: "applicantName", label: "申请人/原告", type: "text" },
  { name: "filedOn", label: "受理/立案日期", type: "date", required: true },
  { name: "decidedOn", label: "审结日期", type: "date", nullable: true },
  {
    name: "result",
    label: "审结结果",
    type: "select",
    nullable: true,
    options: optionsOf(CASE_RESULT_NAMES),
  },
  { name: "note", label: "备注", type: "textarea" },
];

/** The tracking-number field of the form (the request the case concerns). */
export const TRACKING_FIELD: FieldSpec = { name: "trackingNo", label: "关联申请编号", type: "text" };

/** The POST/PATCH body of the form's values with the linked request's id (null: none). */
export function caseBody(
  values: Readonly<Record<string, unknown>>,
  requestId: number | null,
  creating: boolean,
): Record<string, unknown> {
  const body = recordBody(CASE_FIELDS, values, creating);
  const decided = typeof body.decidedOn === "string";
  if (!decided) {
    if (creating) delete body.result;
    else body.result = null;
  }
  if (requestId !== null || !creating) body.requestId = requestId;
  return body;
}

/** The tracking number typed in, or null when the field was left empty. */
export function trackingNoOf(values: Readonly<Record<string, unknown>>): string | null {
  const raw = values[TRACKING_FIELD.name];
  const text = typeof raw === "string" ? raw.trim() : "";
  return text === "" ? null : text;
}
