/**
 * The year's figures of an agency's message board (received, replied, published, invalid), W-7 as a tag,
 * and — for the office head — the reply limit in working days.
 */
import { App, Button, Card, InputNumber, Space, Statistic, Tag, Tooltip } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { BoardSummary } from "../api/message-types.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import { w7Tag } from "./message-labels.ts";

/** Props of BoardSummaryCard. */
export interface BoardSummaryCardProps {
  readonly agencyId: number;
  readonly year: number;
  readonly maySetLimit: boolean;
  /** Changes when the lists change, so the figures are read again. */
  readonly version: number;
}

/** The summary card. */
export function BoardSummaryCard({ agencyId, year, maySetLimit, version }: BoardSummaryCardProps): ReactNode {
  const { message } = App.useApp();
  const read = useCallback(() => {
    void version;
    return apiRequest<BoardSummary>("/api/messages/summary", { query: { agencyId, year } });
  }, [agencyId, year, version]);
  const { data: summary, setData: setSummary } = useApiQuery(read);
  const [limit, setLimit] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  // The limit field starts from each summary read.
  useEffect(() => {
    if (summary) setLimit(summary.replyWorkdays);
  }, [summary]);
  if (!summary) return <Card size="small" loading />;
  const w7 = w7Tag(summary.w7);

  const saveLimit = async (): Promise<void> => {
    if (limit === null) return;
    setSaving(true);
    try {
      await apiRequest("/api/messages/settings", { method: "PUT", body: { agencyId, replyWorkdays: limit } });
      setSummary({ ...summary, replyWorkdays: limit });
      message.success(`答复时限已设为 ${limit} 个工作日`);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={`${year} 年网民留言`}>
      <Space wrap size="large" align="center">
        <Statistic title="收到" value={summary.received} />
        <Statistic title="已答复" value={summary.replied} />
        <Statistic title="已公开" value={summary.published} />
        <Statistic title="无效留言" value={summary.rejected} />
        <Tooltip title={w7.detail}>
          <Tag color={w7.color} tabIndex={0}>
            {w7.text}
          </Tag>
        </Tooltip>
        {maySetLimit ? (
          <Space>
            <label htmlFor="reply-limit">答复时限</label>
            <InputNumber
              id="reply-limit"
              min={1}
              max={60}
              value={limit}
              onChange={(v) => setLimit(typeof v === "number" ? v : null)}
              suffix="个工作日"
              style={{ width: 150 }}
            />
            <Button
              onClick={() => void saveLimit()}
              loading={saving}
              disabled={limit === summary.replyWorkdays}
            >
              保存
            </Button>
          </Space>
        ) : (
          <span>答复时限：{summary.replyWorkdays} 个工作日</span>
        )}
      </Space>
    </Card>
  );
}
