/**
 * 监测预警: an agency's daily monitors (W-2 … W-7, N-1, N-2, S-1, G-12, R-26-1) — each rule's level as a tag
 * (正常 / 预警 / 单项否决), its value against the threshold, the explanation and the records behind it as links
 * — the last 30 days of each rule, and for those who oversee several agencies the overview of them all.
 */
import "./monitors-styles.css";
import { Card, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { AgencySelect, useAgenciesWhere } from "../shared/agency-year-picker.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { MonitorHistoryGrid } from "./monitor-history-grid.tsx";
import { MonitorOverviewTable } from "./monitor-overview-table.tsx";
import type { AgencyMonitors, MonitorHistory, MonitorVerdictView } from "./monitor-types.ts";
import { LEVEL_TAGS, recordLink } from "./monitor-view.ts";

/** A link inside the back office. */
function AdminLink({ path, children }: { readonly path: string; readonly children: ReactNode }): ReactNode {
  return (
    <a
      href={`${ADMIN_BASE}${path}`}
      onClick={(event) => {
        event.preventDefault();
        navigate(path);
      }}
    >
      {children}
    </a>
  );
}

/** The records behind a verdict, as links to their pages. */
function VerdictRecords({ verdict, agencyId }: { verdict: MonitorVerdictView; agencyId: number }): ReactNode {
  const kind = verdict.recordKind;
  if (!kind || verdict.items.length === 0) return "—";
  return (
    <Space size={[8, 4]} wrap>
      {verdict.items.slice(0, 20).map((item) => {
        const link = recordLink(kind, item, agencyId);
        return (
          <AdminLink key={String(item)} path={link.path}>
            {link.label}
          </AdminLink>
        );
      })}
      {verdict.items.length > 20 ? <span>{`等 ${verdict.items.length} 项`}</span> : null}
    </Space>
  );
}

/** The monitor page. */
export function MonitorPage(): ReactNode {
  usePageTitle("监测预警");
  const { agencies, allowed, first } = useAgenciesWhere("monitor.view");
  const [agencyId, setAgencyId] = useState<number | undefined>(() => {
    const id = Number(new URLSearchParams(window.location.search).get("agencyId"));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  });
  useEffect(() => {
    if (agencyId === undefined && first !== undefined) setAgencyId(first);
  }, [agencyId, first]);
  const read = useCallback(async () => {
    const [live, days] = await Promise.all([
      apiRequest<AgencyMonitors>("/api/monitors", { query: { agencyId } }),
      apiRequest<MonitorHistory>("/api/monitors/history", { query: { agencyId, days: 30 } }),
    ]);
    return { today: live, history: days };
  }, [agencyId]);
  const { data, loading } = useApiQuery(agencyId === undefined ? undefined : read);
  const today = data?.today ?? null;
  const history = data?.history ?? null;
  const choose = (id: number | undefined) => {
    setAgencyId(id);
    if (id !== undefined) window.history.replaceState(null, "", `${window.location.pathname}?agencyId=${id}`);
  };
  const names = Object.fromEntries((today?.monitors ?? []).map((m) => [m.rule, m.name]));
  const breaches = today?.monitors.filter((m) => m.level === "breach").length ?? 0;
  const warnings = today?.monitors.filter((m) => m.level === "warning").length ?? 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <span>机关：</span>
        <AgencySelect agencies={agencies} allowed={allowed} value={agencyId} onChange={choose} />
        {today ? (
          <Typography.Text>{`${today.day}：单项否决 ${breaches} 项，预警 ${warnings} 项`}</Typography.Text>
        ) : null}
      </Space>
      <Card size="small" title="今日监测（按国办秘函〔2019〕19号等单项否决指标）">
        <Table<MonitorVerdictView>
          rowKey="rule"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={today ? [...today.monitors] : []}
          columns={[
            {
              title: "规则",
              key: "rule",
              width: 170,
              render: (_: unknown, m: MonitorVerdictView) => `${m.rule} ${m.name}`,
            },
            {
              title: "状态",
              dataIndex: "level",
              width: 100,
              render: (level: MonitorVerdictView["level"]) => (
                <Tag color={LEVEL_TAGS[level].color}>{LEVEL_TAGS[level].label}</Tag>
              ),
            },
            {
              title: "数值 / 阈值",
              key: "value",
              width: 110,
              render: (_: unknown, m: MonitorVerdictView) => `${m.value} / ${m.threshold}`,
            },
            { title: "说明", dataIndex: "text" },
            {
              title: "相关记录",
              key: "items",
              render: (_: unknown, m: MonitorVerdictView) =>
                agencyId === undefined ? "—" : <VerdictRecords verdict={m} agencyId={agencyId} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title="近 30 天记录">
        {history && history.days.length > 0 ? (
          <MonitorHistoryGrid history={history} names={names} />
        ) : (
          <Typography.Text type="secondary">尚无记录：每天早上自动记录一次监测结果。</Typography.Text>
        )}
      </Card>
      {allowed.size > 1 ? <MonitorOverviewTable onChoose={choose} /> : null}
    </Space>
  );
}
