/**
 * The three tables of the report as grids of cells with the merged header cells of the national format
 * (国办公开办函〔2021〕30号), shared by the HTML, DOCX, XLSX and PDF writers.
 */
import type { AnnualReport, ProactiveTables } from "../core/report/report-model.ts";
import {
  APPLICATION_ROWS,
  COLUMN_LABELS,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
} from "../core/report/report-model.ts";
import { countText } from "./report-parts.ts";

/** What a cell holds: a header, a row label, a count, or the fee amount (an exact decimal string). */
export type CellKind = "head" | "label" | "count" | "amount";

/** One cell as it starts in its row, HTML-style: later rows leave out the slots it covers. */
export interface GridCell {
  readonly text: string;
  readonly kind: CellKind;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** A cell with the grid slot of its top-left corner. */
export interface PlacedCell extends GridCell {
  readonly row: number;
  readonly col: number;
}

/** Which table of the report. */
export type TableKey = "proactive" | "applications" | "review";

/** One table of the report as a grid. */
export interface ReportTable {
  readonly key: TableKey;
  /** The section the table belongs to ("二", "三", "四"). */
  readonly sectionNo: string;
  /** A short name, also the worksheet name ("表三 依申请"). */
  readonly name: string;
  readonly columns: number;
  /** How many leading rows are column headers (repeated or frozen by the writers). */
  readonly headerRows: number;
  /** Relative column widths, summing to 100. */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly GridCell[])[];
}

/** The note over table 三's label columns, as the format prints it. */
export const APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/** The group label of the result rows of table 三. */
export const RESULTS_GROUP = "三、本年度办理结果";

/** One block of table 二: its 第二十条 item, column heads and labelled rows of values. */
export interface ProactiveBlock {
  readonly item: string;
  readonly heads: readonly string[];
  /** Counts, or the fee amount of （八）. */
  readonly kind: "count" | "amount";
  readonly rows: readonly { readonly label: string; readonly values: readonly string[] }[];
}

/** The four blocks of table 二 (第二十条第（一）（五）（六）（八）项) with the report's values as text. */
export function proactiveBlocks(p: ProactiveTables): ProactiveBlock[] {
  const rules = (r: ProactiveTables["regulations"]) => [r.issued, r.abolished, r.valid].map(countText);
  return [
    {
      item: "第二十条第（一）项",
      heads: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      kind: "count",
      rows: [
        { label: "规章", values: rules(p.regulations) },
        { label: "行政规范性文件", values: rules(p.normativeDocuments) },
      ],
    },
    {
      item: "第二十条第（五）项",
      heads: ["信息内容", "本年处理决定数量"],
      kind: "count",
      rows: [{ label: "行政许可", values: [countText(p.licensing)] }],
    },
    {
      item: "第二十条第（六）项",
      heads: ["信息内容", "本年处理决定数量"],
      kind: "count",
      rows: [
        { label: "行政处罚", values: [countText(p.penalty)] },
        { label: "行政强制", values: [countText(p.enforcement)] },
      ],
    },
    {
      item: "第二十条第（八）项",
      heads: ["信息内容", "本年收费金额（单位：万元）"],
      kind: "amount",
      rows: [{ label: "行政事业性收费", values: [p.fees ?? ""] }],
    },
  ];
}

/**
 * Where row `index` of table 三 stands in the merged label cells: whether it is the first result row
 * (三、本年度办理结果) and whether it is the first row of its group ("（三）不予公开").
 */
export function rowStarts(index: number): { readonly results: boolean; readonly group: boolean } {
  const group = APPLICATION_ROWS[index]?.group ?? "";
  const previous = index > 0 ? (APPLICATION_ROWS[index - 1]?.group ?? "") : "";
  return { results: group !== "" && previous === "", group: group !== previous };
}

const cell = (text: string, kind: CellKind, rowSpan = 1, colSpan = 1): GridCell => ({
  text,
  kind,
  rowSpan,
  colSpan,
});

function proactiveTable(report: AnnualReport): ReportTable {
  const rows: GridCell[][] = [];
  for (const block of proactiveBlocks(report.proactive)) {
    const wide = block.heads.length === 2;
    rows.push([cell(block.item, "head", 1, 4)]);
    rows.push(block.heads.map((h, i) => cell(h, "head", 1, wide && i === 1 ? 3 : 1)));
    for (const row of block.rows) {
      rows.push([cell(row.label, "label"), ...row.values.map((v) => cell(v, block.kind, 1, wide ? 3 : 1))]);
    }
  }
  return {
    key: "proactive",
    sectionNo: "二",
    name: "表二 主动公开",
    columns: 4,
    headerRows: 0,
    widths: [34, 22, 22, 22],
    rows,
  };
}

function applicationsTable(report: AnnualReport): ReportTable {
  const rows: GridCell[][] = [
    [cell(APPLICATIONS_NOTE, "head", 3, 3), cell("申请人情况", "head", 1, 7)],
    [cell(COLUMN_LABELS[0] ?? "", "head", 2), cell("法人或其他组织", "head", 1, 5), cell("总计", "head", 2)],
    COLUMN_LABELS.slice(1, 6).map((label) => cell(label, "head")),
  ];
  const resultRows = APPLICATION_ROWS.filter((r) => r.group !== "").length;
  APPLICATION_ROWS.forEach((spec, index) => {
    const values = (report.applications[spec.key] ?? []).slice(0, 7);
    const numbers = Array.from({ length: 7 }, (_, i) => cell(countText(values[i] ?? null), "count"));
    const labels: GridCell[] = [];
    const starts = rowStarts(index);
    if (spec.group === "") {
      labels.push(cell(spec.label, "label", 1, 3));
    } else {
      if (starts.results) labels.push(cell(RESULTS_GROUP, "label", resultRows));
      if (spec.group === RESULTS_GROUP) {
        labels.push(cell(spec.label, "label", 1, 2));
      } else {
        if (starts.group) {
          const size = APPLICATION_ROWS.filter((r) => r.group === spec.group).length;
          labels.push(cell(spec.group, "label", size));
        }
        labels.push(cell(spec.label, "label"));
      }
    }
    rows.push([...labels, ...numbers]);
  });
  return {
    key: "applications",
    sectionNo: "三",
    name: "表三 依申请",
    columns: 10,
    headerRows: 3,
    widths: [9, 11, 31, 7, 7, 7, 7, 7, 7, 7],
    rows,
  };
}

function reviewTable(report: AnnualReport): ReportTable {
  const fields = () => REVIEW_FIELD_LABELS.map((label) => cell(label, "head"));
  return {
    key: "review",
    sectionNo: "四",
    name: "表四 复议诉讼",
    columns: 15,
    headerRows: 3,
    widths: Array.from({ length: 15 }, () => 100 / 15),
    rows: [
      [cell("行政复议", "head", 1, 5), cell("行政诉讼", "head", 1, 10)],
      [
        ...REVIEW_FIELD_LABELS.map((label) => cell(label, "head", 2)),
        cell("未经复议直接起诉", "head", 1, 5),
        cell("复议后起诉", "head", 1, 5),
      ],
      [...fields(), ...fields()],
      REVIEW_GROUPS.flatMap((group) =>
        REVIEW_FIELDS.map((field) => cell(countText(report.review[group][field]), "count")),
      ),
    ],
  };
}

/** The three tables of the report in order (表二, 表三, 表四). */
export function reportTables(report: AnnualReport): ReportTable[] {
  return [proactiveTable(report), applicationsTable(report), reviewTable(report)];
}

/** Gives each cell its top-left grid slot, skipping slots taken by cells spanning down from rows above. */
export function placeCells(table: ReportTable): PlacedCell[] {
  const taken = table.rows.map(() => new Array<boolean>(table.columns).fill(false));
  const placed: PlacedCell[] = [];
  table.rows.forEach((cells, row) => {
    let col = 0;
    for (const c of cells) {
      while (taken[row]?.[col]) col++;
      for (let r = row; r < row + c.rowSpan; r++) {
        for (let k = col; k < col + c.colSpan; k++) {
          const line = taken[r];
          if (line === undefined || k >= table.columns || line[k]) {
            throw new Error(`table ${table.key}: cell "${c.text}" at row ${row} overlaps or leaves the grid`);
          }
          line[k] = true;
        }
      }
      placed.push({ ...c, row, col });
      col += c.colSpan;
    }
  });
  return placed;
}
