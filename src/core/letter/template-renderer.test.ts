import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chineseDate } from "./letter-placeholders.ts";
import { placeholdersOf, renderTemplate } from "./template-renderer.ts";

describe("renderTemplate", () => {
  it("fills placeholders, tolerating spaces inside the braces", () => {
    const r = renderTemplate("{{applicantName}}：本机关于{{ receivedOn }}收到申请。", {
      applicantName: "李四",
      receivedOn: "2022年9月28日",
    });
    expect(r).toEqual({
      text: "李四：本机关于2022年9月28日收到申请。",
      unknown: [],
      missing: [],
      errors: [],
    });
  });

  it("reports unknown placeholders and leaves them as written", () => {
    const r = renderTemplate("{{applicantName}}，{{applicantNmae}}，{{ 姓名 }}", { applicantName: "李四" });
    expect(r.text).toBe("李四，{{applicantNmae}}，{{ 姓名 }}");
    expect(r.unknown).toEqual(["applicantNmae", "姓名"]);
  });

  it("reports known placeholders without a value (missing or blank) and leaves them in the text", () => {
    const r = renderTemplate("金额{{feeAmount}}元，{{reason}}", { reason: "  " });
    expect(r.text).toBe("金额{{feeAmount}}元，{{reason}}");
    expect(r.missing).toEqual(["feeAmount", "reason"]);
  });

  it("keeps a section only when its value is present, an inverted section only when absent", () => {
    const template =
      "{{#responsibleAgency}}为{{responsibleAgency}}。{{/responsibleAgency}}{{^responsibleAgency}}无法确定。{{/responsibleAgency}}";
    expect(renderTemplate(template, { responsibleAgency: "某局" }).text).toBe("为某局。");
    const absent = renderTemplate(template, {});
    expect(absent.text).toBe("无法确定。");
    expect(absent.missing).toEqual([]);
  });

  it("reports unbalanced and mismatched sections", () => {
    expect(renderTemplate("{{#reason}}理由", {}).errors).toEqual(["段落标记 {{#reason}} 没有结束标记"]);
    expect(renderTemplate("理由{{/reason}}", {}).errors).toEqual(["结束标记 {{/reason}} 没有对应的开始标记"]);
  });

  it("splits braces in inserted values so typed text never reads as a placeholder", () => {
    const r = renderTemplate("“{{description}}”", { description: "关于{{officePhone}}的文件" });
    expect(r.text).toBe("“关于{ {officePhone} }的文件”");
    expect(placeholdersOf(r.text)).toEqual([]);
  });

  it("is the identity on text without braces (property)", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("{{") && !s.includes("}}")),
        (s) => {
          expect(renderTemplate(s, {}).text).toBe(s);
        },
      ),
    );
  });

  it("fills another document's vocabulary when told which names it knows", () => {
    const r = renderTemplate("{{year}}年，{{applicantName}}", { year: "2022" }, (name) => name === "year");
    expect(r).toEqual({
      text: "2022年，{{applicantName}}",
      unknown: ["applicantName"],
      missing: [],
      errors: [],
    });
  });

  it("lists the placeholders a template uses, once each", () => {
    expect(placeholdersOf("{{a}}{{#b}}{{a}}{{/b}}")).toEqual(["a", "b"]);
  });
});

describe("chineseDate", () => {
  it("writes 2022-09-28 as 2022年9月28日", () => {
    expect(chineseDate("2022-09-28")).toBe("2022年9月28日");
    expect(chineseDate("2023-10-01")).toBe("2023年10月1日");
  });
});
