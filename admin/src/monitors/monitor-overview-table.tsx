/**
 * The overview of the monitors of every agency in reach (上级监督): each agency's breaches and warnings
 * today with the rules behind them; choosing an agency shows its monitors above.
 */
import { Button, Card, Table, Tag } from "antd";
import type { ReactNode } from "react";
import { apiRequest } from "../api/api-client.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import type { MonitorOverview, MonitorOverviewLine } from "./monitor-types.ts";

/** The overview of every agency in reach. */
function readOverview(): Promise<MonitorOverview> {
  return apiRequest<MonitorOverview>("/api/monitors/overview");
}

/** The overview card. */
export function MonitorOverviewTable({
  onChoose,
}: {
  readonly onChoose: (agencyId: number) => void;
}): ReactNode {
  const { data: overview, loading } = useApiQuery(readOverview);
  const rules = (list: readonly string[], color: string) =>
    list.length === 0
      ? "—"
      : list.map((r) => (
          <Tag key={r} color={color}>
            {r}
          </Tag>
        ));
  return (
    <Card size="small" title={`所辖机关监测汇总${overview ? `（${overview.day}）` : ""}`}>
      <Table<MonitorOverviewLine>
        rowKey="agencyId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={overview ? [...overview.agencies] : []}
        columns={[
          {
            title: "机关",
            dataIndex: "agencyName",
            render: (name: string, line: MonitorOverviewLine) => (
              <Button type="link" size="small" onClick={() => onChoose(line.agencyId)}>
                {name}
              </Button>
            ),
          },
          { title: "单项否决", dataIndex: "breaches", align: "right", width: 100 },
          { title: "预警", dataIndex: "warnings", align: "right", width: 80 },
          {
            title: "否决项",
            key: "breachedRules",
            render: (_: unknown, l: MonitorOverviewLine) => rules(l.breachedRules, "red"),
          },
          {
            title: "预警项",
            key: "warningRules",
            render: (_: unknown, l: MonitorOverviewLine) => rules(l.warningRules, "orange"),
          },
        ]}
      />
    </Card>
  );
}
