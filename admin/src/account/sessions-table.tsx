/**
 * 登录会话: the user's own sessions (GET /api/account/sessions), the current one marked, each other one
 * with 注销 (DELETE /api/account/sessions/:id, confirmed).
 */
import { App, Button, Popconfirm, Table, Tag } from "antd";
import { type ReactNode, useCallback } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { AccountSession } from "../api/api-types.ts";
import { localMinuteText } from "../shared/dates.ts";
import { useApiQuery } from "../shared/use-api-query.ts";

/** A short description of a browser from its user agent. */
function browserOf(userAgent: string): string {
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "";
  return [browser, os].filter(Boolean).join(" · ") || userAgent || "未知";
}

/** The sessions table; `refreshKey` changes reload it. */
export function SessionsTable({ refreshKey }: { readonly refreshKey: number }): ReactNode {
  const { message } = App.useApp();
  const read = useCallback(async () => {
    void refreshKey;
    return (await apiRequest<{ sessions: AccountSession[] }>("/api/account/sessions")).sessions;
  }, [refreshKey]);
  const { data, loading, reload: load } = useApiQuery(read);
  const sessions: readonly AccountSession[] = data ?? [];

  const revoke = async (session: AccountSession): Promise<void> => {
    try {
      await apiRequest<void>(`/api/account/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" });
      message.success("已注销该会话");
      await load();
    } catch (error) {
      message.error(messageOf(error));
    }
  };

  return (
    <Table<AccountSession>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...sessions]}
      pagination={false}
      locale={{ emptyText: "没有登录会话" }}
      columns={[
        {
          title: "设备与浏览器",
          dataIndex: "userAgent",
          render: (ua: string, s) => (
            <span title={ua}>
              {browserOf(ua)} {s.current && <Tag color="green">当前会话</Tag>}
            </span>
          ),
        },
        { title: "IP 地址", dataIndex: "ip", width: 150 },
        {
          title: "登录时间",
          dataIndex: "createdAt",
          width: 170,
          render: (at: string) => localMinuteText(at),
        },
        {
          title: "最近活动",
          dataIndex: "lastSeenAt",
          width: 170,
          render: (at: string) => localMinuteText(at),
        },
        {
          title: "操作",
          key: "actions",
          width: 120,
          render: (_v, s) =>
            s.current ? (
              <span>（本机）</span>
            ) : (
              <Popconfirm
                title="注销该会话？"
                description="该设备上的登录将立即失效。"
                okText="注销"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => revoke(s)}
              >
                <Button danger type="link">
                  注销
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
