/**
 * 政务新媒体: an agency's channels (the portal and its registered accounts) with the year's post count of
 * each, registering and changing accounts, a channel's posts, and importing posts from CSV/XLSX — all rows or
 * none; a refused file's rejected rows are listed with their reasons.
 */
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import type { TableColumnsType } from "antd";
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Channel, ChannelCounts, ChannelPost, RejectedRow } from "../api/publication-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { AgencySelect, useAgenciesWhere } from "../publications/agency-choice.tsx";
import { mayIn } from "../publications/publication-labels.ts";
import { yearOptions } from "../requests/agency-year-picker.tsx";
import { instantText, todayInShanghai } from "../requests/request-format.ts";
import { UploadError, uploadFile } from "../requests/upload-file.ts";
import { useUser } from "../session/session-context.tsx";
import { type ChannelEdit, ChannelModal } from "./channel-form.tsx";
import {
  CHANNEL_KIND_LABELS,
  type ChannelWithCount,
  channelsWithCounts,
  rejectedRowsOf,
} from "./channel-labels.ts";

/** The posts of one channel in a year. */
function PostsCard({
  channel,
  year,
  onClose,
}: {
  readonly channel: Channel;
  readonly year: number;
  readonly onClose: () => void;
}): ReactNode {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<{ posts: ChannelPost[]; total: number } | null>(null);
  useEffect(() => {
    apiRequest<{ posts: ChannelPost[]; total: number }>(`/api/channels/${channel.id}/posts`, {
      query: { year, page, pageSize: 20 },
    })
      .then(setAnswer)
      .catch((error: unknown) => message.error(messageOf(error)));
  }, [channel.id, year, page, message]);
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

/** The channels page. */
export function ChannelsPage(): ReactNode {
  usePageTitle("政务新媒体");
  const me = useUser();
  const { message } = App.useApp();
  const { agencies, allowed, first } = useAgenciesWhere("publication.view");
  const [agencyId, setAgencyId] = useState<number | undefined>();
  const [year, setYear] = useState(Number(todayInShanghai().slice(0, 4)));
  const [channels, setChannels] = useState<readonly Channel[]>([]);
  const [counts, setCounts] = useState<ChannelCounts | null>(null);
  const [loading, setLoading] = useState(false);
  const [edit, setEdit] = useState<ChannelEdit | null>(null);
  const [postsOf, setPostsOf] = useState<Channel | null>(null);
  const [importing, setImporting] = useState(false);
  const [rejected, setRejected] = useState<{ message: string; rows: RejectedRow[] } | null>(null);
  useEffect(() => {
    if (agencyId === undefined && first !== undefined) setAgencyId(first);
  }, [agencyId, first]);
  const mayEdit = agencyId !== undefined && mayIn(me, "publication.edit", agencyId);

  const load = useCallback(async () => {
    if (agencyId === undefined) return;
    setLoading(true);
    try {
      const [list, yearCounts] = await Promise.all([
        apiRequest<{ channels: Channel[] }>("/api/channels", { query: { agencyId } }),
        apiRequest<ChannelCounts>("/api/channels/counts", { query: { agencyId, year } }),
      ]);
      setChannels(list.channels);
      setCounts(yearCounts);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, [agencyId, year, message]);
  useEffect(() => {
    void load();
  }, [load]);
  const rows = useMemo(() => channelsWithCounts(channels, counts), [channels, counts]);
  const total = rows.reduce((sum, r) => sum + r.posts, 0);

  const importFile = async (file: File): Promise<void> => {
    if (agencyId === undefined) return;
    setImporting(true);
    setRejected(null);
    try {
      const answer = await uploadFile<{ imported: number }>(
        `/api/channels/posts/import?agencyId=${agencyId}`,
        file,
      );
      message.success(`已导入 ${answer.imported} 条发布记录`);
      await load();
    } catch (error) {
      const rowsOf = error instanceof UploadError ? rejectedRowsOf(error.body) : [];
      if (rowsOf.length > 0) setRejected({ message: messageOf(error), rows: rowsOf });
      else message.error(messageOf(error));
    } finally {
      setImporting(false);
    }
  };

  const columns: TableColumnsType<ChannelWithCount> = [
    {
      title: "类型",
      dataIndex: "kind",
      width: 120,
      render: (k: Channel["kind"]) => CHANNEL_KIND_LABELS[k] ?? k,
    },
    { title: "名称", dataIndex: "name" },
    { title: "账号", dataIndex: "account", render: (a: string) => a || "—" },
    {
      title: "互动功能",
      key: "interactive",
      width: 150,
      render: (_v: unknown, c: ChannelWithCount) =>
        c.kind === "portal"
          ? "—"
          : `${c.interactive ? "可用" : "不可用"}${c.interactiveCheckedOn ? `（${c.interactiveCheckedOn} 检查）` : ""}`,
    },
    {
      title: `${year} 年发布数`,
      dataIndex: "posts",
      width: 130,
      align: "right",
      render: (n: number, c) => (
        <Button type="link" size="small" onClick={() => setPostsOf(c)}>
          {n}
        </Button>
      ),
    },
    ...(mayEdit
      ? [
          {
            title: "操作",
            key: "actions",
            width: 90,
            render: (_v: unknown, c: ChannelWithCount) =>
              c.kind === "portal" ? null : (
                <Button type="link" size="small" onClick={() => setEdit({ mode: "change", channel: c })}>
                  修改
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <span>机关：</span>
        <AgencySelect agencies={agencies} allowed={allowed} value={agencyId} onChange={setAgencyId} />
        <Select
          aria-label="年度"
          options={yearOptions()}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
        />
        {mayEdit && agencyId !== undefined && (
          <>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEdit({ mode: "add", agencyId })}>
              登记账号
            </Button>
            <Upload
              accept=".csv,.xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />} loading={importing}>
                导入发布记录（CSV/XLSX）
              </Button>
            </Upload>
          </>
        )}
      </Space>
      {mayEdit && (
        <Typography.Text type="secondary">
          导入文件第一行为表头：渠道、链接、发布时间（YYYY-MM-DD
          HH:mm），可选标题、信息ID；渠道按上表名称填写。有任何一行出错则整份文件不导入。
        </Typography.Text>
      )}
      {rejected && (
        <Alert
          type="error"
          showIcon
          title={rejected.message}
          closable={{ onClose: () => setRejected(null) }}
          description={
            <Table<RejectedRow>
              rowKey={(r) => `${r.row}-${r.message}`}
              size="small"
              pagination={false}
              dataSource={rejected.rows}
              columns={[
                { title: "行号", dataIndex: "row", width: 80 },
                { title: "原因", dataIndex: "message" },
              ]}
            />
          }
        />
      )}
      <Table<ChannelWithCount>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              合计
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {total}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {postsOf && (
        <PostsCard
          key={`${postsOf.id}-${year}`}
          channel={postsOf}
          year={year}
          onClose={() => setPostsOf(null)}
        />
      )}
      <ChannelModal
        edit={edit}
        onClose={(changed) => {
          setEdit(null);
          if (changed) void load();
        }}
      />
    </Space>
  );
}
