/**
 * Tables 二, 三 and 四 of the annual report as the 2021 format prints them; with `cells`, every value that
 * has records behind it opens the list of those records. Table 三 uses the requests module's grid.
 */
import "../requests/requests-styles.css";
import "./reports-styles.css";
import type { ReactNode } from "react";
import {
  type ApplicationsTable,
  type Count,
  type ProactiveTables,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  type ReviewTable,
} from "../../../src/core/report/report-model.ts";
import type { CellRecords } from "../api/report-types.ts";
import { bodyRows, type GridCell, headerRows } from "../requests/applications-grid.ts";
import { applicationsPath, proactivePath, recordsOf, reviewPath } from "./cell-records.ts";
import { RecordsValue } from "./records-popover.tsx";

/** The records behind each value path, or none (a plain table). */
type Cells = Readonly<Record<string, CellRecords>> | null;

/** One value cell. */
function ValueCell({
  value,
  path,
  cells,
  label,
}: {
  readonly value: Count | string;
  readonly path: string;
  readonly cells: Cells;
  readonly label: string;
}): ReactNode {
  const shown = value === null ? "—" : String(value);
  const records = cells ? recordsOf(cells, path) : null;
  return (
    <td className="report-count" data-path={path}>
      <RecordsValue value={shown} records={records} label={label} />
    </td>
  );
}

/** Table 二: 第二十条第（一）（五）（六）（八）项. */
export function Table2({
  proactive,
  cells,
}: {
  readonly proactive: ProactiveTables;
  readonly cells: Cells;
}): ReactNode {
  const rule = (key: "regulations" | "normativeDocuments", name: string) => (
    <tr key={key}>
      <th scope="row">{name}</th>
      {(["issued", "abolished", "valid"] as const).map((field) => (
        <ValueCell
          key={field}
          value={proactive[key][field]}
          path={proactivePath(`${key}.${field}`)}
          cells={cells}
          label={`${name}${{ issued: "本年制发", abolished: "本年废止", valid: "现行有效" }[field]}`}
        />
      ))}
    </tr>
  );
  const single = (key: "licensing" | "penalty" | "enforcement" | "fees", name: string) => (
    <tr key={key}>
      <th scope="row">{name}</th>
      <ValueCell value={proactive[key]} path={proactivePath(key)} cells={cells} label={name} />
    </tr>
  );
  return (
    <div className="report-table-wrap">
      <table className="report-table" aria-label="表二 主动公开政府信息情况">
        <tbody>
          <tr className="report-group">
            <th colSpan={4}>第二十条第（一）项</th>
          </tr>
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col">本年制发件数</th>
            <th scope="col">本年废止件数</th>
            <th scope="col">现行有效件数</th>
          </tr>
          {rule("regulations", "规章")}
          {rule("normativeDocuments", "行政规范性文件")}
        </tbody>
      </table>
      <table className="report-table" aria-label="表二 第二十条第（五）（六）（八）项">
        <tbody>
          <tr className="report-group">
            <th colSpan={2}>第二十条第（五）项</th>
          </tr>
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col">本年处理决定数量</th>
          </tr>
          {single("licensing", "行政许可")}
          <tr className="report-group">
            <th colSpan={2}>第二十条第（六）项</th>
          </tr>
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col">本年处理决定数量</th>
          </tr>
          {single("penalty", "行政处罚")}
          {single("enforcement", "行政强制")}
          <tr className="report-group">
            <th colSpan={2}>第二十条第（八）项</th>
          </tr>
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col">本年收费金额（单位：万元）</th>
          </tr>
          {single("fees", "行政事业性收费")}
        </tbody>
      </table>
    </div>
  );
}

/** The table 三 row key of a body row. */
function rowKeyOf(row: readonly GridCell[]): string {
  const count = row.find((cell) => cell.type === "count");
  return count?.type === "count" ? count.rowKey : "";
}

/** Table 三: 收到和处理政府信息公开申请情况. */
export function Table3({
  applications,
  cells,
}: {
  readonly applications: ApplicationsTable;
  readonly cells: Cells;
}): ReactNode {
  return (
    <div className="table3-wrap">
      <table className="table3" aria-label="表三 收到和处理政府信息公开申请情况">
        <thead>
          {headerRows().map((row) => (
            <tr key={row.map((cell) => cell.text).join("|")}>
              {row.map((cell) => (
                <th key={cell.text} scope="col" rowSpan={cell.rowSpan} colSpan={cell.colSpan}>
                  {cell.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {bodyRows(applications).map((row) => (
            <tr key={rowKeyOf(row)}>
              {row.map((cell) =>
                cell.type === "count" ? (
                  <ValueCell
                    key={`${cell.rowKey}-${cell.column}`}
                    value={cell.value}
                    path={applicationsPath(cell.rowKey, cell.column)}
                    cells={cells}
                    label="本格"
                  />
                ) : (
                  <th
                    key={cell.text}
                    scope="row"
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    className="table3-label"
                  >
                    {cell.text}
                  </th>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Table 四: 政府信息公开行政复议、行政诉讼情况. */
export function Table4({
  review,
  cells,
}: {
  readonly review: ReviewTable;
  readonly cells: Cells;
}): ReactNode {
  return (
    <div className="report-table-wrap">
      <table className="report-table" aria-label="表四 政府信息公开行政复议、行政诉讼情况">
        <thead>
          <tr>
            <th colSpan={5} scope="colgroup">
              行政复议
            </th>
            <th colSpan={10} scope="colgroup">
              行政诉讼
            </th>
          </tr>
          <tr>
            <th colSpan={5} scope="colgroup" className="report-subhead">
              &nbsp;
            </th>
            <th colSpan={5} scope="colgroup">
              未经复议直接起诉
            </th>
            <th colSpan={5} scope="colgroup">
              复议后起诉
            </th>
          </tr>
          <tr>
            {REVIEW_GROUPS.flatMap((group) =>
              REVIEW_FIELD_LABELS.map((label) => (
                <th key={`${group}-${label}`} scope="col">
                  {label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            {REVIEW_GROUPS.flatMap((group) =>
              REVIEW_FIELDS.map((field, index) => (
                <ValueCell
                  key={`${group}-${field}`}
                  value={review[group][field]}
                  path={reviewPath(group, field)}
                  cells={cells}
                  label={REVIEW_FIELD_LABELS[index] ?? field}
                />
              )),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
