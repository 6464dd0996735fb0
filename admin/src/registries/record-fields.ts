/**
 * The fields of the registers' forms (规章/规范性文件, 行政决定, 收费, 培训, 政策解读) and the bodies the
 * API takes from the form's values: text trimmed, an empty optional date null, numbers as numbers,
 * 是/否 as booleans; on create an empty optional field is left out so the server's default applies.
 */

/** How a field is entered. */
export type FieldType = "text" | "textarea" | "date" | "select" | "integer" | "boolean";

/** One field of a register's form. */
export interface FieldSpec {
  /** The API key. */
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** A nullable API field (an empty entry is sent as null). */
  readonly nullable?: boolean;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/** The value of one field as the API takes it, or undefined when it is to be left out. */
function apiValueOf(spec: FieldSpec, raw: unknown, creating: boolean): unknown {
  if (spec.type === "boolean") return raw === true;
  if (spec.type === "integer") {
    if (raw === undefined || raw === null || raw === "") {
      return !creating && spec.nullable ? null : undefined;
    }
    return Number(raw);
  }
  const text = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : String(raw);
  if (text === "") {
    if (spec.nullable) return creating && !spec.required ? undefined : null;
    return creating && !spec.required ? undefined : "";
  }
  return text;
}

/** The POST (creating) or PATCH body of a form's values. */
export function recordBody(
  fields: readonly FieldSpec[],
  values: Readonly<Record<string, unknown>>,
  creating: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of fields) {
    const value = apiValueOf(spec, values[spec.name], creating);
    if (value !== undefined) body[spec.name] = value;
  }
  return body;
}

/** The form's starting values for a record (null shown as empty). */
export function formValues(
  fields: readonly FieldSpec[],
  record: Readonly<Record<string, unknown>> | null,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of fields) {
    const value = record?.[spec.name];
    values[spec.name] =
      value === null || value === undefined ? (spec.type === "boolean" ? false : undefined) : value;
  }
  return values;
}

/** Options of a select from a key → name table. */
export function optionsOf(names: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return Object.entries(names).map(([value, label]) => ({ value, label }));
}

/** 规章 / 行政规范性文件. */
export const RULE_KIND_NAMES = { regulation: "规章", normativeDocument: "行政规范性文件" } as const;
/** Validity of a register entry. */
export const VALIDITY_NAMES = {
  valid: "有效",
  expired: "失效",
  abolished: "废止",
  amended: "已修订",
} as const;
/** 决定类别. */
export const DECISION_KIND_NAMES = {
  licensing: "行政许可",
  penalty: "行政处罚",
  enforcement: "行政强制",
  other: "其他",
} as const;
/** 行政相对人类别. */
export const PARTY_KIND_NAMES = {
  legalPerson: "法人及非法人组织",
  individualBusiness: "个体工商户",
  naturalPerson: "自然人",
} as const;

/** The form of a 规章 / 规范性文件 entry. */
export const REGULATION_FIELDS: readonly FieldSpec[] = [
  { name: "kind", label: "类别", type: "select", required: true, options: optionsOf(RULE_KIND_NAMES) },
  { name: "title", label: "名称", type: "text", required: true },
  { name: "docNo", label: "文号", type: "text", required: true },
  { name: "issuedOn", label: "制发日期", type: "date", required: true },
  { name: "abolishedOn", label: "废止/失效日期", type: "date", nullable: true },
  { name: "validity", label: "有效性", type: "select", required: true, options: optionsOf(VALIDITY_NAMES) },
];

/** The form of an administrative decision (the 双公示 fields). */
export const DECISION_FIELDS: readonly FieldSpec[] = [
  {
    name: "kind",
    label: "决定类别",
    type: "select",
    required: true,
    options: optionsOf(DECISION_KIND_NAMES),
  },
  { name: "docNo", label: "决定书文号", type: "text", required: true },
  { name: "matter", label: "事项名称", type: "text", required: true },
  { name: "content", label: "决定内容", type: "textarea", required: true },
  { name: "decidedOn", label: "决定日期", type: "date", required: true },
  { name: "validFrom", label: "有效期自", type: "date", nullable: true },
  { name: "validUntil", label: "有效期至", type: "date", nullable: true },
  { name: "authority", label: "决定机关", type: "text", required: true },
  { name: "authorityCreditCode", label: "决定机关统一社会信用代码", type: "text" },
  {
    name: "partyKind",
    label: "行政相对人类别",
    type: "select",
    required: true,
    options: optionsOf(PARTY_KIND_NAMES),
  },
  { name: "partyName", label: "行政相对人名称", type: "text", required: true },
  { name: "partyCreditCode", label: "统一社会信用代码", type: "text" },
  { name: "legalRepresentative", label: "法定代表人", type: "text" },
  { name: "idType", label: "证件类型", type: "text" },
  { name: "idNumber", label: "证件号码", type: "text" },
  { name: "serious", label: "严重失信", type: "boolean" },
  { name: "publishedOn", label: "公示日期", type: "date", nullable: true },
];

/** The form of a 行政事业性收费 entry. */
export const FEE_FIELDS: readonly FieldSpec[] = [
  { name: "year", label: "年度", type: "integer", required: true },
  { name: "itemName", label: "收费项目", type: "text", required: true },
  { name: "amountYuan", label: "金额（元）", type: "text", required: true },
  { name: "basis", label: "收费依据", type: "text" },
  { name: "note", label: "备注", type: "text" },
];

/** The form of a training session. */
export const TRAINING_FIELDS: readonly FieldSpec[] = [
  { name: "heldOn", label: "培训日期", type: "date", required: true },
  { name: "topic", label: "培训主题", type: "text", required: true },
  { name: "personTimes", label: "人次", type: "integer", required: true },
];

/** The form of a policy interpretation. */
export const INTERPRETATION_FIELDS: readonly FieldSpec[] = [
  { name: "title", label: "解读标题", type: "text", required: true },
  { name: "publishedOn", label: "发布日期", type: "date", required: true },
  { name: "form", label: "解读形式", type: "text" },
  { name: "policyTitle", label: "所解读的政策", type: "text", required: true },
  { name: "policyDocNo", label: "政策文号", type: "text" },
  { name: "policyPublicationId", label: "政策信息编号", type: "integer", nullable: true },
];

/** A regulation's body: validity follows the 废止 date (有效 exactly while none is entered). */
export function regulationBody(
  values: Readonly<Record<string, unknown>>,
  creating: boolean,
): Record<string, unknown> {
  const body = recordBody(REGULATION_FIELDS, values, creating);
  if (body.abolishedOn === null || body.abolishedOn === undefined) body.validity = "valid";
  else if (body.validity === "valid") body.validity = "abolished";
  return body;
}
