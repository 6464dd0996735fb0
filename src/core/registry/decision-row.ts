/**
 * One administrative decision as entered or imported, with the 双公示 fields, checked field by field: the
 * problems come back in Chinese, naming the spreadsheet row and column when the decision came from one.
 */
import { isValidCreditCode, normaliseCreditCode } from "../agency/credit-code.ts";
import {
  DECISION_KIND_NAMES,
  DECISION_KINDS,
  type DecisionKind,
  PARTY_KIND_NAMES,
  PARTY_KINDS,
  type PartyKind,
} from "./decision-kinds.ts";
import { isValidIdentityNumber } from "./identity-number.ts";
import {
  checkSheet,
  type FieldProblem,
  isCalendarDate,
  normaliseDateText,
  type RowCheck,
  type SheetColumn,
} from "./sheet-check.ts";

export { type FieldProblem, isCalendarDate, normaliseDateText } from "./sheet-check.ts";

/** A decision's fields, checked and normalised. */
export interface DecisionFields {
  readonly kind: DecisionKind;
  /** 决定书文号, unique per agency. */
  readonly docNo: string;
  /** 事项名称. */
  readonly matter: string;
  /** 决定内容 (处罚内容 / 许可内容). */
  readonly content: string;
  readonly decidedOn: string;
  /** 有效期自 / 有效期至 (licences; penalties' 处罚有效期), or null. */
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  /** 决定机关 and its credit code ("" when not given). */
  readonly authority: string;
  readonly authorityCreditCode: string;
  readonly partyKind: PartyKind;
  readonly partyName: string;
  /** 统一社会信用代码 of an organisation or individual business ("" for a natural person). */
  readonly partyCreditCode: string;
  /** 法定代表人 (organisations), "" when not given. */
  readonly legalRepresentative: string;
  /** 证件类型 and 证件号码 of a natural person ("" otherwise); never shown to the public. */
  readonly idType: string;
  readonly idNumber: string;
  /** 严重失信 (penalties only), for the S-2 display period. */
  readonly serious: boolean;
  /** The day it was published (公示日期), or null while unpublished. */
  readonly publishedOn: string | null;
}

/** The raw text of each field, as typed or read from a spreadsheet cell. */
export type DecisionText = Readonly<Partial<Record<keyof DecisionFields, string>>>;

/** The columns of the import template, in order: field, Chinese header, required, explanation. */
export const DECISION_COLUMNS: readonly SheetColumn<keyof DecisionFields>[] = [
  { field: "kind", header: "决定类别", required: true, hint: "行政许可、行政处罚、行政强制或其他" },
  { field: "docNo", header: "决定书文号", required: true, hint: "本机关内不得重复" },
  { field: "matter", header: "事项名称", required: true, hint: "许可事项或处罚事由" },
  { field: "content", header: "决定内容", required: true, hint: "许可内容或处罚内容" },
  { field: "decidedOn", header: "决定日期", required: true, hint: "YYYY-MM-DD" },
  { field: "validFrom", header: "有效期自", required: false, hint: "YYYY-MM-DD，可空" },
  { field: "validUntil", header: "有效期至", required: false, hint: "YYYY-MM-DD，可空，不早于有效期自" },
  { field: "authority", header: "决定机关", required: true, hint: "作出决定的机关全称" },
  { field: "authorityCreditCode", header: "决定机关统一社会信用代码", required: false, hint: "18 位，可空" },
  {
    field: "partyKind",
    header: "行政相对人类别",
    required: true,
    hint: "法人及非法人组织、个体工商户或自然人",
  },
  { field: "partyName", header: "行政相对人名称", required: true, hint: "自然人在公开页面上只显示姓氏" },
  {
    field: "partyCreditCode",
    header: "统一社会信用代码",
    required: false,
    hint: "法人、非法人组织和个体工商户必填",
  },
  { field: "legalRepresentative", header: "法定代表人", required: false, hint: "可空" },
  { field: "idType", header: "证件类型", required: false, hint: "自然人必填，如：身份证" },
  { field: "idNumber", header: "证件号码", required: false, hint: "自然人必填；任何公开页面都不显示" },
  { field: "serious", header: "严重失信", required: false, hint: "是或否（仅行政处罚），可空即否" },
  { field: "publishedOn", header: "公示日期", required: false, hint: "YYYY-MM-DD，尚未公示的留空" },
];

/** Length limits of the text fields. */
const MAX_LENGTH: Partial<Record<keyof DecisionFields, number>> = {
  docNo: 100,
  matter: 200,
  content: 2000,
  authority: 100,
  partyName: 200,
  legalRepresentative: 50,
  idType: 30,
  idNumber: 40,
};

/** The header of a field. */
function headerOf(field: keyof DecisionFields): string {
  return DECISION_COLUMNS.find((c) => c.field === field)?.header ?? field;
}

/** The key whose name or key equals the text, or undefined. */
function keyByName<K extends string>(
  text: string,
  keys: readonly K[],
  names: Readonly<Record<K, string>>,
): K | undefined {
  return keys.find((k) => k === text || names[k] === text);
}

/** The identity document types that are 居民身份证 (checked per GB 11643). */
const RESIDENT_ID_TYPES = new Set(["身份证", "居民身份证"]);

/**
 * Checks one decision. Returns the normalised fields, or every problem found (row-numbered when `row` is
 * given). A natural person needs 证件类型 + 证件号码 (a 身份证 number must pass GB 11643); an organisation or
 * individual business a valid 统一社会信用代码 (GB 32100); 严重失信 only on a penalty; 公示日期 not before the
 * decision; 有效期至 not before 有效期自.
 */
export function checkDecision(text: DecisionText, row: number | null = null): RowCheck<DecisionFields> {
  const problems: FieldProblem[] = [];
  const where = row === null ? "" : `第 ${row} 行`;
  const fail = (field: keyof DecisionFields, message: string) =>
    problems.push({ row, column: headerOf(field), message: `${where}「${headerOf(field)}」：${message}` });
  const value = (field: keyof DecisionFields): string => (text[field] ?? "").trim();
  for (const column of DECISION_COLUMNS) {
    const v = value(column.field);
    if (column.required && v === "") fail(column.field, "不能为空");
    const max = MAX_LENGTH[column.field];
    if (max !== undefined && v.length > max) fail(column.field, `不能超过 ${max} 个字符`);
  }
  const kindText = value("kind");
  const kind = keyByName(kindText, DECISION_KINDS, DECISION_KIND_NAMES);
  if (kindText !== "" && !kind) fail("kind", `“${kindText}”不是行政许可、行政处罚、行政强制或其他`);
  const partyText = value("partyKind");
  const partyKind = keyByName(partyText, PARTY_KINDS, PARTY_KIND_NAMES);
  if (partyText !== "" && !partyKind) {
    fail("partyKind", `“${partyText}”不是法人及非法人组织、个体工商户或自然人`);
  }
  const date = (field: "decidedOn" | "validFrom" | "validUntil" | "publishedOn"): string | null => {
    const v = normaliseDateText(value(field));
    if (v === "") return null;
    if (!isCalendarDate(v)) {
      fail(field, `“${v}”不是有效日期，应为 YYYY-MM-DD`);
      return null;
    }
    return v;
  };
  const decidedOn = date("decidedOn");
  const validFrom = date("validFrom");
  const validUntil = date("validUntil");
  const publishedOn = date("publishedOn");
  if (validFrom && validUntil && validUntil < validFrom) fail("validUntil", "不能早于有效期自");
  if (decidedOn && publishedOn && publishedOn < decidedOn) fail("publishedOn", "不能早于决定日期");
  const authorityCreditCode = normaliseCreditCode(value("authorityCreditCode"));
  if (authorityCreditCode !== "" && !isValidCreditCode(authorityCreditCode)) {
    fail("authorityCreditCode", "不是有效的统一社会信用代码（18 位，校验码须符合 GB 32100）");
  }
  const partyCreditCode = normaliseCreditCode(value("partyCreditCode"));
  const idType = value("idType");
  const idNumber = value("idNumber").toUpperCase();
  if (partyKind === "naturalPerson") {
    if (partyCreditCode !== "") fail("partyCreditCode", "自然人不填统一社会信用代码");
    if (idType === "") fail("idType", "行政相对人为自然人时必填");
    if (idNumber === "") fail("idNumber", "行政相对人为自然人时必填");
    else if (RESIDENT_ID_TYPES.has(idType) && !isValidIdentityNumber(idNumber)) {
      fail("idNumber", "不是有效的居民身份证号码（18 位，校验码须符合 GB 11643）");
    }
  } else if (partyKind) {
    if (partyCreditCode === "") fail("partyCreditCode", `行政相对人为${PARTY_KIND_NAMES[partyKind]}时必填`);
    else if (!isValidCreditCode(partyCreditCode)) {
      fail("partyCreditCode", "不是有效的统一社会信用代码（18 位，校验码须符合 GB 32100）");
    }
    if (idType !== "" || idNumber !== "") fail("idNumber", "证件类型和证件号码只用于自然人");
  }
  const seriousText = value("serious");
  if (!["", "是", "否"].includes(seriousText)) fail("serious", `应填“是”或“否”，而不是“${seriousText}”`);
  const serious = seriousText === "是";
  if (serious && kind && kind !== "penalty") fail("serious", "只有行政处罚可标为严重失信");
  if (problems.length > 0 || !kind || !partyKind || !decidedOn) {
    return { fields: null, problems };
  }
  return {
    fields: {
      kind,
      docNo: value("docNo"),
      matter: value("matter"),
      content: value("content"),
      decidedOn,
      validFrom,
      validUntil,
      authority: value("authority"),
      authorityCreditCode,
      partyKind,
      partyName: value("partyName"),
      partyCreditCode,
      legalRepresentative: value("legalRepresentative"),
      idType,
      idNumber,
      serious,
      publishedOn,
    },
    problems: [],
  };
}

/** The rows of a decision sheet, checked: the decisions (with their row numbers) or every problem. */
export interface CheckedSheet {
  readonly decisions: readonly { readonly row: number; readonly fields: DecisionFields }[];
  readonly problems: readonly FieldProblem[];
}

/**
 * Checks a whole sheet: the header row (every required column present, no unknown or repeated column),
 * then every data row, then 决定书文号 repeated inside the file. `rows` are the cells with their sheet row
 * numbers; the first is the header.
 */
export function checkDecisionSheet(
  rows: readonly { readonly line: number; readonly cells: readonly string[] }[],
): CheckedSheet {
  const checked = checkSheet(rows, DECISION_COLUMNS, checkDecision, "决定书文号");
  return { decisions: checked.entries, problems: checked.problems };
}
