/**
 * The catalog worklist's table columns: title with index and document numbers (a link to the item), the
 * agency (several agencies, none chosen) or the column path, 第二十条 item, dates, status, turn and R-26-1.
 */
import type { TableColumnsType } from "antd";
import { Space, Typography } from "antd";
import type { CatalogColumn, PublicationSummary } from "../api/publication-types.ts";
import { ADMIN_BASE } from "../navigation/navigation.ts";
import { columnPath } from "./column-tree.ts";
import { R26FlagTag, StatusTag, TurnText } from "./status-tags.tsx";

/** What the columns need from the page. */
export interface CatalogColumnsContext {
  /** Show the 机关 column (several agencies, none chosen) instead of 栏目. */
  readonly byAgency: boolean;
  readonly agencyName: ReadonlyMap<number, string>;
  readonly columns: readonly CatalogColumn[];
  readonly open: (id: number) => void;
}

/** The columns of the catalog table. */
export function catalogColumns({
  byAgency,
  agencyName,
  columns,
  open,
}: CatalogColumnsContext): TableColumnsType<PublicationSummary> {
  return [
    {
      title: "名称",
      dataIndex: "title",
      render: (title: string, row) => (
        <span>
          <a
            href={`${ADMIN_BASE}/publications/${row.id}`}
            onClick={(event) => {
              event.preventDefault();
              open(row.id);
            }}
          >
            {title}
          </a>
          <br />
          <Typography.Text type="secondary">
            {[row.indexNo, row.documentNo].filter(Boolean).join("　") || "未编索引号"}
          </Typography.Text>
        </span>
      ),
    },
    ...(byAgency
      ? [
          {
            title: "机关",
            key: "agency",
            width: 140,
            render: (_v: unknown, row: PublicationSummary) => agencyName.get(row.agencyId) ?? "",
          },
        ]
      : [
          {
            title: "栏目",
            key: "column",
            width: 150,
            render: (_v: unknown, row: PublicationSummary) => columnPath(columns, row.columnId) || "—",
          },
        ]),
    {
      title: "第二十条",
      dataIndex: "categoryItem",
      width: 80,
      render: (item: string | null) => item ?? "—",
    },
    { title: "形成日期", dataIndex: "formedOn", width: 100 },
    {
      title: "状态",
      key: "status",
      width: 100,
      render: (_v, row) => (
        <Space size={[0, 4]} wrap>
          <StatusTag status={row.status} />
          {row.validity !== "有效" && <Typography.Text type="secondary">{row.validity}</Typography.Text>}
        </Space>
      ),
    },
    { title: "待办", key: "turn", width: 150, render: (_v, row) => <TurnText status={row.status} /> },
    {
      title: "时限（R-26-1）",
      key: "r26",
      width: 130,
      render: (_v, row) => <R26FlagTag r26={row.r26} />,
    },
    {
      title: "发布日期",
      dataIndex: "publishedOn",
      width: 100,
      render: (day: string | null) => day ?? "—",
    },
  ];
}
