/**
 * The reference report (reports/000_eb2e885bc49513d4.txt, 济源示范区公安局 2022) as a model, for the
 * writers' tests: its numbers and its prose, paragraph by paragraph.
 */
import type { AnnualReport, ApplicationRow } from "../core/report/report-model.ts";
import { APPLICATION_ROW_KEYS, SECTION_TITLES } from "../core/report/report-model.ts";

const PROSE: readonly { no: string; text: string }[] = [
  {
    no: "一",
    text: [
      "2022 年，示范区公安局坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党中央、国务院关于政务公开工作的决策部署，准确执行新修订的《中华人民共和国政府信息公开条例》，全面落实济源示范区人民政府办公室关于政务公开工作规范化要求，不断扩大公开范围、规范公开制度，不断提升示范区公安机关的政务公开能力水平，为推动示范区公安工作高质量发展创造更加优良的政务环境。",
      "（一）主动公开工作",
      "2022 年公安机关信息发布 409 条，周警情播报 52 期，发布行政权力运行结果信息 6410 条。“平安济源”微信公众号发布 802 条，官方微博发布 915 条，今日头条发布 910 条，微博回应关注 42 件。“济源交警”发布 212 条。通过门户网站回复网民留言 34 条。",
      "（二）依申请公开办理情况",
      "2022 年，示范区公安局共办理依申请公开政府信息 3 件，全部按照法定期限答复申请人。未发生被上级法制部门和人民法院纠错的情形。",
      "（三）政府信息管理方面",
      "政府信息资源的规范化、标准化管理。一是制定了《济源示范区公安局门户网站信息发布管理的通知》，对职责分工、网站信息发布、网站保密安全管理、奖惩措施等进行明确规定；二是制定了《济源示范区公安机关政务新媒体运营管理的通知》等工作制度，从信息发布审核、集群联动、保障激励、业务培训等方面对政务新媒体建设进行规范，确保各项工作有规可依、有章可循；政府信息公开平台建设认真对照政府网站评估指标，进一步强化网站内容建设，加强网站的总体规划、监督指导及日常管理工作，不断提高管理服务水平。",
      "（四）政府信息公开平台建设情况",
      "坚持以公安局门户网站、“平安济源”、“济源交警”微信公众号等信息发布平台，及时主动公开政府信息。",
      "（五）监督保障情况",
      "政府信息公开监督保障及教育培训工作示范区公安局政务公开办公室负责推进、指导、协调、监督全市公安机关政务公开工作，负责有关政务公开工作的日常联络、协调事宜。2022 年，以大练兵和公安大讲堂为契机举办政务公开培训班 120 人次。",
    ].join("\n"),
  },
  { no: "二", text: "" },
  { no: "三", text: "" },
  { no: "四", text: "" },
  {
    no: "五",
    text: [
      "2022年，我局的政府信息公开工作稳步推进，取得了一些成效，但是我局政府信息公开工作还存在一定不足，对《政府信息公开条例》的运用和把握仍需进一步加强，政府信息公开的载体和形式有待丰富，政策解读方式不够多样。下步打算：一是通过多种形式开展《政府信息公开条例》学习培训，抓好贯彻落实。二是对我局出台的重要政策，按照政策文件与解读方案、解读材料同步起草、同步审批、同步发布要求，采取多种形式解读，及时做好政策解读工作。",
    ].join("\n"),
  },
  { no: "六", text: ["2022年未收取信息公开处理费用。"].join("\n") },
];

/** The reference report's model: agency 公安局, year 2022, its tables and the prose of its six sections. */
export function sampleReport(): AnnualReport {
  const applications: Record<string, ApplicationRow> = {};
  for (const key of APPLICATION_ROW_KEYS) applications[key] = [0, 0, 0, 0, 0, 0, 0];
  applications.new = [3, 0, 0, 0, 0, 0, 3];
  applications["denied.internalAffairs"] = [3, 0, 0, 0, 0, 0, 3];
  applications.totalProcessed = [3, 0, 0, 0, 0, 0, 3];
  const zeros = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  return {
    format: "2021",
    agency: "公安局",
    year: 2022,
    sections: SECTION_TITLES.map((s) => ({
      no: s.no,
      title: s.title,
      text: PROSE.find((p) => p.no === s.no)?.text ?? "",
    })),
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
      reconsideration: zeros(),
      litigationDirect: zeros(),
      litigationAfterReconsideration: zeros(),
    },
    findings: [],
  };
}
