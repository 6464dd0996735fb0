import { describe, expect, it } from "vitest";
import { importedOutcome, refusedOutcome } from "./import-report.ts";

describe("decision import outcome", () => {
  it("counts the imported rows", () => {
    expect(importedOutcome({ imported: 3 })).toEqual({ kind: "imported", message: "已导入 3 条行政决定" });
  });

  it("lists every rejected row by row number and says nothing was imported", () => {
    const outcome = refusedOutcome("导入文件有错误", {
      code: "IMPORT_REJECTED",
      problems: [
        { row: 5, column: "决定日期", message: "日期格式应为 YYYY-MM-DD" },
        { row: 3, column: "决定书文号", message: "文号重复" },
        { row: 5, column: "证件号码", message: "身份证号码校验位不正确" },
      ],
    });
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind !== "rejected") return;
    expect(outcome.problems.map((p) => p.row)).toEqual([3, 5, 5]);
    expect(outcome.message).toContain("2 行");
    expect(outcome.message).toContain("全部未导入");
  });

  it("a refusal without rows (an unreadable file) keeps the server's message", () => {
    expect(refusedOutcome("无法读取该文件", { code: "UNREADABLE_IMPORT" })).toEqual({
      kind: "failed",
      message: "无法读取该文件",
    });
  });
});
