/**
 * 栏目: an agency's column tree (the four first-level columns of the 政府信息公开 column and their
 * sub-columns), adding, renaming and removing sub-columns, the cadence of periodic columns, and a periodic
 * column's issues of the year against what its cadence expects.
 */
import { PlusOutlined } from "@ant-design/icons";
import type { TableColumnsType } from "antd";
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { CatalogColumn } from "../api/publication-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect, useAgenciesWhere } from "../shared/agency-year-picker.tsx";
import { ColumnIssuesCard } from "./column-issues-card.tsx";
import { CADENCE_OPTIONS, type ColumnEdit, ColumnModal } from "./column-modal.tsx";
import { type ColumnNode, columnForest } from "./column-tree.ts";
import { mayIn } from "./publication-labels.ts";
import { useColumns } from "./use-columns.ts";

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
      {issuesOf && <ColumnIssuesCard column={issuesOf} onClose={() => setIssuesOf(null)} />}
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
