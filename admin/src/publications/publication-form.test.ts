import { describe, expect, it } from "vitest";
import { changedContent, contentOfForm, emptyPublicationForm, formProblem } from "./publication-form.ts";

describe("item editor body", () => {
  const filled = { ...emptyPublicationForm("2024-05-06", 9), title: "  关于开展安全检查的通知 " };

  it("sends trimmed text, blanks as null for dates, categories and issue numbers", () => {
    expect(contentOfForm({ ...filled, documentNo: " 示公〔2024〕3号 " })).toEqual({
      columnId: 9,
      title: "关于开展安全检查的通知",
      summary: "",
      publisher: "",
      writtenOn: null,
      formedOn: "2024-05-06",
      documentNo: "示公〔2024〕3号",
      topic: "",
      genre: "",
      categoryItem: null,
      bodyHtml: "",
      issueNo: null,
    });
    expect(contentOfForm({ ...filled, issueNo: "12", categoryItem: "（六）" })).toMatchObject({
      issueNo: 12,
      categoryItem: "（六）",
    });
  });

  it("names the first problem before anything is sent", () => {
    expect(formProblem(emptyPublicationForm("2024-05-06"))).toBe("请选择栏目");
    expect(formProblem({ ...filled, title: " " })).toBe("请填写名称");
    expect(formProblem({ ...filled, formedOn: "" })).toContain("形成日期");
    expect(formProblem({ ...filled, writtenOn: "2024/5/6" })).toContain("成文日期");
    expect(formProblem({ ...filled, issueNo: "0" })).toBe("期号应为正整数");
    expect(formProblem(filled)).toBeNull();
  });

  it("patches only the fields that changed", () => {
    const before = contentOfForm(filled);
    expect(changedContent(before, { ...before, summary: "概述" })).toEqual({ summary: "概述" });
    expect(changedContent(before, before)).toEqual({});
  });
});
