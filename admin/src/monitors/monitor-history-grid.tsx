/**
 * The history of an agency's monitors: a table with a row per rule and a column per day, each cell
 * coloured and lettered (正 / 预 / 否) with the full verdict in its title, and the row's totals.
 */
import type { ReactNode } from "react";
import type { MonitorHistory } from "./monitor-types.ts";
import { historyGrid, LEVEL_TAGS, rowCounts } from "./monitor-view.ts";

/** The grid. */
export function MonitorHistoryGrid({
  history,
  names,
}: {
  readonly history: MonitorHistory;
  readonly names: Readonly<Record<string, string>>;
}): ReactNode {
  const grid = historyGrid(history.days, history.rules, history.from, history.to);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="monitor-grid-wrap" tabIndex={0} aria-label="近 30 天监测记录">
      <table className="monitor-grid">
        <caption>{`${history.from} 至 ${history.to} 各项监测结果（正：正常，预：预警，否：单项否决，·：未记录）`}</caption>
        <thead>
          <tr>
            <th scope="col">规则</th>
            {grid.days.map((day) => (
              <th scope="col" key={day} title={day}>
                {day.slice(5)}
              </th>
            ))}
            <th scope="col">否决天数</th>
            <th scope="col">预警天数</th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => {
            const counts = rowCounts(row);
            return (
              <tr key={row.rule}>
                <th scope="row">{`${row.rule} ${names[row.rule] ?? ""}`}</th>
                {row.cells.map((cell, i) => {
                  const day = grid.days[i] ?? "";
                  if (!cell)
                    return (
                      <td key={day} className="monitor-cell-none" title={`${day}：未记录`}>
                        ·
                      </td>
                    );
                  const tag = LEVEL_TAGS[cell.level];
                  return (
                    <td
                      key={day}
                      className={`monitor-cell-${cell.level}`}
                      title={`${day} ${tag.label}：${cell.text}`}
                    >
                      <abbr title={tag.label}>{tag.short}</abbr>
                    </td>
                  );
                })}
                <td>{counts.breach}</td>
                <td>{counts.warning}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
