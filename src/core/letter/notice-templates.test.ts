import { describe, expect, it } from "vitest";
import { builtInTemplate, templateSlots } from "./default-templates.ts";
import { LETTER_KIND_KEYS, type LetterKind } from "./letter-kinds.ts";
import { isPlaceholderName, type PlaceholderValues } from "./letter-placeholders.ts";
import { placeholdersOf, renderTemplate } from "./template-renderer.ts";

const VALUES: PlaceholderValues = {
  applicantName: "示范科技有限公司",
  trackingNo: "YSQ2022000100012",
  receivedOn: "2022年9月28日",
  description: "某项目环境影响评价报告",
  agencyName: "示范市生态环境局",
  officePhone: "0531-12345678",
  supplementItems: "所需信息的文件名称或者文号",
  supplementBy: "2022年10月20日",
  extensionWorkdays: "20",
  extensionReason: "所申请的信息数量较多，需要调档查阅",
  dueOn: "2022年11月28日",
  consultee: "示范化工有限公司",
  feeMethod: "按量计收",
  feeQuantity: "150页",
  feeStandard: "按量计收，30页以下（含30页）的，不收费",
  feeAmount: "1700",
  date: "2022年10月10日",
};

/** The notice of a kind (any outcome), rendered with VALUES; every placeholder filled. */
function notice(kind: LetterKind, outcome: string | null = null): string {
  const template = builtInTemplate(kind, outcome);
  if (!template) throw new Error(`no template for ${kind}`);
  const rendered = renderTemplate(template.body, VALUES);
  expect(rendered.unknown).toEqual([]);
  expect(rendered.missing).toEqual([]);
  expect(rendered.errors).toEqual([]);
  return rendered.text;
}

describe("default notices", () => {
  it("R-30-1 补正告知书 cites 第三十条, tells once what to supplement and by when, and that the clock restarts", () => {
    const text = notice("supplement_notice");
    expect(text).toContain("《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您");
    expect(text).toContain("所需信息的文件名称或者文号");
    expect(text).toContain("于2022年10月20日前将补正后的申请提交本机关");
    expect(text).toContain("答复期限自本机关收到补正的申请之日起计算");
    expect(text).toContain("视为放弃申请");
    expect(builtInTemplate("supplement_notice", null)?.title).toBe("政府信息公开申请补正告知书");
  });

  it("R-33-2 延期答复告知书 cites 第三十三条第二款, the office head's approval and the new due date", () => {
    const text = notice("extension_notice");
    expect(text).toContain(
      "第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日",
    );
    expect(text).toContain("本机关将于2022年11月28日前向您作出答复");
  });

  it("R-32-1 第三方征求意见函 cites 第三十二条, gives 15 个工作日 and never names the applicant", () => {
    const text = notice("third_party_consultation");
    expect(text.startsWith("示范化工有限公司：\n")).toBe(true);
    expect(text).toContain("第三十二条的规定，现书面征求贵方意见");
    expect(text).toContain("自收到本函之日起15个工作日内");
    expect(text).not.toContain("示范科技有限公司");
  });

  it("R-34-1 其他机关征求意见函 cites 第三十四条: 15 个工作日, silence counts as consent", () => {
    const text = notice("agency_consultation");
    expect(text).toContain("第三十四条的规定，现征求贵机关意见");
    expect(text).toContain("15个工作日内");
    expect(text).toContain("逾期未提出意见的，视为同意公开");
    expect(text).not.toContain("示范科技有限公司");
  });

  it("R-FEE-3 收费通知 states basis (第四十二条, 国办函〔2020〕109号), standard, amount and 20 working days to pay", () => {
    const text = notice("fee_notice");
    expect(text).toContain(
      "收费依据：《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    );
    expect(text).toContain("收费标准：按量计收，30页以下（含30页）的，不收费。");
    expect(text).toContain("计费数量150页，应缴纳信息处理费1700元");
    expect(text).toContain("自收到本通知之日起20个工作日内缴纳");
    expect(text).toContain("视为放弃申请");
  });

  it.each([
    { outcome: "O-5.1", article: "第三十九条第一款" },
    { outcome: "O-5.2", article: "第三十六条第（六）项" },
    { outcome: "O-5.3", article: "第三十九条第二款" },
    { outcome: "O-5.4", article: "第三十五条" },
  ])("$outcome 不予处理告知书 cites $article and states the remedies", ({ outcome, article }) => {
    const text = notice("not_processed_notice", outcome);
    expect(text).toContain(`《中华人民共和国政府信息公开条例》${article}的规定`);
    expect(text).toContain("自收到本告知书之日起六十日内依法申请行政复议");
    expect(builtInTemplate("not_processed_notice", outcome)?.title).toBe("政府信息公开申请不予处理告知书");
  });

  it("has a 不予处理告知书 only for the 不予处理 outcomes O-5.x", () => {
    expect(builtInTemplate("not_processed_notice", "O-3.1")).toBeUndefined();
    expect(builtInTemplate("not_processed_notice", null)).toBeUndefined();
  });

  it("every built-in template uses known placeholders only and ends with the 落款 and contact line", () => {
    const slots = templateSlots(LETTER_KIND_KEYS);
    expect(slots).toHaveLength(5 + 21 + 5);
    for (const slot of slots) {
      const template = builtInTemplate(slot.kind, slot.outcome);
      expect(template, `${slot.kind} ${slot.outcome}`).toBeDefined();
      const names = placeholdersOf(template?.body ?? "");
      expect(names.filter((n) => !isPlaceholderName(n))).toEqual([]);
      expect(template?.body).toContain("{{agencyName}}\n{{date}}\n（联系单位：");
    }
  });
});
