/**
 * 年报汇总 (上级监督): the year's reports of every agency in reach — published or not, the current version
 * and its date, the count of errors and warnings — and the aggregate of their tables 三, 二 and 四.
 */
import "./reports-styles.css";
import { Card, Select, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useCallback, useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { OverviewLine, ReportOverview } from "../api/report-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { currentYear, FIRST_REGULATION_YEAR, yearRange } from "../shared/dates.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import { Table3, Table4 } from "./report-tables.tsx";

/** The overview page. */
export function ReportOverviewPage(): ReactNode {
  usePageTitle("年报汇总");
  const current = currentYear();
  const [year, setYear] = useState(current - 1);
  const read = useCallback(
    () => apiRequest<ReportOverview>("/api/reports/overview", { query: { year } }),
    [year],
  );
  const { data: overview, loading } = useApiQuery(read);
  const years = yearRange(FIRST_REGULATION_YEAR, current);
  const published = overview?.agencies.filter((a) => a.published !== null).length ?? 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space>
        <label htmlFor="overview-year">年度：</label>
        <Select id="overview-year" value={year} options={years} onChange={setYear} style={{ width: 110 }} />
        {overview ? (
          <Typography.Text>{`共 ${overview.agencies.length} 个机关，已发布 ${published} 个`}</Typography.Text>
        ) : null}
      </Space>
      <Table<OverviewLine>
        rowKey="agencyId"
        size="small"
        loading={loading}
        dataSource={overview ? [...overview.agencies] : []}
        pagination={false}
        columns={[
          {
            title: "机关",
            dataIndex: "agencyName",
            render: (name: string, line: OverviewLine) => {
              const path = `/reports?agencyId=${line.agencyId}&year=${year}`;
              return (
                <a
                  href={`${ADMIN_BASE}${path}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(path);
                  }}
                >
                  {name}
                </a>
              );
            },
          },
          {
            title: "状态",
            key: "published",
            render: (_: unknown, line: OverviewLine) =>
              line.published ? <Tag color="green">已发布</Tag> : <Tag>未发布</Tag>,
          },
          {
            title: "版本",
            key: "version",
            render: (_: unknown, l: OverviewLine) => l.published?.version ?? "—",
          },
          {
            title: "发布日期",
            key: "on",
            render: (_: unknown, l: OverviewLine) => l.published?.publishedOn ?? "—",
          },
          {
            title: "错误",
            dataIndex: "errors",
            align: "right",
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
          },
          {
            title: "提示",
            dataIndex: "warnings",
            align: "right",
            render: (n: number) => (n > 0 ? <Tag color="gold">{n}</Tag> : 0),
          },
        ]}
      />
      {overview ? (
        <>
          <Card size="small" title="表二汇总（第二十条第（五）（六）（八）项）">
            <div className="report-table-wrap">
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">行政许可</th>
                    <th scope="col">行政处罚</th>
                    <th scope="col">行政强制</th>
                    <th scope="col">行政事业性收费（万元）</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td className="report-count">{overview.aggregate.licensing}</td>
                    <td className="report-count">{overview.aggregate.penalty}</td>
                    <td className="report-count">{overview.aggregate.enforcement}</td>
                    <td className="report-count">{overview.aggregate.fees}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </Card>
          <Card size="small" title="表三汇总">
            <Table3 applications={overview.aggregate.applications} cells={null} />
          </Card>
          <Card size="small" title="表四汇总">
            <Table4 review={overview.aggregate.review} cells={null} />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
