/**
 * The checks' findings (C-1 … C-12) on the report as it stands: rule, severity, where, expected and
 * actual, message — errors first. Refreshed on every saved edit.
 */
import { Alert, List, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { Finding } from "../../../src/core/report/report-model.ts";

/** Errors before warnings, then by rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === "error" ? 0 : 1);
  return [...findings].sort(
    (a, b) => rank(a) - rank(b) || a.rule.localeCompare(b.rule, "en", { numeric: true }),
  );
}

/** The findings panel. */
export function FindingsList({ findings }: { readonly findings: readonly Finding[] }): ReactNode {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) {
    return <Alert type="success" showIcon title="校验通过：C-1 至 C-12 均未发现问题" />;
  }
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }}>
      <Alert
        type={errors > 0 ? "error" : "warning"}
        showIcon
        title={`校验发现 ${errors} 个错误、${warnings} 个提示${errors > 0 ? "，错误须改正后才能发布" : ""}`}
      />
      <List
        size="small"
        className="findings-list"
        dataSource={sortFindings(findings)}
        renderItem={(f) => (
          <List.Item>
            <Space orientation="vertical" size={2} style={{ width: "100%" }}>
              <Space size={4} wrap>
                <Tag className="finding-rule" color={f.severity === "error" ? "red" : "gold"}>
                  {f.rule}
                </Tag>
                <Tag>{f.severity === "error" ? "错误" : "提示"}</Tag>
                <span className="finding-where">{f.where}</span>
              </Space>
              <Typography.Text>{f.message}</Typography.Text>
              {f.expected !== null || f.actual !== null ? (
                <Typography.Text type="secondary">{`应为 ${f.expected ?? "—"}，实为 ${f.actual ?? "—"}`}</Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
