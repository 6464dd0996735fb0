/**
 * The annual report (政府信息公开工作年度报告) in the national 2021 format (国办公开办函〔2021〕30号).
 * The shape of these types is the interchange JSON of docs/ANNUAL-REPORT-FORMAT (shared domain document
 * annual-report-2021.md): the model serialises to it with JSON.stringify and nothing else.
 */

/** The national formats a report may follow ("unknown" when it follows neither). */
export const REPORT_FORMATS = ["2021", "2019", "unknown"] as const;

/** Which national format a report follows. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A count read from a report; `null` when it could not be determined (never guessed). */
export type Count = number | null;

/** Column keys of table 三, in the order of the format. */
export const COLUMN_KEYS = [
  "naturalPerson",
  "commercial",
  "research",
  "publicInterest",
  "legalService",
  "otherOrg",
  "total",
] as const;

/** A column key of table 三. */
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Chinese column names of table 三, index-aligned with COLUMN_KEYS. */
export const COLUMN_LABELS: readonly string[] = [
  "自然人",
  "商业企业",
  "科研机构",
  "社会公益组织",
  "法律服务机构",
  "其他",
  "总计",
];

/** One row of table 三: the table's row label, its interchange key and its group. */
export interface ApplicationRowSpec {
  readonly key: string;
  readonly label: string;
  /** The group label above the row ("（三）不予公开"), empty when the row stands alone. */
  readonly group: string;
  /** True for the 21 leaf result rows that sum to （七）总计 (C-2). */
  readonly leaf: boolean;
}

/** The 25 rows of table 三 in order, with the labels of the 2021 format. */
export const APPLICATION_ROWS: readonly ApplicationRowSpec[] = [
  { key: "new", label: "一、本年新收政府信息公开申请数量", group: "", leaf: false },
  { key: "carriedOver", label: "二、上年结转政府信息公开申请数量", group: "", leaf: false },
  { key: "granted", label: "（一）予以公开", group: "三、本年度办理结果", leaf: true },
  {
    key: "partial",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    group: "三、本年度办理结果",
    leaf: true,
  },
  { key: "denied.stateSecret", label: "1.属于国家秘密", group: "（三）不予公开", leaf: true },
  { key: "denied.lawForbidden", label: "2.其他法律行政法规禁止公开", group: "（三）不予公开", leaf: true },
  { key: "denied.securityStability", label: "3.危及“三安全一稳定”", group: "（三）不予公开", leaf: true },
  { key: "denied.thirdParty", label: "4.保护第三方合法权益", group: "（三）不予公开", leaf: true },
  { key: "denied.internalAffairs", label: "5.属于三类内部事务信息", group: "（三）不予公开", leaf: true },
  { key: "denied.processInfo", label: "6.属于四类过程性信息", group: "（三）不予公开", leaf: true },
  { key: "denied.enforcementFile", label: "7.属于行政执法案卷", group: "（三）不予公开", leaf: true },
  { key: "denied.queryMatter", label: "8.属于行政查询事项", group: "（三）不予公开", leaf: true },
  { key: "unable.notHeld", label: "1.本机关不掌握相关政府信息", group: "（四）无法提供", leaf: true },
  { key: "unable.needsCreation", label: "2.没有现成信息需要另行制作", group: "（四）无法提供", leaf: true },
  { key: "unable.unclear", label: "3.补正后申请内容仍不明确", group: "（四）无法提供", leaf: true },
  { key: "notProcessed.petition", label: "1.信访举报投诉类申请", group: "（五）不予处理", leaf: true },
  { key: "notProcessed.duplicate", label: "2.重复申请", group: "（五）不予处理", leaf: true },
  { key: "notProcessed.publication", label: "3.要求提供公开出版物", group: "（五）不予处理", leaf: true },
  { key: "notProcessed.excessive", label: "4.无正当理由大量反复申请", group: "（五）不予处理", leaf: true },
  {
    key: "notProcessed.confirmation",
    label: "5.要求行政机关确认或重新出具已获取信息",
    group: "（五）不予处理",
    leaf: true,
  },
  {
    key: "other.noSupplement",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    group: "（六）其他处理",
    leaf: true,
  },
  {
    key: "other.unpaidFee",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    group: "（六）其他处理",
    leaf: true,
  },
  { key: "other.other", label: "3.其他", group: "（六）其他处理", leaf: true },
  { key: "totalProcessed", label: "（七）总计", group: "三、本年度办理结果", leaf: false },
  { key: "carriedForward", label: "四、结转下年度继续办理", group: "", leaf: false },
];

/** The interchange keys of table 三's rows, in order. */
export const APPLICATION_ROW_KEYS: readonly string[] = APPLICATION_ROWS.map((r) => r.key);

/** One row of table 三: seven counts in COLUMN_KEYS order. */
export type ApplicationRow = readonly Count[];

/** Table 三 keyed by row key (all 25 rows present). */
export type ApplicationsTable = Readonly<Record<string, ApplicationRow>>;

/** A row of table 二 (一): 本年制发件数, 本年废止件数, 现行有效件数. */
export interface RuleCounts {
  readonly issued: Count;
  readonly abolished: Count;
  readonly valid: Count;
}

/** Table 二: the 第二十条 items (一)(五)(六)(八). */
export interface ProactiveTables {
  readonly regulations: RuleCounts;
  readonly normativeDocuments: RuleCounts;
  readonly licensing: Count;
  readonly penalty: Count;
  readonly enforcement: Count;
  /** 行政事业性收费 in 万元, an exact decimal string ("1014.5589"), or null. */
  readonly fees: string | null;
}

/** The five numbers of one group of table 四. */
export interface ReviewGroup {
  readonly upheld: Count;
  readonly corrected: Count;
  readonly other: Count;
  readonly pending: Count;
  readonly total: Count;
}

/** Field keys of a table 四 group, in the order of the format. */
export const REVIEW_FIELDS = ["upheld", "corrected", "other", "pending", "total"] as const;

/** Chinese names of the table 四 fields, index-aligned with REVIEW_FIELDS. */
export const REVIEW_FIELD_LABELS: readonly string[] = [
  "结果维持",
  "结果纠正",
  "其他结果",
  "尚未审结",
  "总计",
];

/** Group keys of table 四, in the order of the format. */
export const REVIEW_GROUPS = [
  "reconsideration",
  "litigationDirect",
  "litigationAfterReconsideration",
] as const;

/** Chinese names of the table 四 groups, index-aligned with REVIEW_GROUPS. */
export const REVIEW_GROUP_LABELS: readonly string[] = [
  "行政复议",
  "行政诉讼（未经复议直接起诉）",
  "行政诉讼（复议后起诉）",
];

/** A table 四 group key. */
export type ReviewGroupKey = (typeof REVIEW_GROUPS)[number];

/** Table 四. */
export type ReviewTable = Readonly<Record<ReviewGroupKey, ReviewGroup>>;

/** One of the six sections, with its text (prose and, for 二–四, the table text as read). */
export interface ReportSection {
  readonly no: string;
  readonly title: string;
  readonly text: string;
}

/** The numerals and standard titles of the six sections, in order (C-11). */
export const SECTION_TITLES: readonly { readonly no: string; readonly title: string }[] = [
  { no: "一", title: "总体情况" },
  { no: "二", title: "主动公开政府信息情况" },
  { no: "三", title: "收到和处理政府信息公开申请情况" },
  { no: "四", title: "政府信息公开行政复议、行政诉讼情况" },
  { no: "五", title: "存在的主要问题及改进情况" },
  { no: "六", title: "其他需要报告的事项" },
];

/** The severities of a finding. */
export const SEVERITIES = ["error", "warning"] as const;

/** Severity of a finding. */
export type Severity = (typeof SEVERITIES)[number];

/** One problem found in a report, pointing at where it is. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly where: string;
  readonly expected: string | number | null;
  readonly actual: string | number | null;
  readonly message: string;
}

/** A whole annual report: the interchange JSON document. */
export interface AnnualReport {
  readonly format: ReportFormat;
  readonly agency: string | null;
  readonly year: number | null;
  readonly sections: readonly ReportSection[];
  readonly proactive: ProactiveTables;
  readonly applications: ApplicationsTable;
  readonly review: ReviewTable;
  readonly findings: readonly Finding[];
}

/** Where each number was read, keyed by value path ("applications.new.6", "review.reconsideration.total"). */
export type SourceLocations = Readonly<Record<string, string>>;

/** A table 三 row of seven nulls. */
export function emptyApplicationRow(): ApplicationRow {
  return [null, null, null, null, null, null, null];
}

/** A report with every value unknown, the starting point of readers and of the platform's builder. */
export function emptyReport(): AnnualReport {
  const applications: Record<string, ApplicationRow> = {};
  for (const key of APPLICATION_ROW_KEYS) applications[key] = emptyApplicationRow();
  const group = (): ReviewGroup => ({
    upheld: null,
    corrected: null,
    other: null,
    pending: null,
    total: null,
  });
  const rules = (): RuleCounts => ({ issued: null, abolished: null, valid: null });
  return {
    format: "unknown",
    agency: null,
    year: null,
    sections: [],
    proactive: {
      regulations: rules(),
      normativeDocuments: rules(),
      licensing: null,
      penalty: null,
      enforcement: null,
      fees: null,
    },
    applications,
    review: {
      reconsideration: group(),
      litigationDirect: group(),
      litigationAfterReconsideration: group(),
    },
    findings: [],
  };
}

/** Chinese description of a table 三 cell, for findings ("表三「（一）予以公开」行「自然人」列"). */
export function describeApplicationCell(rowKey: string, column: number): string {
  const row = APPLICATION_ROWS.find((r) => r.key === rowKey);
  const label = row
    ? `${row.group && row.group !== "三、本年度办理结果" ? `${row.group}` : ""}${row.label}`
    : rowKey;
  return `表三「${label}」行「${COLUMN_LABELS[column] ?? column}」列`;
}
