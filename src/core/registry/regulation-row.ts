/**
 * One entry of the register of 规章 and 行政规范性文件 as imported from a spreadsheet, checked field by field
 * (Chinese reasons with the row number), and the whole import sheet.
 */
import {
  RULE_KIND_NAMES,
  RULE_KINDS,
  type RuleKind,
  ruleEntryProblem,
  VALIDITIES,
  VALIDITY_NAMES,
  type Validity,
} from "./rule-counts.ts";
import {
  type CheckedRows,
  checkSheet,
  type FieldProblem,
  isCalendarDate,
  normaliseDateText,
  type RowCheck,
  type SheetColumn,
} from "./sheet-check.ts";

/** A register entry's fields, checked. */
export interface RegulationFields {
  readonly kind: RuleKind;
  readonly title: string;
  readonly docNo: string;
  readonly issuedOn: string;
  readonly abolishedOn: string | null;
  readonly validity: Validity;
}

/** The columns of the regulation import template, in order. */
export const REGULATION_COLUMNS: readonly SheetColumn<keyof RegulationFields>[] = [
  { field: "kind", header: "类别", required: true, hint: "规章或行政规范性文件" },
  { field: "title", header: "文件名称", required: true, hint: "不超过 200 个字符" },
  { field: "docNo", header: "文号", required: true, hint: "本机关内不得重复" },
  { field: "issuedOn", header: "制发日期", required: true, hint: "YYYY-MM-DD" },
  { field: "abolishedOn", header: "废止（失效）日期", required: false, hint: "仍然有效的留空" },
  { field: "validity", header: "有效性", required: true, hint: "有效、失效、废止或修订" },
];

/** Checks one imported entry (row-numbered problems). */
export function checkRegulation(
  text: Partial<Record<keyof RegulationFields, string>>,
  row: number,
): RowCheck<RegulationFields> {
  const problems: FieldProblem[] = [];
  const fail = (header: string, message: string) =>
    problems.push({ row, column: header, message: `第 ${row} 行「${header}」：${message}` });
  const value = (field: keyof RegulationFields) => (text[field] ?? "").trim();
  for (const c of REGULATION_COLUMNS) if (c.required && value(c.field) === "") fail(c.header, "不能为空");
  if (value("title").length > 200) fail("文件名称", "不能超过 200 个字符");
  if (value("docNo").length > 100) fail("文号", "不能超过 100 个字符");
  const kindText = value("kind");
  const kind = RULE_KINDS.find((k) => k === kindText || RULE_KIND_NAMES[k] === kindText);
  if (kindText !== "" && !kind) fail("类别", `“${kindText}”不是规章或行政规范性文件`);
  const validityText = value("validity");
  const validity = VALIDITIES.find((v) => v === validityText || VALIDITY_NAMES[v] === validityText);
  if (validityText !== "" && !validity) fail("有效性", `“${validityText}”不是有效、失效、废止或修订`);
  const date = (field: "issuedOn" | "abolishedOn", header: string): string | null => {
    const v = normaliseDateText(value(field));
    if (v === "") return null;
    if (!isCalendarDate(v)) {
      fail(header, `“${v}”不是有效日期，应为 YYYY-MM-DD`);
      return null;
    }
    return v;
  };
  const issuedOn = date("issuedOn", "制发日期");
  const abolishedOn = date("abolishedOn", "废止（失效）日期");
  if (issuedOn && validity && problems.length === 0) {
    const problem = ruleEntryProblem(issuedOn, abolishedOn, validity);
    if (problem) fail(abolishedOn === null ? "有效性" : "废止（失效）日期", problem);
  }
  if (problems.length > 0 || !kind || !validity || !issuedOn) return { fields: null, problems };
  return {
    fields: { kind, title: value("title"), docNo: value("docNo"), issuedOn, abolishedOn, validity },
    problems: [],
  };
}

/** Checks a whole regulation import sheet (header, rows, 文号 repeated in the file). */
export function checkRegulationSheet(
  rows: readonly { readonly line: number; readonly cells: readonly string[] }[],
): CheckedRows<RegulationFields> {
  return checkSheet(rows, REGULATION_COLUMNS, checkRegulation, "文号");
}
