import { Space, Table, TreeSelect } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { mayAnywhere } from "../access/user-access.ts";
import { agencyNames } from "../agencies/agency-list.ts";
import { apiRequest } from "../api/api-client.ts";
import type { PublicationPage, PublicationSummary } from "../api/publication-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect, useAgenciesWhere } from "../shared/agency-year-picker.tsx";
import { FilterBar, FilterSelect, YearFilter } from "../shared/filter-bar.tsx";
import { listPagination, pagingAfter } from "../shared/paging.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import { catalogColumns } from "./catalog-columns.tsx";
import {
  type CatalogFilters,
  catalogApiQueries,
  catalogFiltersFromSearch,
  searchOfCatalogFilters,
} from "./catalog-query.ts";
import { columnForest } from "./column-tree.ts";
import { CATEGORY_OPTIONS, myWaitingStatuses, STATUS_OPTIONS } from "./publication-labels.ts";
import { useColumns } from "./use-columns.ts";

/** The catalog worklist. */
export function CatalogPage(): ReactNode {
  usePageTitle("主动公开");
  const me = useUser();
  const { agencies, allowed, first } = useAgenciesWhere("publication.view");
  const [filters, setFilters] = useState<CatalogFilters>(() =>
    catalogFiltersFromSearch(window.location.search),
  );
  // Column names are shown for the chosen agency, or the only one the user sees.
  const columnAgency = filters.agencyId ?? (allowed.size === 1 ? first : undefined);
  const { columns } = useColumns(columnAgency);
  const myStatuses = useMemo(() => myWaitingStatuses(me), [me]);
  const columnTree = useMemo(() => columnForest(columns), [columns]);
  const agencyName = useMemo(() => agencyNames(agencies), [agencies]);

  const update = (change: Partial<CatalogFilters>): void =>
    setFilters((current) => ({ ...current, page: 1, ...change }));

  useEffect(() => {
    window.history.replaceState(null, "", `${ADMIN_BASE}/publications${searchOfCatalogFilters(filters)}`);
  }, [filters]);

  const read = useCallback(async (): Promise<PublicationPage> => {
    const pages = await Promise.all(
      catalogApiQueries(filters, myStatuses).map((query) =>
        apiRequest<PublicationPage>("/api/publications", { query }),
      ),
    );
    return {
      publications: pages.flatMap((p) => p.publications),
      total: pages.reduce((sum, p) => sum + p.total, 0),
    };
  }, [filters, myStatuses]);
  const { data: answer, loading, reload } = useApiQuery(read);

  const open = (id: number): void => navigate(`/publications/${id}`);
  const tableColumns = catalogColumns({
    byAgency: filters.agencyId === undefined && allowed.size > 1,
    agencyName,
    columns,
    open,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <FilterBar
        keyword={{ query: filters.q, placeholder: "名称关键词", width: 180, onQuery: (q) => update({ q }) }}
        mine={
          myStatuses.length > 0
            ? { label: "我的待办", checked: filters.mine ?? false, onChange: (mine) => update({ mine }) }
            : undefined
        }
        onReload={() => void reload()}
        create={
          mayAnywhere(me, "publication.edit")
            ? { label: "新建信息", onCreate: () => navigate("/publications/new") }
            : undefined
        }
      >
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
        <FilterSelect
          label="状态"
          placeholder="全部状态"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(status) => update({ status })}
          width={140}
        />
        <YearFilter value={filters.year} onChange={(year) => update({ year })} />
        <FilterSelect
          label="条例第二十条"
          placeholder="条例第二十条事项"
          options={CATEGORY_OPTIONS}
          value={filters.categoryItem}
          onChange={(categoryItem) => update({ categoryItem })}
          width={200}
          popupWidth={420}
        />
      </FilterBar>
      <Table<PublicationSummary>
        rowKey="id"
        size="middle"
        columns={tableColumns}
        dataSource={answer ? [...answer.publications] : []}
        loading={loading}
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        locale={{ emptyText: filters.mine ? "没有等待您处理的信息" : "没有符合条件的信息" }}
        pagination={listPagination(filters, answer?.total ?? 0, "条", (page, pageSize) =>
          setFilters((current) => pagingAfter(current, page, pageSize)),
        )}
      />
    </Space>
  );
}
