/**
 * The list of findings: rule ID, severity badge, where, expected against actual, and the message.
 */
import type { Finding } from "../core/report/report-model.ts";
import { targetsOfFinding } from "../web/finding-targets.ts";

/** Chinese names of the severities. */
export const SEVERITY_LABELS: Readonly<Record<Finding["severity"], string>> = {
  error: "错误",
  warning: "提示",
};

/** A finding's expected or actual value as shown; null is 无法确定. */
function shown(value: string | number | null): string {
  return value === null ? "无法确定" : String(value);
}

/** One finding as a list item. */
function FindingItem({ finding }: { finding: Finding }) {
  const firstCell = targetsOfFinding(finding)[0];
  const hasValues = finding.expected !== null || finding.actual !== null;
  return (
    <li className={`finding ${finding.severity}`}>
      <p className="finding-head">
        <span className="rule">{finding.rule}</span>
        <span className={`badge ${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>
        <span>{finding.where}</span>
      </p>
      <p>{finding.message}</p>
      {hasValues ? (
        <dl>
          <dt>应为</dt>
          <dd>{shown(finding.expected)}</dd>
          <dt>实际</dt>
          <dd>{shown(finding.actual)}</dd>
        </dl>
      ) : null}
      {firstCell ? (
        <p>
          <a href={`#cell-${firstCell}`}>在重建的表格中查看</a>
        </p>
      ) : null}
    </li>
  );
}

/** The findings, errors first; a sentence when there are none. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p>未发现问题：各项勾稽关系和完整性检查均已通过。</p>;
  const ordered = [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity !== "error"),
  ];
  return (
    <ol className="findings">
      {ordered.map((finding, i) => (
        // Findings have no identity of their own; their order is stable for one report.
        // biome-ignore lint/suspicious/noArrayIndexKey: static list rendered once on the server
        <FindingItem key={i} finding={finding} />
      ))}
    </ol>
  );
}
