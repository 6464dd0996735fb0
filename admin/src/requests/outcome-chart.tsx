/**
 * The ECharts stacked bar chart of the year's requests by month and outcome (only the parts of ECharts it
 * uses are imported, to keep the back office small). A table of the same numbers follows for screen readers.
 */
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { type ReactNode, useEffect, useRef } from "react";
import { type ChartSeries, MONTH_LABELS } from "./dashboard-chart-data.ts";

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** The chart of the series (stacked per month). */
export function OutcomeChart({
  series,
  title,
}: {
  readonly series: readonly ChartSeries[];
  readonly title: string;
}): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = init(box.current, undefined, { renderer: "svg" });
    chart.setOption({
      animationDuration: 300,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: "category", data: [...MONTH_LABELS] },
      yAxis: { type: "value", minInterval: 1, name: "件" },
      series: series.map((s) => ({ type: "bar", stack: "total", name: s.name, data: [...s.data] })),
    });
    const resize = (): void => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [series]);
  return (
    <figure className="outcome-chart">
      <div ref={box} style={{ width: "100%", height: 340 }} role="img" aria-label={title} />
      <figcaption className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">办理结果</th>
              {MONTH_LABELS.map((m) => (
                <th key={m} scope="col">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.name}</th>
                {s.data.map((n, i) => (
                  <td key={MONTH_LABELS[i]}>{n}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
