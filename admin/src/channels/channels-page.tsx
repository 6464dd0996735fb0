/**
 * 政务新媒体: an agency's channels (the portal and its registered accounts) with the year's post count of
 * each, registering and changing accounts, a channel's posts, and importing posts from CSV/XLSX — all rows or
 * none; a refused file's rejected rows are listed with their reasons.
 */
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Space, Table, Typography, Upload } from "antd";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Channel, ChannelCounts, RejectedRow } from "../api/publication-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { mayIn } from "../publications/publication-labels.ts";
import { UploadError, uploadFile } from "../requests/upload-file.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencyYearPicker, useAgencyYear } from "../shared/agency-year-picker.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { channelColumns } from "./channel-columns.tsx";
import { type ChannelEdit, ChannelModal } from "./channel-form.tsx";
import { type ChannelWithCount, channelsWithCounts, rejectedRowsOf } from "./channel-labels.ts";
import { ChannelPostsCard } from "./channel-posts-card.tsx";

/** The channels page. */
export function ChannelsPage(): ReactNode {
  usePageTitle("政务新媒体");
  const me = useUser();
  const { message } = App.useApp();
  const { choice, picker } = useAgencyYear("publication.view");
  const { agencyId, year } = choice;
  const [edit, setEdit] = useState<ChannelEdit | null>(null);
  const [postsOf, setPostsOf] = useState<Channel | null>(null);
  const [importing, setImporting] = useState(false);
  const [rejected, setRejected] = useState<{ message: string; rows: RejectedRow[] } | null>(null);
  const mayEdit = agencyId !== undefined && mayIn(me, "publication.edit", agencyId);

  const read = useCallback(async () => {
    if (agencyId === undefined) return null;
    const [list, yearCounts] = await Promise.all([
      apiRequest<{ channels: Channel[] }>("/api/channels", { query: { agencyId } }),
      apiRequest<ChannelCounts>("/api/channels/counts", { query: { agencyId, year } }),
    ]);
    return { channels: list.channels, counts: yearCounts };
  }, [agencyId, year]);
  const { data, loading, reload: load } = useApiQuery(agencyId === undefined ? undefined : read);
  const rows = useMemo(() => channelsWithCounts(data?.channels ?? [], data?.counts ?? null), [data]);
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

  const columns = channelColumns({
    year,
    mayEdit,
    showPosts: setPostsOf,
    change: (channel) => setEdit({ mode: "change", channel }),
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <AgencyYearPicker {...picker}>
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
      </AgencyYearPicker>
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
        <ChannelPostsCard
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
