/**
 * 栏目: an agency's column tree (the four first-level columns of the 政府信息公开 column and their
 * sub-columns), adding, renaming and removing sub-columns, the cadence of periodic columns, and a periodic
 * column's issues of the year against what its cadence expects.
 */
import { PlusOutlined } from "@ant-design/icons";
import type { TableColumnsType } from "antd";
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { CatalogColumn, ColumnIssues } from "../api/publication-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { yearOptions } from "../requests/agency-year-picker.tsx";
import { todayInShanghai } from "../requests/request-format.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect, useAgenciesWhere } from "./agency-choice.tsx";
import { CADENCE_OPTIONS, type ColumnEdit, ColumnModal } from "./column-modal.tsx";
import { type ColumnNode, columnForest } from "./column-tree.ts";
import { mayIn } from "./publication-labels.ts";
import { useColumns } from "./use-columns.ts";

/** The issues of a periodic column in a year. */
function IssuesCard({
  column,
  onClose,
}: {
  readonly column: CatalogColumn;
  readonly onClose: () => void;
}): ReactNode {
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(todayInShanghai().slice(0, 4)));
  const [answer, setAnswer] = useState<ColumnIssues | null>(null);
  useEffect(() => {
    apiRequest<ColumnIssues>(`/api/columns/${column.id}/issues`, { query: { year } })
      .then(setAnswer)
      .catch((error: unknown) => message.error(messageOf(error)));
  }, [column.id, year, message]);
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

/** The columns page. */
export function ColumnsPage(): ReactNode {
  usePageTitle("栏目");
  const me = useUser();
  const { message } = App.useApp();
  const { agencies, allowed, first } = useAgenciesWhere("publication.view");
  const [agencyId, setAgencyId] = useState<number | undefined>();
  useEffect(() => {
    if (agencyId === undefined && first !== undefined) setAgencyId(first);
  }, [agencyId, first]);
  const { columns, loading, reload } = useColumns(agencyId);
  const forest = useMemo(() => columnForest(columns), [columns]);
  const [edit, setEdit] = useState<ColumnEdit | null>(null);
  const [issuesOf, setIssuesOf] = useState<CatalogColumn | null>(null);
  const mayEdit = agencyId !== undefined && mayIn(me, "publication.edit", agencyId);

  const remove = async (column: CatalogColumn): Promise<void> => {
    try {
      await apiRequest(`/api/columns/${column.id}`, { method: "DELETE" });
      message.success(`已删除“${column.name}”`);
      await reload();
    } catch (error) {
      message.error(messageOf(error));
    }
  };

  const tableColumns: TableColumnsType<ColumnNode> = [
    {
      title: "栏目",
      key: "name",
      render: (_v, node) => (
        <Space>
          <span>{node.column.name}</span>
          {node.column.rootKind !== null && <Tag>一级栏目</Tag>}
        </Space>
      ),
    },
    { title: "条例第二十条", key: "category", width: 120, render: (_v, n) => n.column.categoryItem ?? "—" },
    {
      title: "更新周期",
      key: "cadence",
      width: 110,
      render: (_v, n) =>
        n.column.cadence ? (
          <Tag color="blue">{CADENCE_OPTIONS.find((c) => c.value === n.column.cadence)?.label}</Tag>
        ) : (
          <Typography.Text type="secondary">不定期</Typography.Text>
        ),
    },
    {
      title: "操作",
      key: "actions",
      width: 330,
      render: (_v, { column }) => (
        <Space size={0} wrap>
          {column.cadence && (
            <Button type="link" size="small" onClick={() => setIssuesOf(column)}>
              各期
            </Button>
          )}
          {mayEdit && agencyId !== undefined && (
            <>
              <Button
                type="link"
                size="small"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setEdit({ mode: "add", agencyId, parent: column })}
              >
                添加子栏目
              </Button>
              <Button type="link" size="small" onClick={() => setEdit({ mode: "change", column })}>
                {column.rootKind === null ? "修改" : "设置"}
              </Button>
              {column.rootKind === null && (
                <Popconfirm title={`删除栏目“${column.name}”？`} onConfirm={() => void remove(column)}>
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <span>机关：</span>
        <AgencySelect agencies={agencies} allowed={allowed} value={agencyId} onChange={setAgencyId} />
      </Space>
      {!mayEdit && agencyId !== undefined && (
        <Alert type="info" showIcon title="您可以查看栏目；添加或修改栏目需要信息员或公开办负责人角色。" />
      )}
      <Table<ColumnNode>
        rowKey="key"
        size="small"
        loading={loading}
        columns={tableColumns}
        dataSource={forest}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={forest.length}
      />
      {issuesOf && <IssuesCard column={issuesOf} onClose={() => setIssuesOf(null)} />}
      <ColumnModal
        edit={edit}
        onClose={(changed) => {
          setEdit(null);
          if (changed) void reload();
        }}
      />
    </Space>
  );
}
