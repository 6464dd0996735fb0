/**
 * The placeholders a letter template may use (`{{name}}`), each with the Chinese description the template
 * editor shows, and the calendar date as letters write it (2022年9月28日).
 */

/** Every placeholder name with its Chinese description. */
export const PLACEHOLDERS = {
  applicantName: "申请人姓名或者名称",
  trackingNo: "申请编号",
  receivedOn: "收到申请之日",
  description: "所申请信息的内容描述",
  provisionForm: "指定的提供形式",
  deliveryMethod: "获取信息的方式",
  agencyName: "本机关名称",
  officeName: "政府信息公开工作机构名称",
  officePhone: "联系电话",
  officeAddress: "通讯地址",
  officeEmail: "电子邮箱",
  date: "落款日期（签发之日自动填写）",
  outcomeName: "处理结果",
  reason: "理由",
  responsibleAgency: "负责公开该信息的行政机关",
  responsibleAgencyContact: "负责公开该信息的行政机关的联系方式",
  supplementItems: "需要补正的事项",
  supplementBy: "补正期限",
  supplementRequestedOn: "发出补正告知之日",
  extensionWorkdays: "延长的工作日数",
  extensionReason: "延期理由",
  dueOn: "答复期限",
  consultee: "被征求意见的第三方或者机关",
  feeMethod: "收费方式",
  feeQuantity: "计费数量",
  feeStandard: "收费标准",
  feeAmount: "收费金额（元）",
  feeNoticeOn: "发出收费通知之日",
} as const;

/** A placeholder name. */
export type PlaceholderName = keyof typeof PLACEHOLDERS;

/** Values for the placeholders; a missing or blank value leaves its placeholder in the text. */
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

/** True when `name` is a known placeholder. */
export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A "YYYY-MM-DD" date as letters write it: "2022年9月28日" (other text is returned unchanged). */
export function chineseDate(date: string): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
