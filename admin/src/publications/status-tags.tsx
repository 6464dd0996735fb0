/**
 * The tags of a catalog item: its 先审后发 status, whose turn it is, and its R-26-1 flag.
 */
import { Space, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import type { PublicationStatus, R26Status } from "../api/publication-types.ts";
import { r26Tag, STATUS_LABELS, turnOf } from "./publication-labels.ts";

/** The status as a coloured tag. */
export function StatusTag({ status }: { readonly status: PublicationStatus }): ReactNode {
  const label = STATUS_LABELS[status];
  return <Tag color={label.color}>{label.text}</Tag>;
}

/** Whose turn it is, as secondary text ("—" when nothing waits). */
export function TurnText({ status }: { readonly status: PublicationStatus }): ReactNode {
  const turn = turnOf(status);
  return <Typography.Text type={turn ? undefined : "secondary"}>{turn ?? "—"}</Typography.Text>;
}

/** The R-26-1 flag as a tag with its due date in a tooltip; nothing while the item keeps the limit. */
export function R26FlagTag({ r26 }: { readonly r26: R26Status }): ReactNode {
  const tag = r26Tag(r26);
  if (!tag) return null;
  return (
    <Space size={0}>
      <Tooltip title={tag.hint}>
        <Tag color={tag.color} tabIndex={0}>
          {tag.text}
        </Tag>
      </Tooltip>
      {r26.provisional && (
        <Tooltip title="期限跨入尚未录入节假日安排的年份，暂按周一至周五计算（R-WD-3）">
          <Tag color="gold" tabIndex={0}>
            暂定
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
