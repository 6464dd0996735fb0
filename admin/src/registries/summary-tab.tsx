/**
 * 年度汇总（表二）: the year's table 二 counted from an agency's registers, each value opening the records
 * behind it, with the year's training and policy-interpretation counts.
 */
import { Space, Typography } from "antd";
import { type ReactNode, useCallback, useMemo } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { Table2Result } from "../api/report-types.ts";
import { proactivePath } from "../reports/cell-records.ts";
import { Table2 } from "../reports/report-tables.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";

/** Props of SummaryTab. */
export interface SummaryTabProps {
  readonly agencyId: number;
  readonly year: number;
  /** Changes when records changed: the summary is read again. */
  readonly stamp: number;
}

/** The year's summary (table 二) with the training and interpretation counts. */
export function SummaryTab({ agencyId, year, stamp }: SummaryTabProps): ReactNode {
  const read = useCallback(() => {
    void stamp;
    return apiRequest<Table2Result>("/api/registries/summary", { query: { agencyId, year } });
  }, [agencyId, year, stamp]);
  const query = useApiQuery(read, { quiet: true });
  // A failed read shows nothing rather than another year's summary.
  const summary = query.error === null ? query.data : null;
  const cells = useMemo(() => {
    if (!summary) return {};
    const kindOf = (path: string) =>
      path.startsWith("regulations") || path.startsWith("normative")
        ? "regulation"
        : path === "fees"
          ? "fee"
          : "decision";
    return Object.fromEntries(
      Object.entries(summary.records).map(([path, ids]) => [
        proactivePath(path),
        { kind: kindOf(path), ids },
      ]),
    );
  }, [summary]);
  if (!summary) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">
        {`${year} 年按登记数据统计的年度报告表二（第二十条第（一）（五）（六）（八）项），点击数字查看对应记录。`}
      </Typography.Paragraph>
      <Table2 proactive={summary.proactive} cells={cells} />
      <Typography.Text>{`培训 ${summary.training.sessions} 次、${summary.training.personTimes} 人次；政策解读 ${summary.interpretations.count} 件。`}</Typography.Text>
    </Space>
  );
}
