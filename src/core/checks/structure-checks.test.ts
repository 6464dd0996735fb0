import { describe, expect, it } from "vitest";
import { referenceReport, withSections } from "./reference-report.test-helper.ts";
import { checkSectionHeadings } from "./structure-checks.ts";

const ref = referenceReport();
const [s1, s2, s3, s4, s5, s6] = ref.sections;
const sections = (...list: (typeof s1)[]) =>
  withSections(
    ref,
    list.filter((s) => s !== undefined),
  );

describe("section headings (C-11)", () => {
  it("C-11 accepts the six headings in order with their numerals", () => {
    expect(checkSectionHeadings(ref, {})).toEqual([]);
  });

  it("C-11 reports each missing section", () => {
    const findings = checkSectionHeadings(sections(s1, s2, s3, s5, s6), {});
    expect(findings.map((f) => [f.rule, f.where, f.expected, f.actual])).toEqual([
      [
        "C-11",
        "第四部分「政府信息公开行政复议、行政诉讼情况」",
        "四、政府信息公开行政复议、行政诉讼情况",
        null,
      ],
    ]);
  });

  it("C-11 reports a section out of order", () => {
    const findings = checkSectionHeadings(sections(s1, s3, s2, s4, s5, s6), {});
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      "第二部分「主动公开政府信息情况」顺序错误：排在第三部分「收到和处理政府信息公开申请情况」之后，应按一至六的顺序排列",
    );
  });

  it("C-11 reports each wrong or missing numeral (expected 五, actual 四)", () => {
    const renumbered = sections(
      s1,
      s2,
      s3,
      { ...(s5 ?? { title: "", text: "" }), no: "四" },
      { ...(s6 ?? { title: "", text: "" }), no: "" },
    );
    const findings = checkSectionHeadings(renumbered, {});
    expect(findings.map((f) => [f.where, f.expected, f.actual])).toEqual([
      ["第四部分「政府信息公开行政复议、行政诉讼情况」", "四、政府信息公开行政复议、行政诉讼情况", null],
      ["第五部分「存在的主要问题及改进情况」", "五", "四"],
      ["第六部分「其他需要报告的事项」", "六", ""],
    ]);
  });

  it("C-11 recognises variant titles and reports a repeated heading", () => {
    const variant = sections(
      s1,
      s2,
      s3,
      { no: "四", title: "政府信息公开行政法复议、行政诉讼情况", text: "" },
      {
        no: "五",
        title: "存在的主要问题及整改措施",
        text: "",
      },
      s6,
    );
    expect(checkSectionHeadings(variant, {})).toEqual([]);
    const repeated = checkSectionHeadings(sections(s1, s2, s3, s4, s5, s6, s2), {});
    expect(repeated.map((f) => f.where)).toEqual(["第二部分「主动公开政府信息情况」（重复）"]);
  });
});
