/**
 * The reply deadline of a case and how it was computed: every step with its rule ID and the statute's words
 * (receipt date, restart after 补正, paused consultation days, extension …), 暂定 when provisional.
 */
import { Card, Descriptions, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { RequestCase } from "../api/request-types.ts";
import { noDueReason } from "./request-format.ts";
import { DueDate } from "./risk-tag.tsx";

/** The deadline card. */
export function DeadlinePanel({ request }: { readonly request: RequestCase }): ReactNode {
  const { deadline } = request;
  return (
    <Card title="答复期限" size="small" className="deadline-panel">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "due",
            label: "答复期限",
            children:
              request.status === "closed" ? (
                <span>{request.closedOn ? `已于 ${request.closedOn} 办结` : "已办结"}</span>
              ) : (
                <DueDate
                  due={deadline.due}
                  provisional={deadline.provisional}
                  risk={deadline.risk}
                  workdaysLeft={deadline.workdaysLeft}
                  placeholder={noDueReason(request.status)}
                />
              ),
          },
          { key: "received", label: "收到申请之日", children: request.receivedOn },
          ...(request.extended
            ? [{ key: "extended", label: "延期", children: <Tag color="purple">已延期</Tag> }]
            : []),
        ]}
      />
      <Typography.Title level={4} className="steps-title">
        期限的计算依据
      </Typography.Title>
      {deadline.steps.length === 0 ? (
        <Typography.Text type="secondary">暂无计算步骤</Typography.Text>
      ) : (
        <ol className="deadline-steps">
          {deadline.steps.map((step) => (
            <li key={`${step.rule}-${step.date}-${step.text}`}>
              <span className="step-date">{step.date}</span>
              <Tag className="step-rule">{step.rule}</Tag>
              <span className="step-text">{step.text}</span>
            </li>
          ))}
        </ol>
      )}
      {deadline.provisional && (
        <Typography.Paragraph type="warning">
          期限跨入尚未录入节假日安排的年份，暂按周一至周五计算（R-WD-3）；录入该年安排后自动重新计算。
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" className="calendar-version">
        所用工作日历：{deadline.calendarVersion || "—"}
      </Typography.Text>
    </Card>
  );
}
