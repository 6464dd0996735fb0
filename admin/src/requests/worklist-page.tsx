/**
 * 依申请公开 worklist: the requests of the agencies the user may see, filtered by agency, status, risk,
 * year, keyword and 我的案件, with their due dates and risk; or, from table 三, the cases behind one cell.
 * The filters live in the page address, so a list can be bookmarked and the browser's back button works.
 */
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import type { TableColumnsType } from "antd";
import { Alert, App, Button, Checkbox, Input, Select, Space, Table, Tag, TreeSelect, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { mayAnywhere } from "../access/user-access.ts";
import { agencyTree } from "../agencies/agency-list.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { RequestPage, RequestSummary } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { useUser } from "../session/session-context.tsx";
import { useRequestAgencies, yearOptions } from "./agency-year-picker.tsx";
import { APPLICANT_KIND_LABELS, STATUS_OPTIONS } from "./request-labels.ts";
import { DueDate } from "./risk-tag.tsx";
import {
  apiQueryOf,
  drillDownLabel,
  filtersFromSearch,
  parseDrillDown,
  rememberWorklist,
  searchOfFilters,
  type WorklistFilters,
} from "./worklist-query.ts";

const RISK_OPTIONS = [
  { value: "overdue", label: "已逾期" },
  { value: "due_soon", label: "3 个工作日内到期" },
];

/** Due dates first-to-last; cases without one last. */
function byDue(a: RequestSummary, b: RequestSummary): number {
  return (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31");
}

/** The worklist page. */
export function WorklistPage(): ReactNode {
  usePageTitle("依申请公开");
  const me = useUser();
  const { message } = App.useApp();
  const { agencies, viewable } = useRequestAgencies();
  const [filters, setFilters] = useState<WorklistFilters>(() => filtersFromSearch(window.location.search));
  const [keyword, setKeyword] = useState(filters.q ?? "");
  const [answer, setAnswer] = useState<RequestPage | null>(null);
  const [loading, setLoading] = useState(true);
  const tree = useMemo(() => agencyTree(agencies, viewable), [agencies, viewable]);
  const drill = filters.table ? parseDrillDown(filters.table) : null;

  const update = (change: Partial<WorklistFilters>): void => {
    setFilters((current) => ({ ...current, page: 1, ...change }));
  };

  useEffect(() => {
    const search = searchOfFilters(filters);
    window.history.replaceState(null, "", `${ADMIN_BASE}/requests${search}`);
    rememberWorklist(search);
  }, [filters]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setAnswer(await apiRequest<RequestPage>("/api/requests", { query: apiQueryOf(filters) }));
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, [filters, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (id: number): void => navigate(`/requests/${id}`);
  const columns: TableColumnsType<RequestSummary> = [
    {
      title: "申请编号",
      dataIndex: "trackingNo",
      width: 180,
      render: (trackingNo: string, row) => (
        <a
          href={`${ADMIN_BASE}/requests/${row.id}`}
          onClick={(event) => {
            event.preventDefault();
            open(row.id);
          }}
        >
          {trackingNo}
        </a>
      ),
    },
    {
      title: "申请人",
      key: "applicant",
      width: 150,
      render: (_v, row) => (
        <span>
          {row.applicantName}
          <br />
          <Typography.Text type="secondary">
            {APPLICANT_KIND_LABELS[row.applicantKind] ?? row.applicantKind}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: "申请内容",
      dataIndex: "descriptionExcerpt",
      render: (text: string) => (
        <span className="worklist-excerpt" title={text}>
          {text}
        </span>
      ),
    },
    ...(viewable.size > 1 ? [{ title: "机关", dataIndex: "agencyName", width: 150 }] : []),
    { title: "收到日期", dataIndex: "receivedOn", width: 110 },
    {
      title: "状态",
      key: "status",
      width: 120,
      render: (_v, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={row.status === "closed" ? "default" : "blue"}>{row.statusName}</Tag>
          {row.extended && <Tag color="purple">已延期</Tag>}
        </Space>
      ),
    },
    {
      title: "答复期限",
      key: "dueOn",
      showSorterTooltip: { title: "按答复期限排序本页" },
      width: 220,
      sorter: byDue,
      render: (_v, row) =>
        row.status === "closed" ? (
          <Typography.Text type="secondary">
            {row.closedOn ? `${row.closedOn} 办结` : "已办结"}
          </Typography.Text>
        ) : (
          <DueDate
            due={row.dueOn}
            provisional={row.dueProvisional}
            risk={row.risk}
            workdaysLeft={row.workdaysLeft}
          />
        ),
    },
    {
      title: "承办人",
      dataIndex: "caseOfficerName",
      width: 100,
      render: (name: string | null) => name ?? "未指定",
    },
    {
      title: "办理结果",
      dataIndex: "outcomeName",
      width: 130,
      render: (name: string | null) => name ?? "—",
    },
  ];

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
        <form
          className="worklist-filters"
          aria-label="筛选条件"
          onSubmit={(event) => {
            event.preventDefault();
            update({ q: keyword.trim() || undefined });
          }}
        >
          <Space wrap size={[12, 8]}>
            <TreeSelect
              aria-label="机关"
              treeData={tree}
              treeDefaultExpandAll
              allowClear
              placeholder="全部机关"
              value={filters.agencyId}
              onChange={(value: number | undefined) => update({ agencyId: value ?? undefined })}
              style={{ width: 220 }}
              showSearch={{ treeNodeFilterProp: "title" }}
            />
            <Select
              aria-label="状态"
              allowClear
              placeholder="全部状态"
              options={[...STATUS_OPTIONS]}
              value={filters.status}
              onChange={(value) => update({ status: value ?? undefined })}
              style={{ width: 130 }}
            />
            <Select
              aria-label="期限"
              allowClear
              placeholder="全部期限"
              options={RISK_OPTIONS}
              value={filters.risk}
              onChange={(value) => update({ risk: value ?? undefined })}
              style={{ width: 170 }}
            />
            <Select
              aria-label="收到年度"
              allowClear
              placeholder="全部年度"
              options={yearOptions()}
              value={filters.year}
              onChange={(value: number | undefined) => update({ year: value ?? undefined })}
              style={{ width: 120 }}
            />
            <Input
              aria-label="关键词"
              allowClear
              placeholder="申请编号、申请人、内容"
              value={keyword}
              onChange={(event) => {
                setKeyword(event.target.value);
                if (event.target.value === "") update({ q: undefined });
              }}
              style={{ width: 220 }}
            />
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Checkbox
              checked={filters.mine ?? false}
              onChange={(event) => update({ mine: event.target.checked || undefined })}
            >
              我的案件
            </Checkbox>
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()}>
              刷新
            </Button>
            {mayAnywhere(me, "request.handle") && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/intake")}>
                登记申请
              </Button>
            )}
          </Space>
        </form>
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
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: answer?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 件`,
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
