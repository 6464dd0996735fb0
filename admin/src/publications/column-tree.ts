/**
 * An agency's columns as a tree for antd's Tree/TreeSelect and Table, with each column's path
 * ("法定主动公开内容 / 规划计划") and the columns an item may be filed in.
 */
import type { CatalogColumn } from "../api/publication-types.ts";

/** A node of the column tree. */
export interface ColumnNode {
  readonly key: number;
  readonly value: number;
  readonly title: string;
  readonly column: CatalogColumn;
  readonly children?: ColumnNode[];
}

/** The columns as a forest, siblings by sort order then id; `children` is left out on leaves. */
export function columnForest(columns: readonly CatalogColumn[]): ColumnNode[] {
  const byParent = new Map<number | null, CatalogColumn[]>();
  for (const column of columns) {
    const siblings = byParent.get(column.parentId) ?? [];
    siblings.push(column);
    byParent.set(column.parentId, siblings);
  }
  const known = new Set(columns.map((c) => c.id));
  const build = (column: CatalogColumn, seen: ReadonlySet<number>): ColumnNode => {
    const children = (byParent.get(column.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((c) => build(c, new Set([...seen, c.id])));
    return {
      key: column.id,
      value: column.id,
      title: column.name,
      column,
      ...(children.length > 0 ? { children } : {}),
    };
  };
  return columns
    .filter((c) => c.parentId === null || !known.has(c.parentId))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .map((c) => build(c, new Set([c.id])));
}

/** The path of a column from its first-level column ("法定主动公开内容 / 周警情播报"). */
export function columnPath(columns: readonly CatalogColumn[], id: number): string {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<number>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    names.unshift(current.name);
    seen.add(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return names.join(" / ");
}
