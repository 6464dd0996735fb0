/**
 * 网民留言: the messages of an agency by tab (待答复 / 已答复 / 无效留言) with their reply-due dates and
 * overdue tags, and the year's summary with W-7 and the reply limit.
 */
import type { TableColumnsType } from "antd";
import { Space, Table, Tabs, Tag } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { MessagePage, MessageStatus, StaffMessage } from "../api/message-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { mayIn } from "../publications/publication-labels.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencyYearPicker, useAgenciesWhere } from "../shared/agency-year-picker.tsx";
import { currentYear, todayInShanghai } from "../shared/dates.ts";
import { ReloadButton } from "../shared/filter-bar.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { BoardSummaryCard } from "./board-summary-card.tsx";
import { MESSAGE_TABS, replyDueTag } from "./message-labels.ts";

/** The message board's worklist. */
export function MessageListPage(): ReactNode {
  usePageTitle("网民留言");
  const me = useUser();
  const { agencies, allowed, first } = useAgenciesWhere("message.view");
  const params = new URLSearchParams(window.location.search);
  const [agencyId, setAgencyId] = useState<number | undefined>(Number(params.get("agencyId")) || undefined);
  const [year, setYear] = useState(currentYear);
  const [status, setStatus] = useState<MessageStatus>(
    (MESSAGE_TABS.find((t) => t.key === params.get("status"))?.key ?? "pending") as MessageStatus,
  );
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const today = todayInShanghai();
  useEffect(() => {
    if (agencyId === undefined && first !== undefined) setAgencyId(first);
  }, [agencyId, first]);
  useEffect(() => {
    if (agencyId !== undefined)
      window.history.replaceState(null, "", `${ADMIN_BASE}/messages?agencyId=${agencyId}&status=${status}`);
  }, [agencyId, status]);

  const read = useCallback(() => {
    // Pending messages are listed whatever the year they came in; the other tabs by year.
    const query = { agencyId, status, page, pageSize: 20, ...(status === "pending" ? {} : { year }) };
    return apiRequest<MessagePage>("/api/messages", { query });
  }, [agencyId, status, year, page]);
  const { data: answer, loading, reload } = useApiQuery(agencyId === undefined ? undefined : read);

  const open = (id: number) => navigate(`/messages/${id}`);
  const columns: TableColumnsType<StaffMessage> = [
    { title: "受理日期", dataIndex: "receivedOn", width: 105 },
    { title: "类别", dataIndex: "kindName", width: 70 },
    {
      title: "标题",
      dataIndex: "title",
      render: (title: string, row) => (
        <a
          href={`${ADMIN_BASE}/messages/${row.id}`}
          onClick={(event) => {
            event.preventDefault();
            open(row.id);
          }}
        >
          {title}
        </a>
      ),
    },
    { title: "留言人", dataIndex: "authorName", width: 120 },
    ...(status === "pending"
      ? [
          {
            title: "答复期限",
            key: "due",
            width: 190,
            render: (_v: unknown, row: StaffMessage) => {
              const tag = replyDueTag(row, today);
              return (
                <Space size={4}>
                  <span>{row.replyDueOn}</span>
                  {tag && <Tag color={tag.color}>{tag.text}</Tag>}
                </Space>
              );
            },
          },
        ]
      : status === "replied"
        ? [
            {
              title: "答复日期",
              key: "replied",
              width: 105,
              render: (_v: unknown, r: StaffMessage) => r.reply?.repliedOn ?? "—",
            },
            {
              title: "答复部门",
              key: "dept",
              width: 130,
              render: (_v: unknown, r: StaffMessage) => r.reply?.department ?? "—",
            },
            {
              title: "公开",
              key: "published",
              width: 90,
              render: (_v: unknown, r: StaffMessage) =>
                r.published ? (
                  <Tag color="green">已公开</Tag>
                ) : (
                  <Tag>{r.publishConsent ? "未公开" : "不同意公开"}</Tag>
                ),
            },
          ]
        : [{ title: "无效原因", dataIndex: "rejectReason", render: (r: string | null) => r ?? "—" }]),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <AgencyYearPicker
        choice={{ agencyId, year }}
        onChange={(next) => {
          setAgencyId(next.agencyId);
          setYear(next.year);
          setPage(1);
        }}
        agencies={agencies}
        allowed={allowed}
      >
        <ReloadButton
          onReload={() => {
            void reload();
            setVersion((v) => v + 1);
          }}
        />
      </AgencyYearPicker>
      {agencyId !== undefined && (
        <BoardSummaryCard
          agencyId={agencyId}
          year={year}
          maySetLimit={mayIn(me, "message.settings", agencyId)}
          version={version}
        />
      )}
      <Tabs
        activeKey={status}
        onChange={(key) => {
          setStatus(key as MessageStatus);
          setPage(1);
        }}
        items={MESSAGE_TABS.map((t) => ({ key: t.key, label: t.label }))}
      />
      <Table<StaffMessage>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={answer ? [...answer.items] : []}
        rowClassName={(row) => (replyDueTag(row, today)?.color === "red" ? "message-row-overdue" : "")}
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        locale={{ emptyText: "没有留言" }}
        pagination={{
          current: page,
          pageSize: 20,
          total: answer?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
      />
    </Space>
  );
}
