/**
 * Name stock of the generated province: place-name syllables (with their pinyin, for web addresses), the
 * departments of a provincial, municipal and county government, and the roads of an office address.
 */

/** First syllables of place names, with pinyin. */
export const PLACE_HEADS: readonly (readonly [string, string])[] = [
  ["青", "qing"],
  ["安", "an"],
  ["平", "ping"],
  ["临", "lin"],
  ["永", "yong"],
  ["宁", "ning"],
  ["兴", "xing"],
  ["泰", "tai"],
  ["长", "chang"],
  ["和", "he"],
  ["新", "xin"],
  ["东", "dong"],
  ["西", "xi"],
  ["南", "nan"],
  ["北", "bei"],
  ["清", "qing"],
  ["云", "yun"],
  ["江", "jiang"],
  ["河", "he"],
  ["白", "bai"],
  ["龙", "long"],
  ["凤", "feng"],
  ["金", "jin"],
  ["石", "shi"],
  ["桃", "tao"],
  ["柳", "liu"],
  ["松", "song"],
  ["梅", "mei"],
  ["丰", "feng"],
  ["广", "guang"],
  ["富", "fu"],
  ["高", "gao"],
  ["嘉", "jia"],
  ["德", "de"],
  ["崇", "chong"],
  ["昌", "chang"],
  ["庆", "qing"],
  ["华", "hua"],
  ["阳", "yang"],
  ["通", "tong"],
  ["汉", "han"],
  ["武", "wu"],
];

/** Second syllables of place names, with pinyin. */
export const PLACE_TAILS: readonly (readonly [string, string])[] = [
  ["山", "shan"],
  ["江", "jiang"],
  ["河", "he"],
  ["阳", "yang"],
  ["川", "chuan"],
  ["源", "yuan"],
  ["州", "zhou"],
  ["林", "lin"],
  ["溪", "xi"],
  ["城", "cheng"],
  ["水", "shui"],
  ["丰", "feng"],
  ["宁", "ning"],
  ["安", "an"],
  ["湖", "hu"],
  ["口", "kou"],
  ["泉", "quan"],
  ["坪", "ping"],
  ["桥", "qiao"],
  ["塘", "tang"],
  ["岭", "ling"],
  ["原", "yuan"],
  ["陵", "ling"],
  ["昌", "chang"],
  ["兴", "xing"],
  ["平", "ping"],
  ["海", "hai"],
  ["田", "tian"],
];

/** Provinces to name the generated one after (fictional, realistic). */
export const PROVINCE_NAMES: readonly (readonly [string, string])[] = [
  ["江淮", "jianghuai"],
  ["云岭", "yunling"],
  ["河洛", "heluo"],
  ["闽川", "minchuan"],
  ["湘岳", "xiangyue"],
  ["燕赵", "yanzhao"],
  ["秦岭", "qinling"],
  ["齐鲁东", "qiludong"],
];

/** A government department: its name at province level and below, and how busy its registers are (0…1). */
export interface DepartmentSpec {
  readonly provincial: string;
  readonly local: string;
  /** How many decisions it makes, relative to the busiest. */
  readonly decisions: number;
  /** The topic (主题分类) of its catalog items. */
  readonly topic: string;
  /** What its work is about, for titles ("户政服务", "道路运输" …). */
  readonly subjects: readonly string[];
}

/** The departments, the busiest registers first. */
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    provincial: "公安厅",
    local: "公安局",
    decisions: 1,
    topic: "公安、安全、司法",
    subjects: ["户政服务", "交通安全", "反诈宣传", "治安防范", "出入境管理", "禁毒工作"],
  },
  {
    provincial: "市场监督管理局",
    local: "市场监督管理局",
    decisions: 0.9,
    topic: "市场监管、安全生产监管",
    subjects: ["食品安全", "特种设备安全", "知识产权保护", "价格监督检查", "广告监管", "计量标准"],
  },
  {
    provincial: "交通运输厅",
    local: "交通运输局",
    decisions: 0.7,
    topic: "交通运输",
    subjects: ["道路运输", "公路养护", "水路运输", "城市公交", "网约车管理", "农村公路建设"],
  },
  {
    provincial: "自然资源厅",
    local: "自然资源局",
    decisions: 0.6,
    topic: "城乡建设、环境保护",
    subjects: ["国土空间规划", "不动产登记", "耕地保护", "矿产资源管理", "地质灾害防治", "土地征收"],
  },
  {
    provincial: "生态环境厅",
    local: "生态环境局",
    decisions: 0.6,
    topic: "城乡建设、环境保护",
    subjects: ["大气污染防治", "水环境保护", "土壤污染防治", "环境影响评价", "固体废物管理", "生态保护修复"],
  },
  {
    provincial: "住房和城乡建设厅",
    local: "住房和城乡建设局",
    decisions: 0.5,
    topic: "城乡建设、环境保护",
    subjects: ["保障性住房", "建筑市场监管", "老旧小区改造", "物业管理", "城市燃气安全", "建筑工程质量"],
  },
  {
    provincial: "卫生健康委员会",
    local: "卫生健康委员会",
    decisions: 0.5,
    topic: "卫生、体育",
    subjects: ["医疗机构管理", "公共卫生", "疾病预防控制", "妇幼健康", "家庭医生签约", "职业健康"],
  },
  {
    provincial: "应急管理厅",
    local: "应急管理局",
    decisions: 0.4,
    topic: "市场监管、安全生产监管",
    subjects: ["安全生产", "防汛抗旱", "森林防火", "危险化学品监管", "应急救援", "自然灾害救助"],
  },
  {
    provincial: "人力资源和社会保障厅",
    local: "人力资源和社会保障局",
    decisions: 0.3,
    topic: "劳动、人事、监察",
    subjects: ["就业创业", "社会保险", "劳动保障监察", "职业技能培训", "人才引进", "工资支付保障"],
  },
  {
    provincial: "农业农村厅",
    local: "农业农村局",
    decisions: 0.3,
    topic: "农业、林业、水利",
    subjects: ["粮食生产", "动物防疫", "高标准农田建设", "农产品质量安全", "农村人居环境", "种业管理"],
  },
  {
    provincial: "教育厅",
    local: "教育局",
    decisions: 0.2,
    topic: "科技、教育",
    subjects: ["义务教育", "学前教育", "招生考试", "校园安全", "教师队伍建设", "民办教育管理"],
  },
  {
    provincial: "民政厅",
    local: "民政局",
    decisions: 0.2,
    topic: "民政、扶贫、救灾",
    subjects: ["社会救助", "养老服务", "婚姻登记", "社会组织管理", "殡葬管理", "儿童福利"],
  },
  {
    provincial: "水利厅",
    local: "水利局",
    decisions: 0.2,
    topic: "农业、林业、水利",
    subjects: ["河湖长制", "水资源管理", "水土保持", "农村饮水安全", "水利工程建设", "防汛调度"],
  },
  {
    provincial: "文化和旅游厅",
    local: "文化和旅游局",
    decisions: 0.2,
    topic: "文化、广电、新闻出版",
    subjects: [
      "文化市场管理",
      "旅游服务质量",
      "文物保护",
      "公共文化服务",
      "非物质文化遗产",
      "A级旅游景区管理",
    ],
  },
  {
    provincial: "商务厅",
    local: "商务局",
    decisions: 0.15,
    topic: "商贸、海关、旅游",
    subjects: ["消费促进", "外贸稳增长", "招商引资", "成品油流通", "电子商务", "再生资源回收"],
  },
  {
    provincial: "财政厅",
    local: "财政局",
    decisions: 0.05,
    topic: "财政、金融、审计",
    subjects: ["预算管理", "政府采购", "国有资产管理", "惠民惠农补贴", "财政监督", "政府债务管理"],
  },
  {
    provincial: "发展和改革委员会",
    local: "发展和改革局",
    decisions: 0.15,
    topic: "国民经济管理、国有资产监管",
    subjects: ["重大项目建设", "价格管理", "粮食储备", "节能降耗", "社会信用体系建设", "营商环境优化"],
  },
  {
    provincial: "司法厅",
    local: "司法局",
    decisions: 0.05,
    topic: "公安、安全、司法",
    subjects: ["法治政府建设", "公共法律服务", "人民调解", "法律援助", "行政复议", "社区矫正"],
  },
  {
    provincial: "统计局",
    local: "统计局",
    decisions: 0.02,
    topic: "国民经济管理、国有资产监管",
    subjects: ["统计调查", "经济普查", "统计执法", "统计数据发布", "农业普查", "人口抽样调查"],
  },
  {
    provincial: "审计厅",
    local: "审计局",
    decisions: 0.02,
    topic: "财政、金融、审计",
    subjects: [
      "预算执行审计",
      "经济责任审计",
      "专项资金审计",
      "审计整改",
      "政府投资项目审计",
      "自然资源资产审计",
    ],
  },
  {
    provincial: "医疗保障局",
    local: "医疗保障局",
    decisions: 0.1,
    topic: "卫生、体育",
    subjects: ["医保待遇", "医保基金监管", "药品集中采购", "异地就医结算", "长期护理保险", "医疗服务价格"],
  },
  {
    provincial: "林业局",
    local: "林业局",
    decisions: 0.1,
    topic: "农业、林业、水利",
    subjects: ["森林资源保护", "国土绿化", "林长制", "野生动物保护", "林业有害生物防治", "自然保护地管理"],
  },
  {
    provincial: "退役军人事务厅",
    local: "退役军人事务局",
    decisions: 0.02,
    topic: "民政、扶贫、救灾",
    subjects: ["优抚安置", "退役军人就业", "褒扬纪念", "拥军优属", "军休服务", "权益维护"],
  },
  {
    provincial: "科学技术厅",
    local: "科学技术局",
    decisions: 0.05,
    topic: "科技、教育",
    subjects: ["科技创新", "高新技术企业认定", "科技成果转化", "科普工作", "科技特派员", "研发投入"],
  },
  {
    provincial: "工业和信息化厅",
    local: "工业和信息化局",
    decisions: 0.08,
    topic: "工业、交通",
    subjects: ["中小企业发展", "工业转型升级", "数字经济", "节能监察", "无线电管理", "产业园区建设"],
  },
];

/** Roads of office addresses. */
export const ROADS: readonly string[] = [
  "人民路",
  "建设路",
  "解放路",
  "中山路",
  "民主路",
  "新华路",
  "文化路",
  "和平路",
  "胜利路",
  "复兴路",
  "政府街",
  "府前街",
  "迎宾大道",
  "滨江大道",
  "振兴路",
  "光明路",
];

/** What a township government's own work is about. */
export const TOWNSHIP_SUBJECTS: readonly string[] = [
  "乡村振兴",
  "人居环境整治",
  "防汛救灾",
  "农村低保",
  "村务公开",
  "秸秆禁烧",
  "安全生产",
  "疫情防控",
  "土地流转",
  "便民服务",
];

/** What a people's government's own work is about. */
export const GOVERNMENT_SUBJECTS: readonly string[] = [
  "优化营商环境",
  "重点项目建设",
  "民生实事",
  "乡村振兴",
  "生态文明建设",
  "城市更新",
  "安全生产",
  "防汛抗旱",
  "稳就业",
  "政务服务改革",
];
