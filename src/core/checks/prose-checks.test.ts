import { describe, expect, it } from "vitest";
import type { AnnualReport } from "../report/report-model.ts";
import { checkInformationFee, checkProseNumbers, statesInformationFee } from "./prose-checks.ts";
import { referenceReport, withRow, withSectionText } from "./reference-report.test-helper.ts";

const ref = referenceReport();

/** Section 一 of 平潭综合实验区 2022 (/work/shared/reports/2022-pingtan-zone-gov.txt), as crawled. */
const PINGTAN_OVERVIEW = [
  "2022年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，在省委省政府坚强领导下，认真执行《条例》相关规定，紧紧围绕实验区党工委、管委会决",
  "策部署，强化责任担当，加强信息公开平台建设，扎实推进政务公开工作，为全区经济社会平稳健康发展提供有力保障。 （一）主动公开方面 平潭综合实验区切实落实国务院办公厅、省政府办公厅关于",
  "政务公开工作有关要求，持续推进基础信息公开、深化重点领域信息公开，2022年全区共主动公开政府信息14571条。一是做好规范性文件公开。设立规范性文件库，集中公开现行有效行政规范性",
  "文件698件，动态更新本年度制发的规范性文件88件。二是做好各类规划公开。设立“十四五”规划和专项规划、空间规划、区域规划专栏，本年度公开信息77条。三是做好惠企纾困政策公开。在网",
  "站显眼位置设立专栏，发布政策文件20件，同时共享全省政策文件，助力企业“一站式”查询了解惠企纾困政策。四是做好减税降费信息公开。集中推送各项减税降费政策，助力执行单位和纳税人、缴费",
  "人第一时间了解政策；公开以税费优惠进行诈骗的典型案例，对相关企业起到警示作用。五是做好公共企事业单位信息公开。开设民生相关专栏，公开卫生健康、教育、公共交通、新闻传播、供电、供水、",
  "供气等8个领域公共企事业单位信息。六是做好疫情防控专栏优化。新增核酸检测机构、发热门诊、疫苗接种机构查询功能，规范、集中公开疫情防控信息情况，主动回应社会关切，同时将相关信息智能推",
  "送到政府网站首页显眼位置。 （二）依申请公开方面 一是畅通依申请公开渠道，推动全区政务公开单位动态更新政府信息公开指南，规范申请接收渠道指引，畅通线上、线下申请渠道，督促各有关单位",
  "及时受理，提高答复时效性。二是规范依申请受理答复流程。坚持依法答复和优化办理机制“两手抓”，由各单位相应的法律职能处室参与依申请公开答复合法性审查工作，提高答复的规范性。同时，不断",
  "完善依申请公开登记、审核、办理、答复、归档等环节工作程序。2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。三是加",
  "强行政复议、行政诉讼案件的处理工作。根据国务院办公厅转发《司法部关于审理政府信息公开行政复议案件若干问题指导意见的通知》，联合相应的法律职能处室以及专业律师，规范办结案件。2022",
  "年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。 （三）政府信息管理方面 一是健全信息发布平台管理机制。实验区管委会办公室印发《政府网站和政务新媒体工",
  "作管理方案》，严格落实政府网站和政务新媒体信息发布时限、运行维护、保密安全等责任管理，确保信息发布平台安全稳定运行。二是规范信息发布全流程，实验区管委会办公室印发《政府网站和政务新",
  "媒体信息内容审核发布规范》，建立规范的信息采集、审核、发布、更新流程，加强信息内容监管，确保信息内容的真实性、完整性、可靠性、准确性和安全性。三是加强规范性文件清理，对规范性文件文",
  "号、成文日期、发布日期、有效性等要素进行规范标注，并要求各相关单位上传WORD和PDF版本的附件，最大限度方便公众搜索、下载、查阅。 （四）信息公开平台建设方面 进一步加强政府门户",
  "网站和政务新媒体等线上平台建设，改版提升政府门户网站，规范全区政务新媒体管理，不断提升政府网上履职能力和服务水平。一是优化升级实验区党工委管委会政府门户网站，按照省政府办公厅发布的",
  "网站页面设计规范打造整体统一的的网站界面，并根据用户需求和业务逻辑重新设计网站导航系统；同时，上线智能问答等多项互动功能，新增社保等8个便民主题，不断升级网站服务模式。二是加强政务",
  "新媒体管理，坚持“集约开设、及时注销”的原则，对无人维护或信息更新不及时的政务新媒体进行关停，对全区现存的33个政务新媒体加强信息更新、互动服务等方面监管。三是督促各单位围绕本职工",
  "作，采用生动活泼、通俗易懂的语言，运用图标图解、音频视频等公众喜闻乐见的形式发布政策信息，提供有效互动功能，持续深入推进“互联网+政务服务”。 （五）监督保障方面 一是压实工作责任",
  "。根据国务院办公厅2022年政务公开工作要点，实验区印发《2022年全区政务公开工作主要任务分解表》。实验区分管领导和办公室主要领导等多次召开工作部署会，统筹安排全区政务公开工作，",
  "明确工作任务和工作要求，细化职责分工，稳步推进全区政务公开工作。二是抓牢监督检查。结合工作考核机制进行抽查通报，全年共组织4次政务公开季度检查通报，责令相关责任人进行整改检讨，并将",
  "通报结果纳入绩效考核。定期开展“回头看”活动，聚焦重点栏目开设、信息发布规范等方面，推进3轮督促整改工作。三是落实社会评议和责任追究制度。2022年，实验区管委会政府信息公开工作积",
  "极主动接受社会评议，未发生相关责任人责任追究问题情况，未出现违反有关法律规定、造成不良影响或者严重后果的情况。",
].join("");

/** 平潭综合实验区 2022 as its tables say (new 71+3, one carried over; 四: 2 reconsiderations, 1 lawsuit). */
function pingtan(): AnnualReport {
  let report: AnnualReport = {
    ...ref,
    agency: "平潭综合实验区",
    year: 2022,
    sections: [
      { no: "一", title: "总体情况", text: PINGTAN_OVERVIEW },
      { no: "六", title: "其他需要报告的事项", text: "2022年，无收取信息处理费情况。" },
    ],
    proactive: {
      regulations: { issued: 0, abolished: 0, valid: 0 },
      normativeDocuments: { issued: 88, abolished: 55, valid: 698 },
      licensing: 10690,
      penalty: 2113,
      enforcement: 0,
      fees: "9116.36",
    },
    review: {
      reconsideration: { upheld: 0, corrected: 1, other: 1, pending: 0, total: 2 },
      litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    },
  };
  report = withRow(report, "new", [71, 3, 0, 0, 0, 0, 74]);
  report = withRow(report, "carriedOver", [1, 0, 0, 0, 0, 0, 1]);
  return report;
}

/** 上海市科委 2024 as its tables say (34 new, 2 carried over, 9/0/2/10/0/14 results, 1 carried forward). */
function shanghai(prose: string): AnnualReport {
  let report: AnnualReport = {
    ...ref,
    agency: "上海市科学技术委员会",
    year: 2024,
    sections: [{ no: "四", title: "政府信息公开申请情况", text: prose }],
    review: {
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    },
  };
  const rows: [string, (number | null)[]][] = [
    ["new", [32, 2, 0, 0, 0, 0, 34]],
    ["carriedOver", [2, 0, 0, 0, 0, 0, 2]],
    ["granted", [9, 0, 0, 0, 0, 0, 9]],
    ["partial", [0, 0, 0, 0, 0, 0, 0]],
    ["denied.internalAffairs", [1, 0, 0, 0, 0, 0, 1]],
    ["denied.processInfo", [1, 0, 0, 0, 0, 0, 1]],
    ["unable.notHeld", [4, 0, 0, 0, 0, 0, 4]],
    ["unable.needsCreation", [6, 0, 0, 0, 0, 0, 6]],
    ["other.noSupplement", [8, 2, 0, 0, 0, 0, 10]],
    ["other.other", [4, 0, 0, 0, 0, 0, 4]],
    ["totalProcessed", [33, 2, 0, 0, 0, 0, 35]],
    ["carriedForward", [1, 0, 0, 0, 0, 0, null]],
  ];
  for (const [key, cells] of rows) report = withRow(report, key, cells);
  return report;
}

const SHANGHAI_REQUESTS =
  "全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件，所有申请均已按要求办理完成。" +
  "所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2件，无法提供的 10 件，" +
  "不予处理 0 件，其他处理 14 件，转下一年度办理答复的有 1 件。";
const SHANGHAI_REVIEW =
  "2024 年市科委有 1 件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为 0 件。";

/** The C-9 findings of a report as [prose value, table value]. */
const claims = (report: AnnualReport) => checkProseNumbers(report, {}).map((f) => [f.actual, f.expected]);

/** The reference report with one sentence added to section 三. */
const addSentence = (sentence: string, report: AnnualReport = ref) =>
  withSectionText(report, "三", (t) => `${sentence}\n${t}`);

describe("prose numbers (C-9)", () => {
  it("C-9 accepts the reference report's prose", () => {
    expect(checkProseNumbers(ref, {})).toEqual([]);
  });

  it("C-9 flags the processed count changed in the prose and quotes the sentence", () => {
    const report = withSectionText(ref, "一", (t) => t.replace("政府信息 3 件", "政府信息 4 件"));
    const findings = checkProseNumbers(report, {
      locations: { "applications.totalProcessed.6": "第 57 行" },
    });
    expect(findings).toHaveLength(1);
    const sentence = "2022 年，示范区公安局共办理依申请公开政府信息 4 件，全部按照法定期限答复申请人";
    expect(findings[0]).toMatchObject({ rule: "C-9", severity: "error", expected: 3, actual: 4 });
    expect(findings[0]?.where).toBe(`「一、总体情况」：“${sentence}” · 第 57 行`);
    expect(findings[0]?.message).toContain(`“${sentence}”称共办理政府信息公开申请 4 件`);
  });

  it("C-9 accepts the processed count as （七）总计 or as new + carried over", () => {
    const report = withRow(
      withRow(ref, "carriedOver", [1, 0, 0, 0, 0, 0, 1]),
      "carriedForward",
      [1, 0, 0, 0, 0, 0, 1],
    );
    expect(claims(report)).toEqual([]);
    const stated = withSectionText(report, "一", (t) => t.replace("政府信息 3 件", "政府信息 4 件"));
    expect(claims(stated)).toEqual([]);
    expect(claims(withSectionText(report, "一", (t) => t.replace("政府信息 3 件", "政府信息 5 件")))).toEqual(
      [[5, 3]],
    );
  });

  it("C-9 Pingtan 2022: flags 75 received (table 74) and 自然人 72 (table 71), not 商业企业 3 nor 复议/诉讼", () => {
    const findings = checkProseNumbers(pingtan(), {});
    expect(findings.map((f) => [f.actual, f.expected])).toEqual([
      [75, 74],
      [72, 71],
    ]);
    const quote =
      "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%";
    expect(findings[0]?.where).toBe(`「一、总体情况」：“${quote}”`);
    expect(findings[1]?.message).toBe(
      `正文“${quote}”称自然人申请 72 件，但表三「一、本年新收政府信息公开申请数量」行「自然人」列为 71`,
    );
  });

  it("C-9 Pingtan 2022: 行政诉讼 1 件、行政复议 2 件 agree with table 四 and are checked", () => {
    const sentence = "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。";
    const report = { ...pingtan(), sections: [{ no: "一", title: "总体情况", text: sentence }] };
    expect(claims(report)).toEqual([]);
    const review = {
      ...report.review,
      litigationAfterReconsideration: { ...report.review.litigationDirect },
    };
    expect(claims({ ...report, review })).toEqual([[1, 2]]);
    const reconsideration = { ...report.review.reconsideration, total: 3 };
    expect(claims({ ...report, review: { ...report.review, reconsideration } })).toEqual([[2, 3]]);
  });

  it("C-9 Shanghai 2024: the request and result statements agree with its tables", () => {
    expect(claims(shanghai(SHANGHAI_REQUESTS))).toEqual([]);
    expect(claims(shanghai(SHANGHAI_REVIEW))).toEqual([]);
  });

  it("C-9 Shanghai 2024: each changed number is caught against the right table value", () => {
    const cases: [string, string, number, number][] = [
      ["申请 34 件", "申请 35 件", 35, 34],
      ["申请 2 件", "申请 3 件", 3, 2],
      ["同意公开答复 9 件", "同意公开答复 8 件", 8, 9],
      ["部分公开答复 0 件", "部分公开答复 1 件", 1, 0],
      ["不予公开答复 2件", "不予公开答复 3件", 3, 2],
      ["无法提供的 10 件", "无法提供的 11 件", 11, 10],
      ["不予处理 0 件", "不予处理 2 件", 2, 0],
      ["其他处理 14 件", "其他处理 4 件", 4, 14],
    ];
    for (const [from, to, actual, expected] of cases) {
      expect(claims(shanghai(SHANGHAI_REQUESTS.replace(from, to))), to).toEqual([[actual, expected]]);
    }
    // Its table leaves the 四、结转 总计 cell empty (null): the statement is then not compared.
    const forward = SHANGHAI_REQUESTS.replace("的有 1 件", "的有 2 件");
    expect(claims(shanghai(forward))).toEqual([]);
    expect(claims(withRow(shanghai(forward), "carriedForward", [1, 0, 0, 0, 0, 0, 1]))).toEqual([[2, 1]]);
    expect(claims(shanghai(SHANGHAI_REVIEW.replace("有 1 件", "有 2 件")))).toEqual([[2, 1]]);
  });

  it("C-9 checks 行政许可/处罚/强制 decisions, the fee in 万元, and full-width digits", () => {
    expect(
      claims(addSentence("全年作出行政许可决定 641 件、行政处罚决定 1578 件、行政强制决定 536 件")),
    ).toEqual([]);
    expect(claims(addSentence("全年作出行政许可决定 640 件，行政处罚决定 1578 件"))).toEqual([[640, 641]]);
    expect(claims(addSentence("办理行政强制措施 530 件"))).toEqual([[530, 536]]);
    expect(claims(addSentence("行政事业性收费 1014.5589 万元"))).toEqual([]);
    expect(claims(addSentence("行政事业性收费 1014.56 万元"))).toEqual([]);
    const fee = checkProseNumbers(addSentence("行政事业性收费 1000 万元"), {});
    expect(fee.map((f) => [f.actual, f.expected])).toEqual([["1000", "1014.5589"]]);
    expect(claims(addSentence("本年收到政府信息公开申请４件"))).toEqual([[4, 3]]);
    expect(claims(addSentence("本年收到政府信息公开申请 1,003 件"))).toEqual([[1003, 3]]);
  });

  it("C-9 checks 不予公开 against the sum of the denied rows, and carried over / forward", () => {
    expect(claims(addSentence("其中，予以公开 0 件，不予公开 3 件，结转下年度继续办理 0 件"))).toEqual([]);
    expect(claims(addSentence("其中，予以公开 1 件，不予公开 2 件，上年结转申请 1 件"))).toEqual([
      [1, 0],
      [2, 3],
      [1, 0],
    ]);
  });

  it("C-9 does not fire on statements it cannot attribute with confidence", () => {
    const quiet = [
      "收到政府信息公开申请 10 件，同比增长 20%",
      "全区共收到政府信息公开申请 3 件，其中区本级收到政府信息公开申请 1 件",
      "2021年收到政府信息公开申请 60 件",
      "共收到行政复议申请 300 件，办结行政复议案件 280 件",
      "部分同意公开 0 件，同意公开 0 件",
      "梳理行政许可事项 120 项，公开行政处罚信息 5000 条",
      "共收到政府信息公开申请 5 件（含上年结转 0 件）",
      "发布行政权力运行结果信息 6410 条，微博回应关注 42 件",
      "累计收到政府信息公开申请 500 件",
      "其中，予以公开、部分公开 30 件，上年结转和本年新收申请共 5 件",
      "未发生因政府信息公开被行政复议纠错的情况，0 件被行政诉讼败诉",
    ];
    for (const sentence of quiet) expect(claims(addSentence(sentence)), sentence).toEqual([]);
  });

  it("C-9 skips a statement whose table value could not be read", () => {
    expect(claims(withRow(pingtan(), "new", [null, 3, 0, 0, 0, 0, null]))).toEqual([]);
  });

  it("C-9 quotes at most 120 characters of a long sentence, around the number", () => {
    const long = `${"政务公开工作稳步推进".repeat(15)}，本年收到政府信息公开申请 9 件，${"持续深化".repeat(30)}`;
    const [finding] = checkProseNumbers(addSentence(long), {});
    const quote = /“(.*)”/.exec(finding?.where ?? "")?.[1] ?? "";
    expect(quote.length).toBeLessThanOrEqual(120);
    expect(quote).toContain("申请 9 件");
    expect(quote.startsWith("…") && quote.endsWith("…")).toBe(true);
  });
});

describe("information-processing fee statement (C-10)", () => {
  it("C-10 accepts an amount or a statement that none was collected", () => {
    for (const s of [
      "2022年未收取信息公开处理费用",
      "2022年，无收取信息处理费情况",
      "2024 年，市科委未发生政府信息公开收费事项",
      "本年度收取信息处理费 120 元",
      "本机关没有收取信息处理费",
    ]) {
      expect(statesInformationFee(s), s).toBe(true);
    }
    expect(statesInformationFee("本年度无其他需要报告的事项")).toBe(false);
    expect(checkInformationFee(ref, {})).toEqual([]);
    expect(checkInformationFee(pingtan(), {})).toEqual([]);
  });

  it("C-10 flags section 六 without the fee statement", () => {
    const report = withSectionText(ref, "六", () => "本年度无其他需要报告的事项。");
    expect(checkInformationFee(report, {})).toEqual([
      {
        rule: "C-10",
        severity: "error",
        where: "第六部分「六、其他需要报告的事项」",
        expected: "说明信息处理费收取情况",
        actual: null,
        message:
          "第六部分「六、其他需要报告的事项」未说明信息处理费的收取情况（应写明收取金额，或说明未收取）",
      },
    ]);
  });

  it("C-10 flags a missing section 六 under 第六部分", () => {
    const report = { ...ref, sections: ref.sections.slice(0, 5) };
    expect(checkInformationFee(report, {}).map((f) => [f.rule, f.where])).toEqual([["C-10", "第六部分"]]);
  });
});
