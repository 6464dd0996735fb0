/**
 * The case log as a timeline, oldest first: what happened on which day, who recorded it and when.
 */
import { Card, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import type { RequestEventView } from "../api/request-types.ts";
import { instantText } from "../shared/dates.ts";
import { eventDetail } from "./event-details.ts";

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
            color: /closed|on_the_spot|withdrawn|expired/.test(event.type) ? "gray" : "blue",
            content: (
              <div className="timeline-entry">
                <span className="timeline-date">{event.occurredOn}</span>
                <strong>{event.typeName}</strong>
                {eventDetail(event.type, event.data) && (
                  <div className="timeline-detail">{eventDetail(event.type, event.data)}</div>
                )}
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
