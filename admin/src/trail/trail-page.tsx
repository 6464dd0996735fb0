/**
 * 操作留痕: the audit trail, newest first, filtered by agency, person, action and dates; each row opens to
 * show what changed. 系统管理员 of a top-level agency can verify the integrity of the whole trail.
 */
import { SearchOutlined } from "@ant-design/icons";
import { AutoComplete, Button, DatePicker, Form, Input, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { agencyIdsWhere, isTopLevelAdmin } from "../access/user-access.ts";
import { agencyNames, useAgencyList } from "../agencies/agency-list.ts";
import { apiRequest } from "../api/api-client.ts";
import type { TrailEntry } from "../api/api-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect } from "../shared/agency-year-picker.tsx";
import { localDayText } from "../shared/dates.ts";
import { ReloadButton } from "../shared/filter-bar.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { TrailDiff } from "./trail-diff.tsx";
import { ACTION_OPTIONS, actionLabel, actorRoleLabel, entityLabel } from "./trail-labels.ts";
import { VerifyTrailButton } from "./verify-trail-button.tsx";

interface TrailFilters {
  readonly agencyId?: number;
  readonly actor?: string;
  readonly action?: string;
  readonly dates?: [Dayjs | null, Dayjs | null] | null;
}

/** The query of GET /api/trail for the filters and page. */
function queryOf(
  filters: TrailFilters,
  page: number,
  pageSize: number,
): Record<string, string | number | undefined> {
  const [from, to] = filters.dates ?? [null, null];
  return {
    agencyId: filters.agencyId,
    actor: filters.actor?.trim(),
    action: filters.action?.trim(),
    from: from?.format("YYYY-MM-DD"),
    to: to?.format("YYYY-MM-DD"),
    page,
    pageSize,
  };
}

/** The audit-trail page. */
export function TrailPage(): ReactNode {
  usePageTitle("操作留痕");
  const me = useUser();
  const { agencies } = useAgencyList();
  const [form] = Form.useForm<TrailFilters>();
  const [filters, setFilters] = useState<TrailFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const viewable = useMemo(() => agencyIdsWhere(me, "trail.view", agencies), [me, agencies]);
  const names = useMemo(() => agencyNames(agencies), [agencies]);
  const agencyName = useCallback((id: number) => names.get(id) ?? `机关 #${id}`, [names]);

  const read = useCallback(
    () =>
      apiRequest<{ entries: TrailEntry[]; total: number }>("/api/trail", {
        query: queryOf(filters, page, pageSize),
      }),
    [filters, page, pageSize],
  );
  const { data, loading, reload: load } = useApiQuery(read);
  const entries: readonly TrailEntry[] = data?.entries ?? [];
  const total = data?.total ?? 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Form<TrailFilters>
        form={form}
        layout="inline"
        onFinish={(values) => {
          setFilters(values);
          setPage(1);
        }}
        aria-label="筛选条件"
        className="trail-filters"
      >
        <Form.Item label="机关" name="agencyId">
          <AgencySelect agencies={agencies} allowed={viewable} allowClear width={220} />
        </Form.Item>
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <AutoComplete
            options={ACTION_OPTIONS}
            allowClear
            placeholder="全部操作"
            style={{ width: 220 }}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.label ?? "").includes(input) || String(option?.value ?? "").includes(input),
            }}
          />
        </Form.Item>
        <Form.Item label="日期" name="dates">
          <DatePicker.RangePicker allowEmpty={[true, true]} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              重置
            </Button>
            <ReloadButton onReload={() => void load()} />
          </Space>
        </Form.Item>
      </Form>
      {isTopLevelAdmin(me, agencies) && <VerifyTrailButton />}
      <Table<TrailEntry>
        rowKey="seq"
        dataSource={[...entries]}
        loading={loading}
        locale={{ emptyText: "没有符合条件的记录" }}
        expandable={{
          expandedRowRender: (entry) => (
            <TrailDiff before={entry.before} after={entry.after} agencyName={agencyName} />
          ),
          expandRowByClick: false,
        }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (count) => `共 ${count} 条`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
        columns={[
          { title: "序号", dataIndex: "seq", width: 70 },
          {
            title: "时间",
            dataIndex: "at",
            width: 120,
            render: (at: string) => (
              <span>
                {localDayText(at)}
                <br />
                {dayjs(at).format("HH:mm:ss")}
              </span>
            ),
          },
          {
            title: "操作人",
            key: "actor",
            render: (_v, e) => (
              <span>
                {e.actorName}
                {e.actorRole && e.actorRole !== "system" && (
                  <Typography.Text type="secondary">（{actorRoleLabel(e.actorRole)}）</Typography.Text>
                )}
              </span>
            ),
          },
          { title: "机关", dataIndex: "agencyName", render: (name: string | null) => name ?? "—" },
          { title: "操作", dataIndex: "action", render: (action: string) => actionLabel(action) },
          {
            title: "对象",
            key: "entity",
            render: (_v, e) => (
              <Typography.Text type="secondary">
                {entityLabel(e.entityType)} {e.entityType === "session" ? "" : `#${e.entityId}`}
              </Typography.Text>
            ),
          },
          { title: "IP 地址", dataIndex: "ip", width: 140 },
        ]}
      />
    </Space>
  );
}
