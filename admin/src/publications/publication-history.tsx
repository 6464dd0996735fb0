/**
 * The 先审后发 record of an item: each step (提交, 保密审查, 审核, 审签, 发布, 撤回), who took it with which
 * role, when, and the opinion.
 */
import type { TableColumnsType } from "antd";
import { Table, Tag } from "antd";
import type { ReactNode } from "react";
import type { PublicationLogEntry } from "../api/publication-types.ts";
import { instantText } from "../shared/dates.ts";
import { logEntryLabel, roleNamesOf } from "./publication-labels.ts";

const columns: TableColumnsType<PublicationLogEntry> = [
  {
    title: "环节",
    key: "type",
    width: 130,
    render: (_v, e) => (
      <Tag color={e.type === "sendBack" || e.type === "withdraw" ? "red" : "blue"}>{logEntryLabel(e)}</Tag>
    ),
  },
  {
    title: "办理人",
    key: "actor",
    width: 280,
    render: (_v, e) => (e.actorRole ? `${e.actorName}（${roleNamesOf(e.actorRole)}）` : e.actorName),
  },
  { title: "时间", dataIndex: "at", width: 170, render: (at: string) => instantText(at) },
  { title: "意见", dataIndex: "opinion", render: (o: string) => o || "—" },
];

/** The log as a table, oldest first. */
export function PublicationHistory({ log }: { readonly log: readonly PublicationLogEntry[] }): ReactNode {
  return (
    <Table<PublicationLogEntry>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={[...log]}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: "尚未提交审查" }}
    />
  );
}
