/**
 * The default templates of the report's prose sections 一 (总体情况), 五 (存在的主要问题及改进情况) and 六
 * (其他需要报告的事项), in the order and wording of 国办公开办函〔2021〕30号, with `{{name}}` placeholders filled
 * from the records (report-figures.ts) and `{{#name}}…{{/name}}` parts kept only when the value is there.
 * Number statements use the phrasing that check C-9 reads, so prose and tables are checked against each other.
 */

/** The placeholders of the report's prose, with the Chinese description the template editor shows. */
export const REPORT_PLACEHOLDERS = {
  agencyName: "本机关名称",
  year: "报告年度",
  nextYear: "下一年度",
  releases: "门户网站主动公开信息条数",
  periodicSentence: "定期栏目及其期数（如：周警情播报52期）",
  decisionsPublished: "公开的行政权力运行结果信息条数",
  channelSentence: "各政务新媒体账号的发布条数",
  channelNames: "政务新媒体账号名称",
  messagesReplied: "门户网站答复网民留言条数",
  requestsReceived: "本年新收政府信息公开申请件数",
  requestsCarriedOver: "上年结转申请件数",
  requestsProcessed: "本年办理完结申请件数",
  requestsCarriedForward: "结转下年度继续办理件数",
  requestsLate: "超过法定期限答复的件数（没有则不显示）",
  regulationsIssued: "本年制发规章件数",
  normativeIssued: "本年制发行政规范性文件件数",
  normativeAbolished: "本年废止行政规范性文件件数",
  normativeValid: "现行有效行政规范性文件件数",
  licensing: "本年行政许可决定数量",
  penalty: "本年行政处罚决定数量",
  enforcement: "本年行政强制决定数量",
  fees: "行政事业性收费金额（万元，没有则不显示）",
  reconsiderations: "政府信息公开行政复议件数",
  litigations: "政府信息公开行政诉讼件数",
  reviewCorrected: "被纠错件数（没有则不显示）",
  trainingSessions: "培训场次（没有则不显示）",
  trainingPersonTimes: "培训人次",
  processingFee: "收取的信息处理费（元，没有则不显示）",
  breachSentence: "本年监测预警情况（没有则不显示）",
} as const;

/** A prose section's default template, by section numeral. */
export const SECTION_TEMPLATES: Readonly<Record<"一" | "五" | "六", string>> = {
  一: [
    "{{year}}年，{{agencyName}}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，不断扩大公开范围、规范公开程序、提升公开质量，政府信息公开工作有序推进。",
    "（一）主动公开",
    "{{year}}年，{{agencyName}}通过门户网站主动公开政府信息{{releases}}条{{#periodicSentence}}，{{periodicSentence}}{{/periodicSentence}}，发布行政权力运行结果信息{{decisionsPublished}}条。{{#channelSentence}}{{channelSentence}}。{{/channelSentence}}通过门户网站回复网民留言{{messagesReplied}}条。本年度办理行政许可决定{{licensing}}件、行政处罚决定{{penalty}}件、行政强制决定{{enforcement}}件，均按规定公开。{{#fees}}本年度行政事业性收费金额为{{fees}}万元。{{/fees}}",
    "（二）依申请公开",
    "{{year}}年，{{agencyName}}新收政府信息公开申请{{requestsReceived}}件，上年结转{{requestsCarriedOver}}件，共办理政府信息公开申请{{requestsProcessed}}件，结转下年度继续办理{{requestsCarriedForward}}件。{{^requestsLate}}全部申请均在法定期限内答复。{{/requestsLate}}{{#requestsLate}}其中{{requestsLate}}件超过法定期限答复，已逐件分析原因并整改。{{/requestsLate}}",
    "（三）政府信息管理",
    "严格执行政府信息公开保密审查制度，坚持先审后发，信息发布前经保密审查、审核、审签。本年度制发规章{{regulationsIssued}}件、行政规范性文件{{normativeIssued}}件，废止行政规范性文件{{normativeAbolished}}件，现行有效行政规范性文件{{normativeValid}}件。",
    "（四）政府信息公开平台建设",
    "以门户网站政府信息公开专栏为第一平台{{#channelNames}}，{{channelNames}}等政务新媒体协同发布{{/channelNames}}，按照《政府网站与政务新媒体检查指标》做好日常监测，及时更新栏目内容。",
    "（五）监督保障",
    "明确政府信息公开工作机构和人员职责，将政府信息公开纳入年度工作考核。{{year}}年组织政务公开培训{{#trainingSessions}}{{trainingSessions}}场、{{/trainingSessions}}{{trainingPersonTimes}}人次。本年度因政府信息公开被申请行政复议{{reconsiderations}}件、提起行政诉讼{{litigations}}件{{^reviewCorrected}}，未发生被纠错的情形{{/reviewCorrected}}{{#reviewCorrected}}，被纠错{{reviewCorrected}}件{{/reviewCorrected}}。",
  ].join("\n\n"),
  五: [
    "（一）存在的主要问题",
    "一是主动公开的深度和解读的质量还有提升空间；二是政务新媒体与门户网站的协同发布机制还需完善{{#breachSentence}}；三是日常监测中发现的问题：{{breachSentence}}{{/breachSentence}}。",
    "（二）改进情况",
    "{{nextYear}}年，{{agencyName}}将进一步细化主动公开目录，落实先审后发和保密审查制度，加强对政务公开工作人员的业务培训，健全日常监测和整改机制，确保各项政府信息公开工作依法规范开展。",
  ].join("\n\n"),
  六: [
    "{{^processingFee}}{{year}}年，{{agencyName}}未收取政府信息公开信息处理费。{{/processingFee}}{{#processingFee}}{{year}}年，{{agencyName}}依照《政府信息公开信息处理费管理办法》收取信息处理费{{processingFee}}元。{{/processingFee}}",
    "{{agencyName}}本年度无其他需要报告的事项。",
  ].join("\n\n"),
};
