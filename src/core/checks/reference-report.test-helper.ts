/**
 * Test helper: the reference report (/work/shared/reports/000_eb2e885bc49513d4.txt, 示范区公安局 2022) as
 * the model a reader produces from it, and small pure functions to derive mutated copies. Used by the
 * *.test.ts files of the checks only.
 */
import {
  type AnnualReport,
  APPLICATION_ROW_KEYS,
  type ApplicationRow,
  type ReportSection,
  type ReviewGroup,
} from "../report/report-model.ts";
import { sectionIndexOfTitle } from "../report/section-titles.ts";

/** The reference report's text, line by line, as published (tables tab-separated). */
export const REFERENCE_LINES: readonly string[] = [
  "",
  "",
  "公安局 2022 年政府信息公开工作年度报告",
  "",
  "一、总体情况",
  "",
  "2022 年，示范区公安局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党中央、国务院关于政务公开工作的决策部署，准确执行新修订的《中华人民共和国政府信息公开条例》，全面落实济源示范区人民政府办公室关于政务公开工作规范化要求，不断扩大公开范围、规范公开制度，不断提升示范区公安机关的政务公开能力水平，为推动示范区公安工作高质量发展创造更加优良的政务环境。",
  "",
  "（一）主动公开工作",
  "",
  "2022 年公安机关信息发布 409 条，周警情播报 52 期，发布行政权力运行结果信息 6410 条。“平安济源”微信公众号发布 802 条，官方微博发布 915 条，今日头条发布 910 条，微博回应关注 42 件。“济源交警”发布 212 条。通过门户网站回复网民留言 34 条。",
  "",
  "（二）依申请公开办理情况",
  "",
  "2022 年，示范区公安局共办理依申请公开政府信息 3 件，全部按照法定期限答复申请人。未发生被上级法制部门和人民法院纠错的情形。",
  "",
  "（三）政府信息管理方面",
  "",
  "政府信息资源的规范化、标准化管理。一是制定了《济源示范区公安局门户网站信息发布管理的通知》，对职责分工、网站信息发布、网站保密安全管理、奖惩措施等进行明确规定；二是制定了《济源示范区公安机关政务新媒体运营管理的通知》等工作制度，从信息发布审核、集群联动、保障激励、业务培训等方面对政务新媒体建设进行规范，确保各项工作有规可依、有章可循；政府信息公开平台建设认真对照政府网站评估指标，进一步强化网站内容建设，加强网站的总体规划、监督指导及日常管理工作，不断提高管理服务水平。",
  "",
  "（四）政府信息公开平台建设情况",
  "",
  "坚持以公安局门户网站、“平安济源”、“济源交警”微信公众号等信息发布平台，及时主动公开政府信息。",
  "",
  "（五）监督保障情况",
  "",
  "政府信息公开监督保障及教育培训工作示范区公安局政务公开办公室负责推进、指导、协调、监督全市公安机关政务公开工作，负责有关政务公开工作的日常联络、协调事宜。2022 年，以大练兵和公安大讲堂为契机举办政务公开培训班 120 人次。",
  "",
  "二、主动公开政府信息情况",
  "",
  "第二十条第（一）项\t\t\t",
  "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
  "规章\t0\t0\t0",
  "行政规范性文件\t0\t0\t1",
  "第二十条第（五）项\t\t\t",
  "信息内容\t本年处理决定数量\t\t",
  "行政许可\t641\t\t",
  "第二十条第（六）项\t\t\t",
  "信息内容\t本年处理决定数量\t\t",
  "行政处罚\t1578\t\t",
  "行政强制\t536\t\t",
  "第二十条第（八）项\t\t\t",
  "信息内容\t本年收费金额（单位：万元）\t\t",
  "行政事业性收费\t1014.5589\t\t",
  "",
  "三、收到和处理政府信息公开申请情况",
  "",
  "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\t",
  "\t\t自然人\t法人或其他组织\t\t\t\t\t\t",
  "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t",
  "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t",
  "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t",
  "三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\t",
  "\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0\t",
  "\t(三) 不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
  "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
  "\t\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0",
  "\t\t4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0",
  "\t\t5.属于三类内部事务信息\t3\t0\t0\t0\t0\t0\t3",
  "\t\t6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0",
  "\t\t7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0",
  "\t\t8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0",
  "\t(四) 无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0",
  "\t\t2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0",
  "\t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0",
  "\t(五) 不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0",
  "\t\t2.重复申请\t0\t0\t0\t0\t0\t0\t0",
  "\t\t3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0",
  "\t\t4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0",
  "\t\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0",
  "\t(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
  "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
  "3.其他\t\t0\t0\t0\t0\t0\t0\t0\t",
  "(七) 总计\t3\t0\t0\t0\t0\t0\t3\t\t",
  "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t",
  "",
  "四、政府信息公开行政复议、行政诉讼情况",
  "",
  "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
  "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
  "\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计",
  "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
  "",
  "五、存在的主要问题及改进情况",
  "",
  "2022年，我局的政府信息公开工作稳步推进，取得了一些成效，但是我局政府信息公开工作还存在一定不足，对《政府信息公开条例》的运用和把握仍需进一步加强，政府信息公开的载体和形式有待丰富，政策解读方式不够多样。下步打算：一是通过多种形式开展《政府信息公开条例》学习培训，抓好贯彻落实。二是对我局出台的重要政策，按照政策文件与解读方案、解读材料同步起草、同步审批、同步发布要求，采取多种形式解读，及时做好政策解读工作。",
  "",
  "六、其他需要报告的事项",
  "",
  "2022年未收取信息公开处理费用。",
];

const HEADING = /^([一二三四五六])、(\S.*)$/;

/** The sections of a text: each heading line "一、总体情况" (a recognised title) starts one, up to the next. */
export function sectionsOfLines(lines: readonly string[]): ReportSection[] {
  const sections: { no: string; title: string; text: string[] }[] = [];
  for (const line of lines) {
    const m = HEADING.exec(line.trim());
    if (m?.[1] && m[2] && sectionIndexOfTitle(m[2]) >= 0) sections.push({ no: m[1], title: m[2], text: [] });
    else sections.at(-1)?.text.push(line);
  }
  return sections.map((s) => ({ no: s.no, title: s.title, text: s.text.join("\n").trim() }));
}

const zeros = (): ApplicationRow => [0, 0, 0, 0, 0, 0, 0];
const zeroGroup = (): ReviewGroup => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });

/** The reference report as read: format 2021, agency 公安局, year 2022, balanced tables, six sections. */
export function referenceReport(): AnnualReport {
  const applications: Record<string, ApplicationRow> = {};
  for (const key of APPLICATION_ROW_KEYS) applications[key] = zeros();
  applications.new = [3, 0, 0, 0, 0, 0, 3];
  applications["denied.internalAffairs"] = [3, 0, 0, 0, 0, 0, 3];
  applications.totalProcessed = [3, 0, 0, 0, 0, 0, 3];
  return {
    format: "2021",
    agency: "公安局",
    year: 2022,
    sections: sectionsOfLines(REFERENCE_LINES),
    proactive: {
      regulations: { issued: 0, abolished: 0, valid: 0 },
      normativeDocuments: { issued: 0, abolished: 0, valid: 1 },
      licensing: 641,
      penalty: 1578,
      enforcement: 536,
      fees: "1014.5589",
    },
    applications,
    review: {
      reconsideration: zeroGroup(),
      litigationDirect: zeroGroup(),
      litigationAfterReconsideration: zeroGroup(),
    },
    findings: [],
  };
}

/** A copy of the report with one table 三 cell replaced. */
export function withCell(
  report: AnnualReport,
  rowKey: string,
  column: number,
  value: number | null,
): AnnualReport {
  const row = [...(report.applications[rowKey] ?? zeros())];
  row[column] = value;
  return { ...report, applications: { ...report.applications, [rowKey]: row } };
}

/** A copy of the report with one table 三 row replaced. */
export function withRow(report: AnnualReport, rowKey: string, row: ApplicationRow): AnnualReport {
  return { ...report, applications: { ...report.applications, [rowKey]: row } };
}

/** A copy of the report with the text of the section numbered `no` changed by `edit`. */
export function withSectionText(
  report: AnnualReport,
  no: string,
  edit: (text: string) => string,
): AnnualReport {
  return {
    ...report,
    sections: report.sections.map((s) => (s.no === no ? { ...s, text: edit(s.text) } : s)),
  };
}

/** A report with only the given sections (the rest of the reference unchanged). */
export function withSections(report: AnnualReport, sections: readonly ReportSection[]): AnnualReport {
  return { ...report, sections };
}

/** The sorted set of rule IDs of findings. */
export function ruleIds(findings: readonly { rule: string }[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
}
