/**
 * The columns of the request ledger (台账) as an XLSX sheet: one row per request, with its Art. 29 content,
 * receipt, an optional supplement and the closing decision. Chinese headers and values, both ways.
 */
import { ID_TYPES } from "../core/request/applicant-check.ts";
import { type APPLICANT_KINDS, OUTCOMES } from "../core/request/outcomes.ts";
import { CHANNEL_RULES, DELIVERY_METHODS, PROVISION_FORMS } from "../core/request/request-events.ts";

/** The Chinese names of the applicant kinds (table 三's columns). */
export const KIND_NAMES: Readonly<Record<(typeof APPLICANT_KINDS)[number], string>> = {
  naturalPerson: "自然人",
  commercial: "商业企业",
  research: "科研机构",
  publicInterest: "社会公益组织",
  legalService: "法律服务机构",
  otherOrg: "其他组织",
};

/** The ledger's columns: key, header, and the Chinese → code map of coded columns. */
export const LEDGER_COLUMNS = [
  { key: "trackingNo", header: "申请编号（导出时填写，导入时留空）" },
  { key: "receivedOn", header: "收到申请日期" },
  {
    key: "channel",
    header: "提交方式",
    values: mapOf(Object.entries(CHANNEL_RULES).map(([k, v]) => [v.name, k])),
  },
  {
    key: "applicantKind",
    header: "申请人类型",
    values: mapOf(Object.entries(KIND_NAMES).map(([k, v]) => [v, k])),
  },
  { key: "applicantName", header: "申请人姓名或名称" },
  { key: "idType", header: "身份证件类型", values: mapOf(Object.entries(ID_TYPES).map(([k, v]) => [v, k])) },
  { key: "idNumber", header: "身份证件号码" },
  { key: "orgCreditCode", header: "统一社会信用代码" },
  { key: "orgRepresentative", header: "法定代表人或联系人" },
  { key: "phone", header: "联系电话" },
  { key: "address", header: "通信地址" },
  { key: "postcode", header: "邮政编码" },
  { key: "email", header: "电子邮箱" },
  { key: "description", header: "申请公开的政府信息" },
  {
    key: "provisionForm",
    header: "提供形式",
    values: mapOf(Object.entries(PROVISION_FORMS).map(([k, v]) => [v, k])),
  },
  {
    key: "deliveryMethod",
    header: "获取方式",
    values: mapOf(Object.entries(DELIVERY_METHODS).map(([k, v]) => [v, k])),
  },
  { key: "supplementOn", header: "告知补正日期" },
  { key: "supplementBy", header: "补正期限" },
  { key: "supplementItems", header: "补正事项" },
  { key: "supplementReceivedOn", header: "收到补正日期" },
  { key: "closedOn", header: "办结日期" },
  {
    key: "outcome",
    header: "办理结果",
    values: mapOf(
      OUTCOMES.flatMap((o) => [
        [o.name, o.id],
        [o.id, o.id],
      ]),
    ),
  },
  { key: "reason", header: "答复理由" },
] as const;

/** A ledger column key. */
export type LedgerKey = (typeof LEDGER_COLUMNS)[number]["key"];

/** A map from Chinese labels to codes. */
function mapOf(pairs: readonly (readonly [string, string])[]): ReadonlyMap<string, string> {
  return new Map(pairs.map(([a, b]) => [a, b]));
}

/** The Chinese label of a code in a coded column (the first label mapping to it). */
export function labelOf(key: LedgerKey, code: string): string {
  const column = LEDGER_COLUMNS.find((c) => c.key === key);
  if (!column || !("values" in column)) return code;
  for (const [label, value] of column.values) if (value === code) return label;
  return code;
}
