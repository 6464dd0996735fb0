/**
 * 统计: for an agency and year, the requests received and closed, those overdue and due within 3 working
 * days (each a link to the worklist), the open ones by status, and the chart of the year's requests by
 * month and outcome.
 */
import "./requests-styles.css";
import { Card, Col, Empty, Row, Space, Spin, Statistic, Typography } from "antd";
import { lazy, type ReactNode, Suspense, useCallback, useMemo } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { RequestDashboard, RequestStatus } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { navigate } from "../navigation/navigation.ts";
import { AgencyYearPicker, useAgencyYear } from "../shared/agency-year-picker.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { chartSeries } from "./dashboard-chart-data.ts";
import { STATUS_LABELS, STATUS_OPTIONS } from "./request-labels.ts";
import { searchOfFilters, type WorklistFilters } from "./worklist-query.ts";

// ECharts is loaded only when a chart is shown, keeping it out of the rest of the back office.
const OutcomeChart = lazy(async () => ({ default: (await import("./outcome-chart.tsx")).OutcomeChart }));

/** A number card that opens the worklist filtered to the cases it counts. */
function CountCard({
  title,
  value,
  color,
  filters,
  linkText = "查看清单",
}: {
  readonly title: string;
  readonly value: number;
  readonly color?: string;
  readonly filters: Omit<WorklistFilters, "page" | "pageSize">;
  readonly linkText?: string;
}): ReactNode {
  const href = `/requests${searchOfFilters({ ...filters, page: 1, pageSize: 20 })}`;
  return (
    <Card size="small" hoverable onClick={() => navigate(href)}>
      <Statistic
        title={title}
        value={value}
        styles={color ? { content: { color } } : undefined}
        suffix="件"
      />
      <a
        href={`/admin${href}`}
        onClick={(event) => {
          event.preventDefault();
          navigate(href);
        }}
      >
        {linkText}
      </a>
    </Card>
  );
}

/** The dashboard page. */
export function DashboardPage(): ReactNode {
  usePageTitle("统计");
  const { choice, picker } = useAgencyYear("request.view");
  const { agencyId, year } = choice;
  const read = useCallback(
    () => apiRequest<RequestDashboard>("/api/requests/dashboard", { query: { agencyId, year } }),
    [agencyId, year],
  );
  const { data, loading } = useApiQuery(agencyId === undefined ? undefined : read);
  const series = useMemo(() => chartSeries(data?.byMonth ?? []), [data]);

  const statuses = STATUS_OPTIONS;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <AgencyYearPicker {...picker} idPrefix="dashboard" />
      <Spin spinning={loading}>
        {data ? (
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Row gutter={[12, 12]} className="stat-cards">
              <Col xs={12} md={6}>
                <CountCard title={`${year} 年收到`} value={data.received} filters={{ agencyId, year }} />
              </Col>
              <Col xs={12} md={6}>
                <CountCard
                  title={`${year} 年办结`}
                  value={data.closed}
                  filters={{ agencyId, status: "closed" }}
                  linkText="查看全部已办结申请"
                />
              </Col>
              <Col xs={12} md={6}>
                <CountCard
                  title="已逾期"
                  value={data.overdue}
                  color="#cf1322"
                  filters={{ agencyId, risk: "overdue" }}
                />
              </Col>
              <Col xs={12} md={6}>
                <CountCard
                  title="3 个工作日内到期"
                  value={data.dueSoon}
                  color="#d46b08"
                  filters={{ agencyId, risk: "due_soon" }}
                />
              </Col>
            </Row>
            <Card size="small" title={`${year} 年办理的申请（按当前状态）`}>
              <Space wrap size="large">
                {statuses.map((s) => (
                  <a
                    key={s.value}
                    href={`/admin/requests?agencyId=${agencyId}&status=${s.value}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/requests?agencyId=${agencyId}&status=${s.value}`);
                    }}
                  >
                    {STATUS_LABELS[s.value as RequestStatus]}：<strong>{data.byStatus[s.value] ?? 0}</strong>{" "}
                    件
                  </a>
                ))}
              </Space>
            </Card>
            <Card size="small" title={`${year} 年各月办结的申请（按办理结果）`}>
              {series.length === 0 ? (
                <Empty description={`${year} 年尚无办结的申请`} />
              ) : (
                <Suspense fallback={<Spin description="正在加载图表……" />}>
                  <OutcomeChart series={series} title={`${year} 年各月办结的申请（按办理结果）`} />
                </Suspense>
              )}
              <Typography.Text type="secondary">
                按办结月份统计，颜色区分办理结果（O-1 至 O-6.3）。
              </Typography.Text>
            </Card>
          </Space>
        ) : (
          <Empty description="请选择机关和年度" />
        )}
      </Spin>
    </Space>
  );
}
