/**
 * The posts of one channel in a year, 20 a page, with their time, title, link and source.
 */
import { Button, Card, Table } from "antd";
import { type ReactNode, useCallback, useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { Channel, ChannelPost } from "../api/publication-types.ts";
import { instantText } from "../shared/dates.ts";
import { useApiQuery } from "../shared/use-api-query.ts";

/** Props of ChannelPostsCard. */
export interface ChannelPostsCardProps {
  readonly channel: Channel;
  readonly year: number;
  readonly onClose: () => void;
}

/** The posts of one channel in a year. */
export function ChannelPostsCard({ channel, year, onClose }: ChannelPostsCardProps): ReactNode {
  const [page, setPage] = useState(1);
  const read = useCallback(
    () =>
      apiRequest<{ posts: ChannelPost[]; total: number }>(`/api/channels/${channel.id}/posts`, {
        query: { year, page, pageSize: 20 },
      }),
    [channel.id, year, page],
  );
  const { data: answer } = useApiQuery(read);
  return (
    <Card
      size="small"
      title={`“${channel.name}”${year} 年发布记录`}
      extra={
        <Button size="small" onClick={onClose}>
          关闭
        </Button>
      }
    >
      <Table<ChannelPost>
        rowKey="id"
        size="small"
        dataSource={answer?.posts ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: answer?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          { title: "发布时间", dataIndex: "postedAt", width: 150, render: (at: string) => instantText(at) },
          { title: "标题", dataIndex: "title", render: (t: string) => t || "—" },
          {
            title: "链接",
            dataIndex: "url",
            ellipsis: true,
            render: (url: string) => (
              <a href={url} target="_blank" rel="noreferrer noopener">
                {url}
              </a>
            ),
          },
          {
            title: "来源",
            dataIndex: "source",
            width: 80,
            render: (s: string) => ({ entered: "录入", import: "导入", portal: "门户" })[s] ?? s,
          },
        ]}
      />
    </Card>
  );
}
