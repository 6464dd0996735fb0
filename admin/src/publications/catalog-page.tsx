/**
 * 主动公开 worklist: the catalog items of the agencies the user may see, filtered by agency, column, status,
 * year, 条例第二十条 item and keyword, with their status, whose turn it is and R-26-1 flags; 我的待办 lists
 * the items waiting for a step the user takes. The filters live in the page address.
 */
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import type { TableColumnsType } from "antd";
import { App, Button, Checkbox, Input, Select, Space, Table, TreeSelect, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { mayAnywhere } from "../access/user-access.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { PublicationPage, PublicationSummary } from "../api/publication-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { yearOptions } from "../requests/agency-year-picker.tsx";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect, useAgenciesWhere } from "./agency-choice.tsx";
import {
  type CatalogFilters,
  catalogApiQueries,
  catalogFiltersFromSearch,
  searchOfCatalogFilters,
} from "./catalog-query.ts";
import { columnForest, columnPath } from "./column-tree.ts";
import { CATEGORY_OPTIONS, myWaitingStatuses, STATUS_OPTIONS } from "./publication-labels.ts";
import { R26FlagTag, StatusTag, TurnText } from "./status-tags.tsx";
import { useColumns } from "./use-columns.ts";

/** The catalog worklist. */
export function CatalogPage(): ReactNode {
  usePageTitle("主动公开");
  const me = useUser();
  const { message } = App.useApp();
  const { agencies, allowed, first } = useAgenciesWhere("publication.view");
  const [filters, setFilters] = useState<CatalogFilters>(() =>
    catalogFiltersFromSearch(window.location.search),
  );
  const [keyword, setKeyword] = useState(filters.q ?? "");
  const [answer, setAnswer] = useState<PublicationPage | null>(null);
  const [loading, setLoading] = useState(true);
  // Column names are shown for the chosen agency, or the only one the user sees.
  const columnAgency = filters.agencyId ?? (allowed.size === 1 ? first : undefined);
  const { columns } = useColumns(columnAgency);
  const myStatuses = useMemo(() => myWaitingStatuses(me), [me]);
  const columnTree = useMemo(() => columnForest(columns), [columns]);
  const agencyName = useMemo(() => new Map(agencies.map((a) => [a.id, a.name])), [agencies]);

  const update = (change: Partial<CatalogFilters>): void =>
    setFilters((current) => ({ ...current, page: 1, ...change }));

  useEffect(() => {
    window.history.replaceState(null, "", `${ADMIN_BASE}/publications${searchOfCatalogFilters(filters)}`);
  }, [filters]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const pages = await Promise.all(
        catalogApiQueries(filters, myStatuses).map((query) =>
          apiRequest<PublicationPage>("/api/publications", { query }),
        ),
      );
      setAnswer({
        publications: pages.flatMap((p) => p.publications),
        total: pages.reduce((sum, p) => sum + p.total, 0),
      });
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, [filters, myStatuses, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (id: number): void => navigate(`/publications/${id}`);
  const tableColumns: TableColumnsType<PublicationSummary> = [
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
    ...(filters.agencyId === undefined && allowed.size > 1
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

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <form
        aria-label="筛选条件"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: keyword.trim() || undefined });
        }}
      >
        <Space wrap size={[12, 8]}>
          <AgencySelect
            agencies={agencies}
            allowed={allowed}
            value={filters.agencyId}
            allowClear
            onChange={(agencyId) => update({ agencyId, columnId: undefined })}
          />
          <TreeSelect
            aria-label="栏目"
            treeData={columnTree}
            treeDefaultExpandAll
            allowClear
            disabled={columnAgency === undefined}
            placeholder={columnAgency === undefined ? "先选机关再选栏目" : "全部栏目"}
            value={filters.columnId}
            onChange={(columnId: number | undefined) => update({ columnId: columnId ?? undefined })}
            style={{ width: 200 }}
          />
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            options={STATUS_OPTIONS}
            value={filters.status}
            onChange={(status) => update({ status: status ?? undefined })}
            style={{ width: 140 }}
          />
          <Select
            aria-label="年度"
            allowClear
            placeholder="全部年度"
            options={yearOptions()}
            value={filters.year}
            onChange={(year: number | undefined) => update({ year: year ?? undefined })}
            style={{ width: 110 }}
          />
          <Select
            aria-label="条例第二十条"
            allowClear
            placeholder="条例第二十条事项"
            options={CATEGORY_OPTIONS}
            value={filters.categoryItem}
            onChange={(categoryItem) => update({ categoryItem: categoryItem ?? undefined })}
            style={{ width: 200 }}
            popupMatchSelectWidth={420}
          />
          <Input
            aria-label="关键词"
            allowClear
            placeholder="名称关键词"
            value={keyword}
            onChange={(event) => {
              setKeyword(event.target.value);
              if (event.target.value === "") update({ q: undefined });
            }}
            style={{ width: 180 }}
          />
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          {myStatuses.length > 0 && (
            <Checkbox
              checked={filters.mine ?? false}
              onChange={(event) => update({ mine: event.target.checked || undefined })}
            >
              我的待办
            </Checkbox>
          )}
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()}>
            刷新
          </Button>
          {mayAnywhere(me, "publication.edit") && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/publications/new")}>
              新建信息
            </Button>
          )}
        </Space>
      </form>
      <Table<PublicationSummary>
        rowKey="id"
        size="middle"
        columns={tableColumns}
        dataSource={answer ? [...answer.publications] : []}
        loading={loading}
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        locale={{ emptyText: filters.mine ? "没有等待您处理的信息" : "没有符合条件的信息" }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: answer?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) =>
            setFilters((current) => ({
              ...current,
              page: pageSize === current.pageSize ? page : 1,
              pageSize,
            })),
        }}
      />
    </Space>
  );
}
