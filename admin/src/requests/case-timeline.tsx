/**
 * The case log as a timeline, oldest first: what happened on which day, who recorded it and when.
 */
import { Card, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import type { RequestEventView } from "../api/request-types.ts";
import { instantText } from "./request-format.ts";

/** A short line of an event's details (the reason, the items to supplement, the consultee …). */
function detailOf(event: RequestEventView): string {
  const data = event.data ?? {};
  const parts: string[] = [];
  for (const key of ["items", "reason", "consultee", "outcomeName", "replyBy", "supplementBy", "workdays"]) {
    const value = data[key];
    if (typeof value === "string" && value !== "") parts.push(value);
    else if (typeof value === "number") parts.push(String(value));
  }
  return parts.join("；");
}

/** The timeline card. */
export function CaseTimeline({ events }: { readonly events: readonly RequestEventView[] }): ReactNode {
  return (
    <Card title="办理过程" size="small">
      {events.length === 0 ? (
        <Typography.Text type="secondary">暂无记录</Typography.Text>
      ) : (
        <Timeline
          items={events.map((event) => ({
            key: event.seq,
            color: /closed|replied|withdraw|expired/i.test(event.type) ? "gray" : "blue",
            title: event.occurredOn,
            content: (
              <div className="timeline-entry">
                <strong>{event.typeName}</strong>
                {detailOf(event) && <div className="timeline-detail">{detailOf(event)}</div>}
                <Typography.Text type="secondary" className="timeline-meta">
                  {event.actorName ?? "系统"} 于 {instantText(event.at)} 记录
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
