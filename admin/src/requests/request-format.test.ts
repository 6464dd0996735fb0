import { describe, expect, it } from "vitest";
import { instantText, todayInShanghai } from "../shared/dates.ts";
import { dueText, riskTag, sizeText } from "./request-format.ts";

describe("risk tags", () => {
  it("shows overdue cases in red with the working days they are late", () => {
    expect(riskTag("overdue", -3)).toEqual({ color: "red", text: "已逾期 3 个工作日" });
    expect(riskTag("overdue", 0)).toEqual({ color: "red", text: "已逾期" });
  });

  it("shows cases due within 3 working days in orange, today's as 今日到期", () => {
    expect(riskTag("due_soon", 2)).toEqual({ color: "orange", text: "剩 2 个工作日" });
    expect(riskTag("due_soon", 0)).toEqual({ color: "orange", text: "今日到期" });
  });

  it("shows the others in green and closed cases without a tag", () => {
    expect(riskTag("ok", 12)).toEqual({ color: "green", text: "剩 12 个工作日" });
    expect(riskTag(null, null)).toBeNull();
  });
});

describe("dates and sizes", () => {
  it("R-WD-3 marks a provisional due date 暂定", () => {
    expect(dueText("2027-01-20", true)).toBe("2027-01-20（暂定）");
    expect(dueText("2024-10-31", false)).toBe("2024-10-31");
    expect(dueText(null, false)).toBe("—");
  });

  it("gives instants in Beijing time and today in Asia/Shanghai", () => {
    expect(instantText("2024-03-01T17:30:00.000Z")).toBe("2024-03-02 01:30");
    expect(todayInShanghai(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01-01");
    expect(todayInShanghai(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
  });

  it("gives file sizes in bytes, KB and MB", () => {
    expect(sizeText(820)).toBe("820 字节");
    expect(sizeText(12_800)).toBe("12.5 KB");
    expect(sizeText(3_355_443)).toBe("3.2 MB");
  });
});
