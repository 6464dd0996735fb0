/**
 * 年度表三: table 三 of the annual report (2021 format, header rows merged as published) computed from the
 * cases of an agency and year; every non-zero count links to the list of the cases behind it.
 */
import "./requests-styles.css";
import { Alert, Empty, Space, Spin, Typography } from "antd";
import { type ReactNode, useCallback, useMemo } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { RequestTableAnswer } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { AgencyYearPicker, useAgencyYear } from "../shared/agency-year-picker.tsx";
import { currentYear } from "../shared/dates.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import { bodyRows, type GridCell, headerRows } from "./applications-grid.ts";
import { drillDownLabel, drillDownParam } from "./worklist-query.ts";

/** The table 三 row key of a body row (its counts carry it). */
function rowKeyOf(row: readonly GridCell[]): string {
  const count = row.find((cell) => cell.type === "count");
  return count?.type === "count" ? count.rowKey : "";
}

/** One cell of the grid as HTML. */
function Cell({
  cell,
  year,
  agencyId,
}: {
  readonly cell: GridCell;
  readonly year: number;
  readonly agencyId: number;
}): ReactNode {
  if (cell.type !== "count") {
    return (
      <th
        scope={cell.colSpan > 1 || cell.rowSpan === 1 ? "row" : "rowgroup"}
        rowSpan={cell.rowSpan}
        colSpan={cell.colSpan}
        className="table3-label"
      >
        {cell.text}
      </th>
    );
  }
  if (!cell.value) return <td className="table3-count table3-zero">{cell.value ?? "—"}</td>;
  const drill = { year, rowKey: cell.rowKey, column: cell.column };
  const path = `/requests?agencyId=${agencyId}&table=${encodeURIComponent(drillDownParam(drill))}`;
  return (
    <td className="table3-count">
      <a
        href={`${ADMIN_BASE}${path}`}
        title={`查看${drillDownLabel(drill)}的 ${cell.value} 件申请`}
        onClick={(event) => {
          event.preventDefault();
          navigate(path);
        }}
      >
        {cell.value}
      </a>
    </td>
  );
}

/** The table 三 page. */
export function AnnualTablePage(): ReactNode {
  usePageTitle("年度表三");
  const { choice, picker } = useAgencyYear("request.view", {
    defaultYear: currentYear() - 1,
    inAddress: true,
  });
  const { agencyId, year } = choice;
  const read = useCallback(
    () => apiRequest<RequestTableAnswer>("/api/requests/table", { query: { agencyId, year } }),
    [agencyId, year],
  );
  const table = useApiQuery(agencyId === undefined ? undefined : read);
  const { loading } = table;
  // A failed read shows no table rather than the previous agency's or year's.
  const data = table.error === null ? table.data : null;

  const body = useMemo(() => (data ? bodyRows(data.table) : []), [data]);
  const total = (key: string): number => data?.table[key]?.[6] ?? 0;
  const balanced = total("new") + total("carriedOver") === total("totalProcessed") + total("carriedForward");
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <AgencyYearPicker {...picker} idPrefix="table3" />
      <Typography.Paragraph type="secondary">
        按本系统登记的申请自动统计：本年收到的计入“一”，1 月 1
        日仍在办理的计入“二”，本年办结的按办理结果计入“三”中的一项，12 月 31
        日仍在办理的计入“四”。点击数字可查看对应的申请。
      </Typography.Paragraph>
      <Spin spinning={loading}>
        {data && agencyId !== undefined ? (
          <Space orientation="vertical" size="small" style={{ width: "100%" }}>
            <div className="table3-wrap">
              <table className="table3">
                <caption className="visually-hidden">{`${data.year} 年收到和处理政府信息公开申请情况`}</caption>
                <thead>
                  {headerRows().map((row) => (
                    <tr key={row.map((cell) => cell.text).join("|")}>
                      {row.map((cell) => (
                        <th key={cell.text} scope="col" rowSpan={cell.rowSpan} colSpan={cell.colSpan}>
                          {cell.text}
                        </th>
                      ))}
                    </tr>
                  ))}
                </thead>
                <tbody>
                  {body.map((row) => (
                    <tr key={rowKeyOf(row)}>
                      {row.map((cell) => (
                        <Cell
                          key={cell.type === "count" ? `${cell.rowKey}-${cell.column}` : cell.text}
                          cell={cell}
                          year={data.year}
                          agencyId={agencyId}
                        />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Alert
              type={balanced ? "success" : "error"}
              showIcon
              title={`勾稽关系（C-1）：一 + 二 = ${total("new")} + ${total("carriedOver")} = ${total("new") + total("carriedOver")}；三（七）+ 四 = ${total("totalProcessed")} + ${total("carriedForward")} = ${total("totalProcessed") + total("carriedForward")}${balanced ? "，相等" : "，不相等，请联系系统管理员"}`}
            />
          </Space>
        ) : (
          <Empty description="请选择机关和年度" />
        )}
      </Spin>
    </Space>
  );
}
