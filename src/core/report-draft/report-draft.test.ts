import { describe, expect, it } from "vitest";
import { referenceReport } from "../checks/reference-report.test-helper.ts";
import { runChecks } from "../checks/run-checks.ts";
import { assembleReport, PROSE_SECTIONS } from "./report-assembly.ts";
import { type ReportFigures, reportValues } from "./report-figures.ts";
import { renderReportTemplate } from "./report-template.ts";
import { SECTION_TEMPLATES } from "./section-templates.ts";

/** The figures of the reference report (reports/000_eb2e885bc49513d4.txt, a city public-security bureau, 2022). */
const SAMPLE_FIGURES: ReportFigures = {
  agencyName: "示范区公安局",
  year: 2022,
  releases: 409,
  periodic: [{ name: "周警情播报", issues: 52 }],
  decisionsPublished: 6410,
  channels: [
    { kind: "wechat", name: "平安济源", posts: 802, responses: 0 },
    { kind: "weibo", name: "平安济源", posts: 915, responses: 42 },
    { kind: "toutiao", name: "平安济源", posts: 910, responses: 0 },
    { kind: "wechat", name: "济源交警", posts: 212, responses: 0 },
  ],
  messagesReplied: 34,
  requests: { received: 3, carriedOver: 0, processed: 3, carriedForward: 0, late: 0 },
  rules: { regulationsIssued: 0, normativeIssued: 0, normativeAbolished: 0, normativeValid: 1 },
  decisions: { licensing: 641, penalty: 1578, enforcement: 536 },
  feesWanYuan: "1014.5589",
  review: { reconsiderations: 0, litigations: 0, corrected: 0 },
  training: { sessions: 0, personTimes: 120 },
  processingFeeYuan: "0",
  breaches: [],
};

/** The prose of the three sections drafted from the default templates. */
function drafted(figures: ReportFigures) {
  const values = reportValues(figures);
  const out = {} as Record<(typeof PROSE_SECTIONS)[number], string>;
  for (const no of PROSE_SECTIONS) {
    const result = renderReportTemplate(SECTION_TEMPLATES[no], values);
    expect(result.problems, `第${no}部分`).toEqual([]);
    out[no] = result.text;
  }
  return out;
}

describe("report drafting", () => {
  it("fills every figure of the sample's section 一 into the drafted prose", () => {
    const prose = drafted(SAMPLE_FIGURES);
    for (const figure of [
      "409",
      "周警情播报52期",
      "6410",
      "802",
      "915",
      "910",
      "微博回应关注42件",
      "212",
      "34",
      "120人次",
    ]) {
      expect(prose.一).toContain(figure);
    }
    expect(prose.一).toContain("全部申请均在法定期限内答复");
    expect(prose.一).toContain("1014.5589万元");
    expect(prose.六).toContain("未收取政府信息公开信息处理费");
    expect(prose.一).not.toContain("{{");
  });

  it("C-9 C-10 C-11 the assembled report with the drafted prose and the sample's tables passes every check", () => {
    const sample = referenceReport();
    const report = assembleReport({
      agencyName: "示范区公安局",
      year: 2022,
      proactive: sample.proactive,
      applications: sample.applications,
      review: sample.review,
      prose: drafted(SAMPLE_FIGURES),
    });
    expect(report.sections.map((s) => s.no)).toEqual(["一", "二", "三", "四", "五", "六"]);
    expect(runChecks(report, { agencyKind: "department", publishedOn: "2023-01-20" })).toEqual([]);
  });

  it("C-9 a prose number edited away from the records is found; C-10 a section 六 without the fee statement too", () => {
    const sample = referenceReport();
    const prose = drafted(SAMPLE_FIGURES);
    const report = assembleReport({
      agencyName: "示范区公安局",
      year: 2022,
      proactive: sample.proactive,
      applications: sample.applications,
      review: sample.review,
      prose: { ...prose, 一: prose.一.replace("行政许可决定641件", "行政许可决定640件"), 六: "无。" },
    });
    expect(runChecks(report, { agencyKind: "department" }).map((f) => f.rule)).toEqual(["C-9", "C-10"]);
  });

  it("states the late replies, the corrected cases and the processing fee when there are any", () => {
    const prose = drafted({
      ...SAMPLE_FIGURES,
      requests: { ...SAMPLE_FIGURES.requests, late: 1 },
      review: { reconsiderations: 2, litigations: 1, corrected: 1 },
      training: { sessions: 3, personTimes: 120 },
      processingFeeYuan: "300",
    });
    expect(prose.一).toContain("其中1件超过法定期限答复");
    expect(prose.一).toContain("被申请行政复议2件、提起行政诉讼1件，被纠错1件");
    expect(prose.一).toContain("3场、120人次");
    expect(prose.六).toContain("收取信息处理费300元");
  });
});
