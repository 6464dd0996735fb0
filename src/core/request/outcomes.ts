/**
 * Outcomes of a disclosure request (条例第三十六条至第三十九条, rules.md §4) and the row of table 三 each
 * lands in: every closed request counts in exactly one row, in the year of its final reply.
 */

/** An outcome ID of rules.md §4, with its legal basis, its table 三 row key and its Chinese name. */
export interface OutcomeSpec {
  readonly id: string;
  readonly basis: string;
  readonly row: string;
  readonly name: string;
}

/** The outcomes O-1 … O-6.3. */
export const OUTCOMES: readonly OutcomeSpec[] = [
  { id: "O-1", basis: "第三十六条第（一）（二）项", row: "granted", name: "予以公开" },
  { id: "O-2", basis: "第三十七条", row: "partial", name: "部分公开" },
  { id: "O-3.1", basis: "第十四条", row: "denied.stateSecret", name: "不予公开：属于国家秘密" },
  { id: "O-3.2", basis: "第十四条", row: "denied.lawForbidden", name: "不予公开：其他法律行政法规禁止公开" },
  { id: "O-3.3", basis: "第十四条", row: "denied.securityStability", name: "不予公开：危及“三安全一稳定”" },
  { id: "O-3.4", basis: "第十五条", row: "denied.thirdParty", name: "不予公开：保护第三方合法权益" },
  {
    id: "O-3.5",
    basis: "第十六条第一款",
    row: "denied.internalAffairs",
    name: "不予公开：属于三类内部事务信息",
  },
  { id: "O-3.6", basis: "第十六条第二款", row: "denied.processInfo", name: "不予公开：属于四类过程性信息" },
  { id: "O-3.7", basis: "第十六条第二款", row: "denied.enforcementFile", name: "不予公开：属于行政执法案卷" },
  {
    id: "O-3.8",
    basis: "第三十六条第（七）项",
    row: "denied.queryMatter",
    name: "不予公开：属于行政查询事项",
  },
  {
    id: "O-4.1",
    basis: "第三十六条第（四）（五）项",
    row: "unable.notHeld",
    name: "无法提供：本机关不掌握相关政府信息",
  },
  {
    id: "O-4.2",
    basis: "第三十八条",
    row: "unable.needsCreation",
    name: "无法提供：没有现成信息需要另行制作",
  },
  { id: "O-4.3", basis: "第三十条", row: "unable.unclear", name: "无法提供：补正后申请内容仍不明确" },
  {
    id: "O-5.1",
    basis: "第三十九条第一款",
    row: "notProcessed.petition",
    name: "不予处理：信访举报投诉类申请",
  },
  { id: "O-5.2", basis: "第三十六条第（六）项", row: "notProcessed.duplicate", name: "不予处理：重复申请" },
  {
    id: "O-5.3",
    basis: "第三十九条第二款",
    row: "notProcessed.publication",
    name: "不予处理：要求提供公开出版物",
  },
  {
    id: "O-5.4",
    basis: "第三十五条",
    row: "notProcessed.excessive",
    name: "不予处理：无正当理由大量反复申请",
  },
  {
    id: "O-5.5",
    basis: "—",
    row: "notProcessed.confirmation",
    name: "不予处理：要求行政机关确认或重新出具已获取信息",
  },
  { id: "O-6.1", basis: "第三十条", row: "other.noSupplement", name: "其他处理：申请人无正当理由逾期不补正" },
  {
    id: "O-6.2",
    basis: "国办函〔2020〕109号",
    row: "other.unpaidFee",
    name: "其他处理：申请人逾期未缴纳信息处理费",
  },
  { id: "O-6.3", basis: "—", row: "other.other", name: "其他处理：其他（如申请人撤回申请）" },
];

/** The outcome of an ID, or undefined for an unknown ID. */
export function outcomeById(id: string): OutcomeSpec | undefined {
  return OUTCOMES.find((o) => o.id === id);
}

/** Applicant kinds (fixed at receipt), index-aligned with table 三's first six columns. */
export const APPLICANT_KINDS = [
  "naturalPerson",
  "commercial",
  "research",
  "publicInterest",
  "legalService",
  "otherOrg",
] as const;

/** An applicant kind. */
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
