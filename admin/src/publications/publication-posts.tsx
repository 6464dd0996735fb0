/**
 * The channels an item went out on: each post's channel, link and time, and (for an editor) a post entered
 * by hand — the portal's own post is recorded by publishing.
 */
import { App, Button, Input, Select, Space, Table } from "antd";
import { type ReactNode, useCallback, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Channel, ChannelPost, PublicationView } from "../api/publication-types.ts";
import { instantText } from "../shared/dates.ts";
import { useApiQuery } from "../shared/use-api-query.ts";

/** Props of PublicationPosts. */
export interface PublicationPostsProps {
  readonly item: PublicationView;
  readonly mayEdit: boolean;
  readonly onChanged: () => void;
}

/** The posts table with the form of a new one. */
export function PublicationPosts({ item, mayEdit, onChanged }: PublicationPostsProps): ReactNode {
  const { message } = App.useApp();
  const readChannels = useCallback(
    async () =>
      (await apiRequest<{ channels: Channel[] }>("/api/channels", { query: { agencyId: item.agencyId } }))
        .channels,
    [item.agencyId],
  );
  const channels: readonly Channel[] = useApiQuery(readChannels).data ?? [];
  const [channelId, setChannelId] = useState<number | undefined>();
  const [url, setUrl] = useState("");
  const [postedAt, setPostedAt] = useState("");
  const [saving, setSaving] = useState(false);
  const channelName = (id: number) => channels.find((c) => c.id === id)?.name ?? `渠道 ${id}`;

  const add = async (): Promise<void> => {
    if (channelId === undefined || url.trim() === "" || postedAt === "") {
      message.warning("请选择渠道，填写链接和发布时间");
      return;
    }
    setSaving(true);
    try {
      await apiRequest("/api/channels/posts", {
        method: "POST",
        body: {
          agencyId: item.agencyId,
          posts: [
            {
              channelId,
              url: url.trim(),
              postedAt: postedAt.replace("T", " "),
              title: item.title,
              publicationId: item.id,
            },
          ],
        },
      });
      setUrl("");
      setPostedAt("");
      message.success("已登记发布渠道");
      onChanged();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Table<ChannelPost>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={[...item.posts]}
        locale={{ emptyText: "尚未在任何渠道发布" }}
        columns={[
          { title: "渠道", key: "channel", width: 160, render: (_v, p) => channelName(p.channelId) },
          {
            title: "链接",
            dataIndex: "url",
            ellipsis: true,
            render: (link: string) => (
              <a href={link} target="_blank" rel="noreferrer noopener">
                {link}
              </a>
            ),
          },
          { title: "发布时间", dataIndex: "postedAt", width: 150, render: (at: string) => instantText(at) },
        ]}
      />
      {mayEdit && channels.length > 0 && (
        <Space wrap>
          <Select
            aria-label="发布渠道"
            placeholder="渠道"
            value={channelId}
            onChange={setChannelId}
            options={channels.map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: 170 }}
          />
          <Input
            aria-label="链接"
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            style={{ width: 280 }}
          />
          <Input
            aria-label="发布时间"
            type="datetime-local"
            value={postedAt}
            onChange={(e) => setPostedAt(e.target.value)}
            style={{ width: 200 }}
          />
          <Button loading={saving} onClick={() => void add()}>
            登记渠道发布
          </Button>
        </Space>
      )}
    </Space>
  );
}
