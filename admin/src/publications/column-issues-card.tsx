/**
 * The issues of a periodic column in a year: how many were published against what its cadence expects,
 * the latest, and whether the column is overdue.
 */
import { Button, Card, Select, Space, Table, Tag } from "antd";
import { type ReactNode, useCallback, useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { CatalogColumn, ColumnIssues } from "../api/publication-types.ts";
import { currentYear, yearOptions } from "../shared/dates.ts";
import { useApiQuery } from "../shared/use-api-query.ts";

/** The issues of a periodic column in a year. */
export function ColumnIssuesCard({
  column,
  onClose,
}: {
  readonly column: CatalogColumn;
  readonly onClose: () => void;
}): ReactNode {
  const [year, setYear] = useState(currentYear);
  const read = useCallback(
    () => apiRequest<ColumnIssues>(`/api/columns/${column.id}/issues`, { query: { year } }),
    [column.id, year],
  );
  const { data: answer } = useApiQuery(read);
  return (
    <Card
      size="small"
      title={`“${column.name}”${year} 年各期`}
      extra={
        <Space>
          <Select
            aria-label="年度"
            options={yearOptions()}
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
          />
          <Button size="small" onClick={onClose}>
            关闭
          </Button>
        </Space>
      }
    >
      {answer && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <span>
              已发布 {answer.issues.length} 期
              {answer.expectedPerYear !== null && `，按周期应有 ${answer.expectedPerYear} 期`}
            </span>
            <span>最近一期：{answer.lastPublishedOn ?? "无"}</span>
            {answer.overdue && <Tag color="red">已超过更新周期</Tag>}
          </Space>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={[...answer.issues]}
            locale={{ emptyText: "本年度尚无发布" }}
            columns={[
              { title: "期号", dataIndex: "issueNo", width: 80, render: (n: number | null) => n ?? "—" },
              { title: "名称", dataIndex: "title" },
              { title: "发布日期", dataIndex: "publishedOn", width: 110 },
              { title: "索引号", dataIndex: "indexNo", width: 260 },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
