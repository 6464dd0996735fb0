import { describe, expect, it } from "vitest";
import { OUTCOMES } from "../request/outcomes.ts";
import { builtInTemplate } from "./default-templates.ts";
import type { PlaceholderValues } from "./letter-placeholders.ts";
import { renderTemplate } from "./template-renderer.ts";

/** The values of a typical request (the date of issue included). */
const VALUES: PlaceholderValues = {
  applicantName: "张三",
  trackingNo: "YSQ2022000100012",
  receivedOn: "2022年9月28日",
  description: "2021年度本市老旧小区改造项目清单",
  provisionForm: "电子",
  deliveryMethod: "电子邮件",
  agencyName: "示范市住房和城乡建设局",
  officeName: "示范市住房和城乡建设局办公室",
  officePhone: "0531-12345678",
  officeAddress: "示范市政务路1号",
  reason: "该部分内容涉及个人隐私",
  supplementRequestedOn: "2022年9月30日",
  supplementBy: "2022年10月20日",
  feeNoticeOn: "2022年10月10日",
  date: "2022年10月26日",
};

/** Every article of the 条例 a text cites, in order. */
function citedArticles(text: string): string[] {
  return [
    ...text.matchAll(/第[一二三四五六七八九十]+条(?:第[一二]款)?(?:第(?:（[一二三四五六七八九十]+）)+项)?/g),
  ].map((m) => m[0]);
}

/** The expected citation of each outcome's reply (rules.md §4, 条例第十四条至第三十九条). */
const CASES: readonly { outcome: string; articles: string[]; also?: string }[] = [
  { outcome: "O-1", articles: ["第三十六条第（一）（二）项"] },
  { outcome: "O-2", articles: ["第三十七条"] },
  { outcome: "O-3.1", articles: ["第十四条"], also: "国家秘密" },
  { outcome: "O-3.2", articles: ["第十四条"], also: "法律、行政法规禁止公开" },
  { outcome: "O-3.3", articles: ["第十四条"], also: "国家安全、公共安全、经济安全、社会稳定" },
  { outcome: "O-3.4", articles: ["第十五条"], also: "商业秘密、个人隐私" },
  { outcome: "O-3.5", articles: ["第十六条第一款"], also: "内部事务信息" },
  { outcome: "O-3.6", articles: ["第十六条第二款"], also: "过程性信息" },
  { outcome: "O-3.7", articles: ["第十六条第二款"], also: "行政执法案卷" },
  { outcome: "O-3.8", articles: ["第三十六条第（七）项"], also: "不动产登记" },
  { outcome: "O-4.1", articles: ["第三十六条第（四）（五）项"] },
  { outcome: "O-4.2", articles: ["第三十八条"], also: "加工、分析" },
  { outcome: "O-4.3", articles: ["第三十条"], also: "补正后的申请内容仍不明确" },
  { outcome: "O-5.1", articles: ["第三十九条第一款"], also: "信访、投诉、举报" },
  { outcome: "O-5.2", articles: ["第三十六条第（六）项"], also: "不予重复处理" },
  { outcome: "O-5.3", articles: ["第三十九条第二款"], also: "公开出版物" },
  { outcome: "O-5.4", articles: ["第三十五条"], also: "数量、频次明显超过合理范围" },
  { outcome: "O-5.5", articles: [], also: "确认或者重新出具" },
  { outcome: "O-6.1", articles: ["第三十条"], also: "视为您放弃申请" },
  { outcome: "O-6.2", articles: [], also: "国办函〔2020〕109号" },
  { outcome: "O-6.3", articles: [], also: "终止处理" },
];

/** The reply of an outcome, rendered with VALUES. */
function reply(outcome: string, values: PlaceholderValues = VALUES): string {
  const template = builtInTemplate("reply", outcome);
  if (!template) throw new Error(`no reply template for ${outcome}`);
  const rendered = renderTemplate(template.body, values);
  expect(rendered.unknown).toEqual([]);
  expect(rendered.errors).toEqual([]);
  return rendered.text;
}

describe("default replies (答复书)", () => {
  it("cover every outcome O-1 … O-6.3 of rules.md §4", () => {
    expect(CASES.map((c) => c.outcome)).toEqual(OUTCOMES.map((o) => o.id));
  });

  it.each(CASES)("$outcome reply cites 条例 $articles", ({ outcome, articles, also }) => {
    const text = reply(outcome);
    expect(citedArticles(text)).toEqual(articles);
    for (const article of articles)
      expect(text).toContain(`《中华人民共和国政府信息公开条例》${article}的规定`);
    if (also) expect(text).toContain(also);
    expect(text.startsWith("张三：\n")).toBe(true);
    expect(text).toContain("本机关于2022年9月28日收到您提出的政府信息公开申请（申请编号：YSQ2022000100012）");
    expect(text).toContain("“2021年度本市老旧小区改造项目清单”");
    expect(text).toContain("示范市住房和城乡建设局\n2022年10月26日\n");
    expect(text).toContain("联系电话：0531-12345678");
  });

  it.each(CASES.filter((c) => c.outcome !== "O-1" && c.outcome !== "O-6.3"))(
    "$outcome reply refuses in whole or in part and states 行政复议 within 60 days and 行政诉讼 within 6 months",
    ({ outcome }) => {
      const text = reply(outcome);
      expect(text).toContain("六十日内依法申请行政复议");
      expect(text).toContain("六个月内依法向人民法院提起行政诉讼");
    },
  );

  it("O-1 and O-6.3 replies state no remedies (nothing is refused)", () => {
    for (const outcome of ["O-1", "O-6.3"]) expect(reply(outcome)).not.toContain("行政复议");
  });

  it("O-4.1 names the responsible agency and its contact when known (第三十六条第（五）项)", () => {
    const known = reply("O-4.1", {
      ...VALUES,
      responsibleAgency: "示范市自然资源和规划局",
      responsibleAgencyContact: "0531-87654321",
    });
    expect(known).toContain(
      "负责公开该政府信息的行政机关为示范市自然资源和规划局（联系方式：0531-87654321），请您向该机关咨询或者提出申请。",
    );
    expect(known).not.toContain("无法确定");
    const unknown = reply("O-4.1");
    expect(unknown).toContain("本机关亦无法确定负责公开该信息的行政机关");
    expect(unknown).not.toContain("负责公开该政府信息的行政机关为");
  });

  it("O-2 states the reason for the withheld part (第三十七条 说明理由)", () => {
    expect(reply("O-2")).toContain("对不予公开的内容，理由如下：该部分内容涉及个人隐私。");
    const without = renderTemplate(builtInTemplate("reply", "O-2")?.body ?? "", { ...VALUES, reason: "" });
    expect(without.missing).toEqual(["reason"]);
  });

  it("has no reply without an outcome, nor for an unknown outcome", () => {
    expect(builtInTemplate("reply", null)).toBeUndefined();
    expect(builtInTemplate("reply", "O-9")).toBeUndefined();
  });
});
