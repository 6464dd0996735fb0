/**
 * The rebuilt tables 二, 三 and 四 of a report, with the cells that findings name highlighted and
 * unknown values shown as 无法确定 (never a guessed number).
 */
import {
  type AnnualReport,
  APPLICATION_ROWS,
  COLUMN_LABELS,
  type Finding,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
} from "../core/report/report-model.ts";
import { applicationCellPath } from "./finding-targets.ts";

/** Cell paths named by findings, with the findings naming each. */
type Targets = ReadonlyMap<string, readonly Finding[]>;

/** Props shared by the tables. */
export interface ReportTablesProps {
  readonly report: AnnualReport;
  readonly targets: Targets;
}

/** One value cell: the number, or 无法确定; highlighted (and announced) when a finding names it. */
function ValueCell({
  path,
  value,
  targets,
}: {
  path: string;
  value: number | string | null;
  targets: Targets;
}) {
  const named = targets.get(path);
  const classes = [value === null ? "unknown" : "", named ? "flagged" : ""].filter(Boolean).join(" ");
  return (
    <td className={classes || undefined} id={`cell-${path}`}>
      {value === null ? "无法确定" : String(value)}
      {named ? (
        <span className="visually-hidden">（有问题：{named.map((f) => f.rule).join("、")}）</span>
      ) : null}
    </td>
  );
}

/** Table 二: 第二十条第（一）（五）（六）（八）项. */
export function ProactiveTables({ report, targets }: ReportTablesProps) {
  const p = report.proactive;
  const ruleRows = [
    { label: "规章", key: "regulations", counts: p.regulations },
    { label: "行政规范性文件", key: "normativeDocuments", counts: p.normativeDocuments },
  ] as const;
  const decisions = [
    {
      label: "行政许可",
      item: "第（五）项",
      head: "本年处理决定数量",
      path: "proactive.licensing",
      value: p.licensing,
    },
    {
      label: "行政处罚",
      item: "第（六）项",
      head: "本年处理决定数量",
      path: "proactive.penalty",
      value: p.penalty,
    },
    {
      label: "行政强制",
      item: "第（六）项",
      head: "本年处理决定数量",
      path: "proactive.enforcement",
      value: p.enforcement,
    },
    {
      label: "行政事业性收费",
      item: "第（八）项",
      head: "本年收费金额（万元）",
      path: "proactive.fees",
      value: p.fees,
    },
  ];
  return (
    <>
      <section className="table-wrap" aria-label="表二 第二十条第（一）项">
        <table>
          <caption>第二十条第（一）项</caption>
          <thead>
            <tr>
              <th scope="col">信息内容</th>
              <th scope="col">本年制发件数</th>
              <th scope="col">本年废止件数</th>
              <th scope="col">现行有效件数</th>
            </tr>
          </thead>
          <tbody>
            {ruleRows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {(["issued", "abolished", "valid"] as const).map((field) => (
                  <ValueCell
                    key={field}
                    path={`proactive.${row.key}.${field}`}
                    value={row.counts[field]}
                    targets={targets}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="table-wrap" aria-label="表二 第二十条第（五）（六）（八）项">
        <table>
          <caption>第二十条第（五）（六）（八）项</caption>
          <thead>
            <tr>
              <th scope="col">信息内容</th>
              <th scope="col">条款</th>
              <th scope="col">项目</th>
              <th scope="col">数值</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((row) => (
              <tr key={row.path}>
                <th scope="row">{row.label}</th>
                <td>{row.item}</td>
                <td>{row.head}</td>
                <ValueCell path={row.path} value={row.value} targets={targets} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** Table 三: 25 rows × 7 columns, row labels of the 2021 format. */
export function ApplicationsTable({ report, targets }: ReportTablesProps) {
  return (
    <section className="table-wrap" aria-label="表三 收到和处理政府信息公开申请情况">
      <table>
        <caption>申请人情况（第一项加第二项之和，等于第三项加第四项之和）</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              项目
            </th>
            <th scope="col" rowSpan={2}>
              {COLUMN_LABELS[0]}
            </th>
            <th scope="colgroup" colSpan={5}>
              法人或其他组织
            </th>
            <th scope="col" rowSpan={2}>
              {COLUMN_LABELS[6]}
            </th>
          </tr>
          <tr>
            {COLUMN_LABELS.slice(1, 6).map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {APPLICATION_ROWS.map((row) => {
            const values = report.applications[row.key] ?? [];
            const rowFlagged = COLUMN_LABELS.every((_, c) => targets.has(applicationCellPath(row.key, c)));
            return (
              <tr key={row.key}>
                <th scope="row" className={rowFlagged ? "flagged" : undefined}>
                  {row.group ? <span className="hint">{row.group} </span> : null}
                  {row.label}
                </th>
                {COLUMN_LABELS.map((label, c) => (
                  <ValueCell
                    key={label}
                    path={applicationCellPath(row.key, c)}
                    value={values[c] ?? null}
                    targets={targets}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Table 四: the three groups (行政复议, 行政诉讼 ×2) as rows, their five results as columns. */
export function ReviewTable({ report, targets }: ReportTablesProps) {
  return (
    <section className="table-wrap" aria-label="表四 行政复议、行政诉讼情况">
      <table>
        <caption>行政复议、行政诉讼情况（按类别分行列示）</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            {REVIEW_FIELD_LABELS.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {REVIEW_GROUPS.map((group, g) => (
            <tr key={group}>
              <th scope="row">{REVIEW_GROUP_LABELS[g]}</th>
              {REVIEW_FIELDS.map((field) => (
                <ValueCell
                  key={field}
                  path={`review.${group}.${field}`}
                  value={report.review[group][field]}
                  targets={targets}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
