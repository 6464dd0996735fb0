import { Alert, Button, Space, Table } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { mayAnywhere } from "../access/user-access.ts";
import { apiRequest } from "../api/api-client.ts";
import type { RequestPage, RequestSummary } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect, useAgenciesWhere } from "../shared/agency-year-picker.tsx";
import { FilterBar, FilterSelect, YearFilter } from "../shared/filter-bar.tsx";
import { listPagination, pagingAfter } from "../shared/paging.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import { STATUS_OPTIONS } from "./request-labels.ts";
import { worklistColumns } from "./worklist-columns.tsx";
import {
  apiQueryOf,
  drillDownLabel,
  filtersFromSearch,
  parseDrillDown,
  type RiskFilter,
  rememberWorklist,
  searchOfFilters,
  type WorklistFilters,
} from "./worklist-query.ts";

const RISK_OPTIONS: readonly { value: RiskFilter; label: string }[] = [
  { value: "overdue", label: "已逾期" },
  { value: "due_soon", label: "3 个工作日内到期" },
];

/** The worklist page. */
export function WorklistPage(): ReactNode {
  usePageTitle("依申请公开");
  const me = useUser();
  const { agencies, allowed } = useAgenciesWhere("request.view");
  const [filters, setFilters] = useState<WorklistFilters>(() => filtersFromSearch(window.location.search));
  const drill = filters.table ? parseDrillDown(filters.table) : null;

  const update = (change: Partial<WorklistFilters>): void => {
    setFilters((current) => ({ ...current, page: 1, ...change }));
  };

  useEffect(() => {
    const search = searchOfFilters(filters);
    window.history.replaceState(null, "", `${ADMIN_BASE}/requests${search}`);
    rememberWorklist(search);
  }, [filters]);

  const read = useCallback(
    () => apiRequest<RequestPage>("/api/requests", { query: apiQueryOf(filters) }),
    [filters],
  );
  const { data: answer, loading, reload } = useApiQuery(read);

  const open = (id: number): void => navigate(`/requests/${id}`);
  const columns = worklistColumns(allowed.size > 1, open);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {drill ? (
        <Alert
          type="info"
          showIcon
          title={`正在查看 ${drillDownLabel(drill)} 统计的申请`}
          action={
            <Space>
              <Button
                size="small"
                onClick={() =>
                  navigate(
                    `/annual-table?year=${drill.year}${filters.agencyId ? `&agencyId=${filters.agencyId}` : ""}`,
                  )
                }
              >
                返回年度表三
              </Button>
              <Button size="small" onClick={() => update({ table: undefined })}>
                查看全部申请
              </Button>
            </Space>
          }
        />
      ) : (
        <FilterBar
          className="worklist-filters"
          keyword={{
            query: filters.q,
            placeholder: "申请编号、申请人、内容",
            width: 220,
            onQuery: (q) => update({ q }),
          }}
          mine={{
            label: "我的案件",
            checked: filters.mine ?? false,
            onChange: (mine) => update({ mine }),
          }}
          onReload={() => void reload()}
          create={
            mayAnywhere(me, "request.handle")
              ? { label: "登记申请", onCreate: () => navigate("/intake") }
              : undefined
          }
        >
          <AgencySelect
            agencies={agencies}
            allowed={allowed}
            value={filters.agencyId}
            allowClear
            onChange={(agencyId) => update({ agencyId })}
            width={220}
          />
          <FilterSelect
            label="状态"
            placeholder="全部状态"
            options={STATUS_OPTIONS}
            value={filters.status}
            onChange={(status) => update({ status })}
            width={130}
          />
          <FilterSelect
            label="期限"
            placeholder="全部期限"
            options={RISK_OPTIONS}
            value={filters.risk}
            onChange={(risk) => update({ risk })}
            width={170}
          />
          <YearFilter
            label="收到年度"
            value={filters.year}
            onChange={(year) => update({ year })}
            width={120}
          />
        </FilterBar>
      )}
      <Table<RequestSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={answer ? [...answer.items] : []}
        loading={loading}
        rowClassName={(row) =>
          row.risk === "overdue" ? "row-overdue" : row.risk === "due_soon" ? "row-due-soon" : ""
        }
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        locale={{ emptyText: drill ? "该单元格没有对应的申请" : "没有符合条件的申请" }}
        pagination={listPagination(filters, answer?.total ?? 0, "件", (page, pageSize) =>
          setFilters((current) => pagingAfter(current, page, pageSize)),
        )}
      />
    </Space>
  );
}
