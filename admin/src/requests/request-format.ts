/**
 * How the request pages put dates, risks and sizes into words for busy staff: a due date always comes with
 * how many working days are left, provisional dates (R-WD-3) are marked 暂定.
 */
import type { DeadlineRisk } from "../api/request-types.ts";

/** A coloured tag: antd colour and text. */
export interface TagSpec {
  readonly color: string;
  readonly text: string;
}

/** The risk tag of a case (null once closed or without a running clock). */
export function riskTag(risk: DeadlineRisk, workdaysLeft: number | null): TagSpec | null {
  if (risk === null) return null;
  if (risk === "overdue") {
    const late = workdaysLeft === null ? null : Math.abs(workdaysLeft);
    return { color: "red", text: late ? `已逾期 ${late} 个工作日` : "已逾期" };
  }
  const left = workdaysLeft === null ? "" : workdaysLeft === 0 ? "今日到期" : `剩 ${workdaysLeft} 个工作日`;
  if (risk === "due_soon") return { color: "orange", text: left || "3 个工作日内到期" };
  return { color: "green", text: left || "期限内" };
}

/** The due date as shown: "2024-10-31", with "（暂定）" when provisional; a dash without one. */
export function dueText(due: string | null, provisional: boolean): string {
  if (!due) return "—";
  return provisional ? `${due}（暂定）` : due;
}

/** Why there is no due date for a case that is not closed. */
export function noDueReason(status: string): string {
  if (status === "supplement_requested") return "等待申请人补正，补正后重新计算";
  if (status === "fee_notified") return "等待缴费，缴费期间不计入答复期限";
  if (status === "closed") return "已办结";
  return "尚未开始计算";
}

/** A file size in words: "820 字节", "12.5 KB", "3.2 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
