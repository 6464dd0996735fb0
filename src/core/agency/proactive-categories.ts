/**
 * The categories of information an agency discloses proactively (主动公开), as 条例第二十条 lists them;
 * the 公开指南 and the 法定主动公开内容 column are arranged by them (G-12: 分类、编排体系).
 */

/** One statutory category: its item number in 条例第二十条 and its wording. */
export interface ProactiveCategory {
  readonly item: string;
  readonly title: string;
}

/** The fifteen categories of 条例第二十条, in the article's order. */
export const PROACTIVE_CATEGORIES: readonly ProactiveCategory[] = [
  { item: "（一）", title: "行政法规、规章和行政规范性文件" },
  { item: "（二）", title: "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名" },
  { item: "（三）", title: "国民经济和社会发展规划、专项规划、区域规划及相关政策" },
  { item: "（四）", title: "国民经济和社会发展统计信息" },
  { item: "（五）", title: "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果" },
  {
    item: "（六）",
    title: "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
  },
  { item: "（七）", title: "财政预算、决算信息" },
  { item: "（八）", title: "行政事业性收费项目及其依据、标准" },
  { item: "（九）", title: "政府集中采购项目的目录、标准及实施情况" },
  { item: "（十）", title: "重大建设项目的批准和实施情况" },
  { item: "（十一）", title: "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况" },
  { item: "（十二）", title: "突发公共事件的应急预案、预警信息及应对情况" },
  { item: "（十三）", title: "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况" },
  { item: "（十四）", title: "公务员招考的职位、名额、报考条件等事项以及录用结果" },
  { item: "（十五）", title: "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息" },
];
