import { describe, expect, it } from "vitest";
import type { Channel } from "../api/publication-types.ts";
import { channelsWithCounts, rejectedRowsOf } from "./channel-labels.ts";

const channel = (id: number, kind: Channel["kind"], name: string): Channel => ({
  id,
  agencyId: 2,
  kind,
  name,
  account: "",
  interactive: true,
  interactiveCheckedOn: null,
  createdAt: "",
  updatedAt: "",
});

describe("refused imports", () => {
  it("lists the rejected rows of a 422 answer in row order", () => {
    const body = {
      code: "IMPORT_INVALID",
      message: "导入文件有 2 处错误，未导入任何记录",
      rows: [
        { row: 5, message: "渠道“抖音”未登记" },
        { row: 3, message: "发布时间格式不正确，应为 YYYY-MM-DD HH:mm" },
      ],
    };
    expect(rejectedRowsOf(body)).toEqual([
      { row: 3, message: "发布时间格式不正确，应为 YYYY-MM-DD HH:mm" },
      { row: 5, message: "渠道“抖音”未登记" },
    ]);
  });

  it("finds no rows in other answers", () => {
    expect(rejectedRowsOf(null)).toEqual([]);
    expect(rejectedRowsOf({ code: "FORBIDDEN", message: "无权操作" })).toEqual([]);
    expect(rejectedRowsOf({ rows: [{ row: "x" }, 7] })).toEqual([]);
  });
});

describe("counts per channel", () => {
  it("joins the year's counts to every channel, the portal first, none counted as 0", () => {
    const channels = [
      channel(3, "weibo", "示范公安"),
      channel(1, "portal", "政府信息公开专栏"),
      channel(2, "wechat", "平安示范"),
    ];
    const counts = {
      year: 2022,
      counts: [{ channelId: 2, kind: "wechat" as const, name: "平安示范", posts: 212 }],
    };
    expect(channelsWithCounts(channels, counts).map((c) => [c.name, c.posts])).toEqual([
      ["政府信息公开专栏", 0],
      ["平安示范", 212],
      ["示范公安", 0],
    ]);
  });
});
