/**
 * Column commands and queries: every agency's tree starts with the four first-level columns (created on
 * first use, recorded in the trail); columns below them carry a 条例第二十条 item and, for periodic columns,
 * a cadence whose issues are counted per year.
 */

import { DomainError } from "../core/domain-error.ts";
import { failPublication } from "../core/publication/publication-errors.ts";
import {
  CADENCE_SPECS,
  type Cadence,
  cadenceOverdue,
  isCadence,
  isCategoryItem,
} from "../core/publication/publication-rules.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import { type Actor, SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import {
  type Column,
  columnInUse,
  deleteColumn as deleteColumnRow,
  findColumn,
  insertColumn,
  insertMissingRoots,
  isColumnNameViolation,
  listColumns,
  updateColumn as updateColumnRow,
} from "./column.repository.ts";
import { listPublicationPage } from "./publication-query.repository.ts";

/** What creating or changing a column takes. */
export interface ColumnInput {
  readonly parentId: number;
  readonly name: string;
  readonly categoryItem?: string | null;
  readonly cadence?: string | null;
  readonly sortOrder?: number;
}

/** An agency's columns, creating the four first-level columns first if the agency has none yet. */
export async function columnTree(database: Database, agencyId: number): Promise<Column[]> {
  const columns = await listColumns(database.db, agencyId);
  if (columns.filter((c) => c.rootKind !== null).length === 4) return columns;
  await database.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const inserted = await insertMissingRoots(trx, agencyId, now);
    for (const column of inserted) {
      await recordChange(trx, database.dialect, SYSTEM_ACTOR, {
        agencyId,
        action: "column.create",
        entityType: "column",
        entityId: column.id,
        after: column,
        at: now,
      });
    }
  });
  return listColumns(database.db, agencyId);
}

/** The first-level 法定主动公开内容 column of an agency. */
export async function proactiveRoot(database: Database, agencyId: number): Promise<Column> {
  const root = (await columnTree(database, agencyId)).find((c) => c.rootKind === "proactive");
  if (!root) throw new DomainError("INTERNAL_ERROR");
  return root;
}

/** A column and its descendants' ids (the column first). */
export function subtreeIds(columns: readonly Column[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const c of columns) if (c.parentId === out[i] && !out.includes(c.id)) out.push(c.id);
  }
  return out;
}

/** One column of an agency; 400 INVALID_COLUMN when it is missing or belongs to another agency. */
export async function columnOf(database: Database, agencyId: number, id: number): Promise<Column> {
  const column = await findColumn(database.db, id);
  if (!column || column.agencyId !== agencyId) throw failPublication("INVALID_COLUMN");
  return column;
}

/** The checked values of a column input. */
async function checkedValues(database: Database, agencyId: number, input: ColumnInput, selfId?: number) {
  const name = input.name.trim();
  if (name === "") throw new DomainError("INVALID_INPUT", "栏目名称不能为空");
  const parent = await columnOf(database, agencyId, input.parentId);
  if (selfId !== undefined) {
    const columns = await listColumns(database.db, agencyId);
    if (subtreeIds(columns, selfId).includes(parent.id)) {
      throw new DomainError("INVALID_INPUT", "不能把栏目移到它自己或它的下级栏目之下");
    }
  }
  const categoryItem = input.categoryItem ?? null;
  if (categoryItem !== null && !isCategoryItem(categoryItem)) throw failPublication("INVALID_CATEGORY");
  const cadence = input.cadence ?? null;
  if (cadence !== null && !isCadence(cadence)) {
    throw new DomainError("INVALID_INPUT", "更新周期不正确，应为 weekly、monthly、quarterly 或 yearly");
  }
  return {
    parentId: parent.id,
    name,
    categoryItem,
    cadence: cadence as Cadence | null,
    sortOrder: input.sortOrder ?? 0,
  };
}

/** Runs a write, turning a duplicate sibling name into 409 DUPLICATE_NAME. */
async function nameChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isColumnNameViolation(error)) throw new DomainError("DUPLICATE_NAME", "同一上级栏目下已有同名栏目");
    throw error;
  }
}

/** Creates a column below an existing one of the agency. */
export async function createColumn(
  database: Database,
  agencyId: number,
  input: ColumnInput,
  actor: Actor,
): Promise<Column> {
  await columnTree(database, agencyId);
  const values = await checkedValues(database, agencyId, input);
  return nameChecked(() =>
    database.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const column = await insertColumn(trx, agencyId, values, now);
      await recordChange(trx, database.dialect, actor, {
        agencyId,
        action: "column.create",
        entityType: "column",
        entityId: column.id,
        after: column,
        at: now,
      });
      return column;
    }),
  );
}

/** Changes a column below the first level (the four first-level columns are fixed). */
export async function changeColumn(
  database: Database,
  id: number,
  input: Partial<ColumnInput>,
  actor: Actor,
): Promise<Column> {
  const before = await findColumn(database.db, id);
  if (!before) throw new DomainError("NOT_FOUND");
  if (before.rootKind !== null || before.parentId === null) throw failPublication("ROOT_COLUMN_FIXED");
  const values = await checkedValues(
    database,
    before.agencyId,
    {
      parentId: input.parentId ?? before.parentId,
      name: input.name ?? before.name,
      categoryItem: input.categoryItem === undefined ? before.categoryItem : input.categoryItem,
      cadence: input.cadence === undefined ? before.cadence : input.cadence,
      sortOrder: input.sortOrder ?? before.sortOrder,
    },
    id,
  );
  return nameChecked(() =>
    database.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const after = await updateColumnRow(trx, id, values, now);
      await recordChange(trx, database.dialect, actor, {
        agencyId: before.agencyId,
        action: "column.update",
        entityType: "column",
        entityId: id,
        before,
        after,
        at: now,
      });
      return after;
    }),
  );
}

/** Deletes an empty column below the first level. */
export async function removeColumn(database: Database, id: number, actor: Actor): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const before = await findColumn(trx, id);
    if (!before) throw new DomainError("NOT_FOUND");
    if (before.rootKind !== null) throw failPublication("ROOT_COLUMN_FIXED");
    if (await columnInUse(trx, id)) throw failPublication("COLUMN_NOT_EMPTY");
    await deleteColumnRow(trx, id);
    await recordChange(trx, database.dialect, actor, {
      agencyId: before.agencyId,
      action: "column.delete",
      entityType: "column",
      entityId: id,
      before,
      at: new Date().toISOString(),
    });
  });
}

/** The issues of a periodic column in a year, and whether the next one is overdue by its cadence. */
export interface ColumnIssues {
  readonly column: Column;
  readonly year: number;
  readonly issues: {
    id: number;
    issueNo: number | null;
    title: string;
    publishedOn: string | null;
    indexNo: string | null;
  }[];
  readonly expectedPerYear: number | null;
  readonly lastPublishedOn: string | null;
  readonly overdue: boolean;
}

/** The issues published in a column (and its sub-columns) in a year, oldest first, with the cadence check. */
export async function columnIssues(
  database: Database,
  column: Column,
  year: number,
  today: string,
): Promise<ColumnIssues> {
  const columns = await listColumns(database.db, column.agencyId);
  const filter = {
    agencyIds: [column.agencyId],
    columnIds: subtreeIds(columns, column.id),
    publicOnly: true,
  };
  const { items } = await listPublicationPage(
    database.db,
    { ...filter, year },
    { page: 1, pageSize: 10_000 },
  );
  const latest = (await listPublicationPage(database.db, filter, { page: 1, pageSize: 1 })).items[0];
  const lastPublishedOn = latest?.publishedOn ?? null;
  const since = lastPublishedOn ?? column.createdAt.slice(0, 10);
  return {
    column,
    year,
    issues: items
      .map((p) => ({
        id: p.id,
        issueNo: p.issueNo,
        title: p.title,
        publishedOn: p.publishedOn,
        indexNo: p.indexNo,
      }))
      .reverse(),
    expectedPerYear: column.cadence ? CADENCE_SPECS[column.cadence].perYear : null,
    lastPublishedOn,
    overdue: column.cadence ? cadenceOverdue(column.cadence, since, today) : false,
  };
}
