/**
 * A synthetic catalog for the search benchmark: realistic Chinese titles, summaries and short bodies built
 * from the vocabulary of government disclosure (agencies, topics, document kinds, places), fast to make.
 */

const AGENCIES = [
  "示范市公安局",
  "示范市交通运输局",
  "示范市财政局",
  "示范市教育局",
  "示范市卫生健康委员会",
  "示范市生态环境局",
  "示范市应急管理局",
  "示范市市场监督管理局",
  "示范市人力资源和社会保障局",
  "示范市住房和城乡建设局",
  "示范市民政局",
  "示范市自然资源和规划局",
  "示范市农业农村局",
  "示范市水利局",
  "示范市统计局",
  "示范市税务局",
];
const TOPICS = [
  "道路交通安全管理",
  "春节期间烟花爆竹燃放管理",
  "冬季清洁取暖保障",
  "食品安全监督抽检",
  "安全生产大检查",
  "防汛抗旱应急预案",
  "政府集中采购目录及标准",
  "行政事业性收费标准",
  "公务员考试录用",
  "重大建设项目批准",
  "巩固拓展脱贫攻坚成果",
  "环境空气质量",
  "财政预算执行情况",
  "国民经济和社会发展统计公报",
  "义务教育招生入学",
  "城乡居民基本医疗保险",
  "就业创业补贴申领",
  "农村危房改造",
  "校园周边治安整治",
  "电动自行车登记上牌",
  "养老服务机构监督检查",
  "药品质量抽查检验",
  "行政处罚裁量基准",
  "行政许可事项清单",
  "突发公共事件预警信息",
];
const KINDS = [
  "的通知",
  "的通告",
  "的公告",
  "的实施意见",
  "管理办法",
  "工作方案",
  "情况通报",
  "实施细则",
  "的公示",
];
const VERBS = ["关于", "关于印发", "关于公布", "关于开展", "关于进一步加强", "关于做好"];
const PLACE_CHARS = Array.from("梨花杏桃柳松柏枫竹梅兰菊荷槐榆杨桑樟楠槿茶棠橘柚李枣栗榛苇蒲芦萍藕菱");
const PLACE_KINDS = ["村", "社区", "街道", "镇", "乡"];
const OUTCOMES = [
  "已按期办结",
  "正在组织核查",
  "已责令限期整改",
  "已依法作出处罚决定",
  "已向社会公开征求意见",
];

/** A small fast PRNG (mulberry32), so every run builds the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of the values. */
function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)] as T;
}

/** A place name such as 梨花村 (about 6,000 distinct names, so each is rare in a large corpus). */
export function placeName(next: () => number): string {
  return `${pick(next, PLACE_CHARS)}${pick(next, PLACE_CHARS)}${pick(next, PLACE_KINDS)}`;
}

/** One synthetic item. */
export interface CorpusItem {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly publishedOn: string;
}

/** The `i`th item's content (weekly 周警情播报 issues among them, as in the sample report). */
export function corpusItem(next: () => number, i: number): CorpusItem {
  const year = 2015 + Math.floor(next() * 10);
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const publishedOn = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const agency = pick(next, AGENCIES);
  const place = placeName(next);
  if (i % 50 === 0) {
    const week = 1 + Math.floor(next() * 52);
    return {
      title: `${year}年第${week}期周警情播报`,
      summary: `${agency}通报${year}年第${week}周全市警情`,
      body: `本周全市共接报警情${Math.floor(next() * 2000)}起，${place}周边治安秩序平稳。`,
      publishedOn,
    };
  }
  const topic = pick(next, TOPICS);
  const title = `${agency}${pick(next, VERBS)}${topic}${pick(next, KINDS)}`;
  return {
    title,
    summary: `为做好${topic}工作，${agency}制定本文件。`,
    body: `${place}群众反映的${topic}问题${pick(next, OUTCOMES)}，联系电话0391-${String(6_000_000 + i).slice(-7)}。`,
    publishedOn,
  };
}
