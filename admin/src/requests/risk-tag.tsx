/**
 * The due date of a case with its risk as a coloured tag (逾期 red, 3 个工作日内到期 orange) and 暂定 when
 * the period reaches a year whose holiday arrangement is not yet entered (R-WD-3).
 */
import { Tag, Tooltip } from "antd";
import type { ReactNode } from "react";
import type { DeadlineRisk } from "../api/request-types.ts";
import { riskTag } from "./request-format.ts";

/** Props of DueDate. */
export interface DueDateProps {
  readonly due: string | null;
  readonly provisional: boolean;
  readonly risk: DeadlineRisk;
  readonly workdaysLeft: number | null;
  readonly placeholder?: string;
}

/** "2024-10-31 [剩 2 个工作日] [暂定]". */
export function DueDate({
  due,
  provisional,
  risk,
  workdaysLeft,
  placeholder = "—",
}: DueDateProps): ReactNode {
  const tag = riskTag(risk, workdaysLeft);
  if (!due) return <span className="due-none">{placeholder}</span>;
  return (
    <span className="due-date">
      <span className="due-day">{due}</span>
      {provisional && (
        <Tooltip title="期限跨入尚未录入节假日安排的年份，暂按周一至周五计算；录入后自动重算（R-WD-3）">
          <Tag color="gold" tabIndex={0}>
            暂定
          </Tag>
        </Tooltip>
      )}
      {tag && <Tag color={tag.color}>{tag.text}</Tag>}
    </span>
  );
}
