/**
 * The change an audit-trail entry records, as a table of fields with the value before and after; changed
 * fields are marked.
 */
import { Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { isRole, ROLES } from "../../../src/core/access/permissions.ts";
import { fieldLabel } from "./trail-labels.ts";

/** The name of an agency by id, for role lists. */
type AgencyNameOf = (id: number) => string;

interface DiffRow {
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly changed: boolean;
}

/** Flatten a JSON value to "a.b" paths with displayable values (arrays are shown whole). */
function flatten(value: unknown, prefix: string, out: Map<string, string>, agencyName: AgencyNameOf): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, out, agencyName);
    }
    return;
  }
  out.set(prefix || "（值）", displayOf(value, agencyName));
}

/** A role held in an agency, as recorded: "机关 · 角色". */
function roleText(item: unknown, agencyName: AgencyNameOf): string | null {
  if (item === null || typeof item !== "object") return null;
  const { agencyId, role } = item as { agencyId?: unknown; role?: unknown };
  if (typeof agencyId !== "number" || typeof role !== "string") return null;
  return `${agencyName(agencyId)} · ${isRole(role) ? ROLES[role] : role}`;
}

/** A value as text: roles as "机关 · 角色" lines, other lists one item a line. */
function displayOf(value: unknown, agencyName: AgencyNameOf): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (value === true) return "是";
  if (value === false) return "否";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return "（无）";
    return value.map((item) => roleText(item, agencyName) ?? displayOf(item, agencyName)).join("\n");
  }
  return JSON.stringify(value, null, 1);
}

/** The rows of the diff between two recorded states. */
export function diffRows(before: unknown, after: unknown, agencyName: AgencyNameOf): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, "", a, agencyName);
  if (after !== null && after !== undefined) flatten(after, "", b, agencyName);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.map((path) => ({
    path,
    before: a.get(path),
    after: b.get(path),
    changed: a.get(path) !== b.get(path),
  }));
}

/** The before/after table of one entry. */
export function TrailDiff({
  before,
  after,
  agencyName,
}: {
  readonly before: unknown;
  readonly after: unknown;
  readonly agencyName: AgencyNameOf;
}): ReactNode {
  const rows = diffRows(before, after, agencyName);
  if (rows.length === 0) return <Typography.Text type="secondary">该记录没有附带数据变化。</Typography.Text>;
  const created = before === null || before === undefined;
  const removed = after === null || after === undefined;
  return (
    <Table<DiffRow>
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={rows}
      rowClassName={(row) => (row.changed && !created && !removed ? "diff-changed" : "")}
      columns={[
        {
          title: "字段",
          dataIndex: "path",
          width: 200,
          render: (path: string, row) => (
            <span>
              {fieldLabel(path)} {row.changed && !created && !removed && <Tag color="orange">已修改</Tag>}
            </span>
          ),
        },
        {
          title: created ? "修改前（新建，无）" : "修改前",
          dataIndex: "before",
          render: (value: string | undefined) => <span className="diff-value">{value ?? "—"}</span>,
        },
        {
          title: removed ? "修改后（已删除）" : "修改后",
          dataIndex: "after",
          render: (value: string | undefined) => <span className="diff-value">{value ?? "—"}</span>,
        },
      ]}
    />
  );
}
