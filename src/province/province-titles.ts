/**
 * Titles and bodies of the generated catalog items: templates × subjects × places × dates, so that an
 * agency-year's items read like a real 政府信息公开 column rather than numbered copies.
 */
import type { Random } from "./province-random.ts";

/** What a title is made of. */
export interface TitleParts {
  /** The agency's name. */
  readonly org: string;
  /** The place it serves. */
  readonly place: string;
  readonly subject: string;
  readonly year: number;
  readonly month: number;
  /** Another place of the province (for 调研, 交流). */
  readonly otherPlace: string;
}

const SEASONS = ["春季", "夏季", "汛期", "秋冬季", "元旦春节期间", "“五一”期间", "国庆期间", "年末岁初"];
const ACTIONS = [
  "专项整治",
  "集中攻坚",
  "百日行动",
  "宣传月",
  "安全检查",
  "业务培训",
  "现场观摩",
  "督导检查",
];
const LEADERS = ["主要负责同志", "分管负责同志", "党组书记", "主要领导", "班子成员"];
const DOC_KINDS = ["实施方案", "管理办法", "工作方案", "实施细则", "工作规程", "考核办法", "若干措施"];

const NEWS: readonly ((p: TitleParts, r: Random) => string)[] = [
  (p) => `${p.org}召开${p.subject}工作推进会`,
  (p, r) => `${p.org}部署开展${p.subject}${r.pick(ACTIONS)}`,
  (p) => `${p.place}扎实推进${p.subject}工作`,
  (p) => `${p.org}赴${p.otherPlace}调研${p.subject}工作`,
  (p) => `${p.place}${p.subject}工作取得阶段性成效`,
  (p) => `${p.org}召开${p.year}年${p.subject}工作会议`,
  (p, r) => `${r.pick(LEADERS)}带队督导检查${p.place}${p.subject}工作`,
  (p) => `${p.place}举办${p.subject}业务培训班`,
  (p, r) => `${p.org}扎实做好${r.pick(SEASONS)}${p.subject}工作`,
  (p) => `${p.otherPlace}来${p.place}考察交流${p.subject}工作`,
  (p) => `${p.place}${p.month}月份${p.subject}工作情况`,
  (p) => `${p.org}召开${p.subject}工作专题会议`,
  (p, r) => `${p.place}${p.subject}${r.pick(ACTIONS)}启动`,
  (p) => `${p.org}党组理论学习中心组开展${p.subject}专题学习`,
];

const NOTICES: readonly ((p: TitleParts, r: Random) => string)[] = [
  (p) => `关于开展${p.year}年度${p.subject}工作的通知`,
  (p) => `${p.org}关于${p.subject}有关事项的公告`,
  (p, r) => `关于征求《${p.place}${p.subject}${r.pick(DOC_KINDS)}（征求意见稿）》意见的公告`,
  (p) => `关于公布${p.year}年${p.subject}检查结果的通告`,
  (p) => `${p.org}关于${p.year}年${p.month}月${p.subject}情况的通报`,
  (p, r) => `关于做好${r.pick(SEASONS)}${p.subject}工作的通知`,
  (p) => `${p.org}关于${p.subject}拟表彰对象的公示`,
  (p) => `关于${p.year}年${p.subject}专项资金安排情况的公示`,
];

const POLICIES: readonly ((p: TitleParts, r: Random) => string)[] = [
  (p, r) => `${p.place}${p.subject}${r.pick(DOC_KINDS)}`,
  (p) => `${p.place}${p.subject}三年行动计划（${p.year}—${p.year + 2}年）`,
  (p) => `关于进一步加强${p.subject}工作的意见`,
  (p, r) => `关于印发《${p.place}${p.subject}${r.pick(DOC_KINDS)}》的通知`,
];

/** The kinds of generated items, with their column, 体裁 and 条例第二十条 item. */
export const ITEM_KINDS = {
  news: { column: "工作动态", genre: "工作动态", categoryItem: null },
  notice: { column: "通知公告", genre: "通知", categoryItem: null },
  policy: { column: "政策文件", genre: "规范性文件", categoryItem: "（一）" },
} as const;

/** A generated item kind. */
export type ItemKind = keyof typeof ITEM_KINDS;

/** A title of the kind. */
export function itemTitle(kind: ItemKind, parts: TitleParts, random: Random): string {
  const templates = kind === "news" ? NEWS : kind === "notice" ? NOTICES : POLICIES;
  return random.pick(templates)(parts, random);
}

/** A short body of two paragraphs about the item. */
export function itemBody(kind: ItemKind, parts: TitleParts, random: Random): string {
  const lead =
    kind === "policy"
      ? `为进一步做好${parts.subject}工作，结合${parts.place}实际，制定本文件。`
      : `近日，${parts.org}围绕${parts.subject}，${random.pick(["认真研究部署", "组织专题调度", "深入基层一线", "召开专门会议"])}，推动各项任务落地见效。`;
  const second = `下一步，${parts.org}将${random.pick(["坚持问题导向", "强化责任落实", "加强统筹协调", "健全长效机制"])}，持续抓好${parts.subject}各项工作，切实增强人民群众获得感。`;
  return `<p>${lead}</p><p>${second}</p>`;
}
