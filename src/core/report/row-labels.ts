/**
 * Whitespace-tolerant patterns for the row labels of tables 二 and 三 (国办公开办函〔2021〕30号), as they
 * appear in published reports: broken by spaces and line breaks, with or without their numbering, with
 * full-width or ASCII brackets.
 */
import { spaced } from "./text-stream.ts";

const NUMBERED = (n: string): string => `(?:${n}\\s*[.、,]\\s*)?`;
const BRACKETED = (n: string): string => `(?:[（(]\\s*${n}\\s*[）)]\\s*)?`;
const CHINESE_NUMBERED = (n: string): string => `(?:${n}\\s*[、.]\\s*)?`;

/** A table 三 row key and the pattern of its label. */
export interface RowLabel {
  readonly key: string;
  readonly pattern: RegExp;
}

/**
 * A label: its numbering, the distinctive head that must be present, and the rest of the words, optional
 * (a PDF may break a label across lines with the row's numbers in between: "行政规范性文 58 45 546 件").
 */
const label = (key: string, numbering: string, head: string, tail = ""): RowLabel => ({
  key,
  pattern: new RegExp(`${numbering}${spaced(head)}${tail ? `(?:\\s*${spaced(tail)})?` : ""}`, "g"),
});

const NO_LONGER_PROCESSED = "、行政机关不再处理其政府信息公开申请";

/** Labels of the 25 rows of table 三, index-aligned with APPLICATION_ROWS. */
export const APPLICATION_ROW_LABELS: readonly RowLabel[] = [
  label("new", CHINESE_NUMBERED("一"), "本年新收", "政府信息公开申请数量"),
  label("carriedOver", CHINESE_NUMBERED("二"), "上年结转", "政府信息公开申请数量"),
  label("granted", BRACKETED("一"), "予以公开"),
  label("partial", BRACKETED("二"), "部分公开"),
  label("denied.stateSecret", NUMBERED("1"), "属于国家秘", "密"),
  label("denied.lawForbidden", NUMBERED("2"), "其他法律行政", "法规禁止公开"),
  label("denied.securityStability", NUMBERED("3"), "危及", "“三安全一稳定”"),
  label("denied.thirdParty", NUMBERED("4"), "保护第三方", "合法权益"),
  label("denied.internalAffairs", NUMBERED("5"), "属于三类内部", "事务信息"),
  label("denied.processInfo", NUMBERED("6"), "属于四类过程", "性信息"),
  label("denied.enforcementFile", NUMBERED("7"), "属于行政执法", "案卷"),
  label("denied.queryMatter", NUMBERED("8"), "属于行政查询", "事项"),
  label("unable.notHeld", NUMBERED("1"), "本机关不掌握", "相关政府信息"),
  label("unable.needsCreation", NUMBERED("2"), "没有现成信息", "需要另行制作"),
  label("unable.unclear", NUMBERED("3"), "补正后申请", "内容仍不明确"),
  label("notProcessed.petition", NUMBERED("1"), "信访举报", "投诉类申请"),
  label("notProcessed.duplicate", NUMBERED("2"), "重复申请"),
  label("notProcessed.publication", NUMBERED("3"), "要求提供公开出版", "物"),
  label("notProcessed.excessive", NUMBERED("4"), "无正当理由大量", "反复申请"),
  label("notProcessed.confirmation", NUMBERED("5"), "要求行政机关确认", "或重新出具已获取信息"),
  label("other.noSupplement", NUMBERED("1"), "申请人无正当理由逾期", `不补正${NO_LONGER_PROCESSED}`),
  label("other.unpaidFee", NUMBERED("2"), "申请人逾期未按收费", `通知要求缴纳费用${NO_LONGER_PROCESSED}`),
  label("other.other", NUMBERED("3"), "其他"),
  label("totalProcessed", BRACKETED("七"), "总计"),
  label("carriedForward", CHINESE_NUMBERED("四"), "结转下年度", "继续办理"),
];

/** The single （六）其他处理 row of the 2019 trial format (国办公开办函〔2019〕60号). */
export const OTHER_HANDLING_2019 = new RegExp(BRACKETED("六") + spaced("其他处理"), "g");

/** Labels of table 二's rows: key, pattern, and how many numbers the row holds. */
export const PROACTIVE_ROW_LABELS: readonly { key: string; pattern: RegExp; count: number }[] = [
  { key: "regulations", pattern: new RegExp(`(?<!行政)${spaced("规章")}`, "g"), count: 3 },
  {
    key: "normativeDocuments",
    pattern: new RegExp(`(?:${spaced("行政")}\\s*)?${spaced("规范性文")}(?:\\s*件)?`, "g"),
    count: 3,
  },
  { key: "licensing", pattern: new RegExp(spaced("行政许可"), "g"), count: 1 },
  { key: "penalty", pattern: new RegExp(spaced("行政处罚"), "g"), count: 1 },
  { key: "enforcement", pattern: new RegExp(spaced("行政强制"), "g"), count: 1 },
  { key: "fees", pattern: new RegExp(`${spaced("行政事业性收")}(?:\\s*费)?`, "g"), count: 1 },
];

/** Start of table 二: the 第二十条第（一）项 block header (or the first block present). */
export const PROACTIVE_TABLE_START = new RegExp(
  `${spaced("第二十条")}\\s*(?:第\\s*)?[（(]\\s*[一五六八九]\\s*[）)]\\s*项`,
  "g",
);

/** Start of table 三: its header note or the first row label. */
export const APPLICATIONS_TABLE_START = new RegExp(
  `[（(]?\\s*${spaced("本列数据的勾稽关系")}|${CHINESE_NUMBERED("一")}${spaced("本年新收政府信息公开申请数量")}`,
  "g",
);

/** The heading of table 四 / section 四 (typo 行政法复议 included). */
export const REVIEW_TABLE_START = new RegExp(
  `${spaced("行政")}\\s*(?:法\\s*)?${spaced("复议")}\\s*(?:[、和及与]\\s*)?${spaced("行政诉讼情况")}`,
  "g",
);

/** Markers of the 2019 trial format's tables (国办公开办函〔2019〕60号). */
export const FORMAT_2019_MARKERS = new RegExp(
  ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购"]
    .map(spaced)
    .join("|"),
);

/** Markers of the 2021 format's table 二 headers. */
export const FORMAT_2021_MARKERS = new RegExp(
  ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"].map(spaced).join("|"),
);
