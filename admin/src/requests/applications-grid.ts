/**
 * Table 三 as the 2021 format prints it (国办公开办函〔2021〕30号): three merged header rows over 申请人情况,
 * the row labels merged by group (三、本年度办理结果 › （三）不予公开 …), and seven counts per row, each
 * count knowing its row key and column so the page can link it to the cases behind it.
 */
import {
  APPLICATION_ROWS,
  type ApplicationsTable,
  COLUMN_LABELS,
} from "../../../src/core/report/report-model.ts";

/** A header or label cell, HTML-style: later rows leave out the slots it covers. */
export interface GridLabel {
  readonly type: "head" | "label";
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** A count cell of table 三. */
export interface GridCount {
  readonly type: "count";
  readonly rowKey: string;
  readonly column: number;
  readonly value: number | null;
}

/** One cell of the grid. */
export type GridCell = GridLabel | GridCount;

/** The header note over the label columns, as the format prints it. */
export const APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

const RESULTS_GROUP = "三、本年度办理结果";

const head = (text: string, rowSpan = 1, colSpan = 1): GridLabel => ({
  type: "head",
  text,
  rowSpan,
  colSpan,
});
const label = (text: string, rowSpan = 1, colSpan = 1): GridLabel => ({
  type: "label",
  text,
  rowSpan,
  colSpan,
});

/** The three header rows (10 columns: three for labels, seven counts). */
export function headerRows(): GridLabel[][] {
  return [
    [head(APPLICATIONS_NOTE, 3, 3), head("申请人情况", 1, 7)],
    [
      head(COLUMN_LABELS[0] ?? "自然人", 2),
      head("法人或其他组织", 1, 5),
      head(COLUMN_LABELS[6] ?? "总计", 2),
    ],
    COLUMN_LABELS.slice(1, 6).map((text) => head(text)),
  ];
}

/** The 25 body rows: merged labels, then the seven counts of the row (null where the table has none). */
export function bodyRows(table: ApplicationsTable): GridCell[][] {
  const resultRows = APPLICATION_ROWS.filter((r) => r.group !== "").length;
  return APPLICATION_ROWS.map((spec, index) => {
    const previous = index > 0 ? (APPLICATION_ROWS[index - 1]?.group ?? "") : "";
    const cells: GridCell[] = [];
    if (spec.group === "") {
      cells.push(label(spec.label, 1, 3));
    } else {
      if (previous === "") cells.push(label(RESULTS_GROUP, resultRows));
      if (spec.group === RESULTS_GROUP) {
        cells.push(label(spec.label, 1, 2));
      } else {
        if (spec.group !== previous) {
          cells.push(label(spec.group, APPLICATION_ROWS.filter((r) => r.group === spec.group).length));
        }
        cells.push(label(spec.label));
      }
    }
    const values = table[spec.key] ?? [];
    for (let column = 0; column < 7; column++) {
      cells.push({ type: "count", rowKey: spec.key, column, value: values[column] ?? null });
    }
    return cells;
  });
}

/** The number of grid columns a row covers, counting the slots of cells merged down from rows above. */
export function coveredColumns(rows: readonly (readonly GridCell[])[]): number[] {
  const pending: number[] = [];
  return rows.map((row, r) => {
    let width = 0;
    for (const cell of row) {
      const colSpan = cell.type === "count" ? 1 : cell.colSpan;
      const rowSpan = cell.type === "count" ? 1 : cell.rowSpan;
      width += colSpan;
      for (let k = 1; k < rowSpan; k++) pending[r + k] = (pending[r + k] ?? 0) + colSpan;
    }
    return width + (pending[r] ?? 0);
  });
}
