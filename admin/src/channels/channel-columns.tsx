/**
 * The channels table's columns: kind, name, account, whether interaction works (N-2), the year's post
 * count (opens the posts) and, for editors, 修改.
 */
import type { TableColumnsType } from "antd";
import { Button } from "antd";
import type { Channel } from "../api/publication-types.ts";
import { CHANNEL_KIND_LABELS, type ChannelWithCount } from "./channel-labels.ts";

/** What the columns need from the page. */
export interface ChannelColumnsContext {
  readonly year: number;
  readonly mayEdit: boolean;
  readonly showPosts: (channel: ChannelWithCount) => void;
  readonly change: (channel: ChannelWithCount) => void;
}

/** The columns of the channels table. */
export function channelColumns({
  year,
  mayEdit,
  showPosts,
  change,
}: ChannelColumnsContext): TableColumnsType<ChannelWithCount> {
  return [
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
        <Button type="link" size="small" onClick={() => showPosts(c)}>
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
                <Button type="link" size="small" onClick={() => change(c)}>
                  修改
                </Button>
              ),
          },
        ]
      : []),
  ];
}
