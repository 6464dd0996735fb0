/**
 * POST /audit's answer: what was read (agency, year, format), the summary, the findings, and the rebuilt
 * tables 二, 三, 四 with the named cells highlighted.
 */

import type { ReportFormat } from "../core/report/report-model.ts";
import { findingTargets } from "../web/finding-targets.ts";
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";
import { ApplicationsTable, ProactiveTables, ReviewTable } from "../web/report-tables.tsx";
import { AUDIT_PAGE_TITLE } from "./audit-form-page.tsx";
import type { AuditResult } from "./audit-report.ts";
import { FindingsList } from "./findings-list.tsx";

/** Chinese descriptions of the report formats. */
export const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  "2021": "2021 年格式（国办公开办函〔2021〕30号）",
  "2019": "2019 年试行格式（国办公开办函〔2019〕60号，已过时）",
  unknown: "无法识别",
};

/** Props of the result page. */
export interface AuditResultPageProps extends PageFrame {
  readonly result: AuditResult;
  readonly publishedOn?: string;
}

/** The summary line: 错误 N 项、提示 N 项. */
export function findingSummary(findings: readonly { severity: string }[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  return `错误 ${errors} 项、提示 ${findings.length - errors} 项`;
}

/** The result page of one audited report. */
export function AuditResultPage({ result, publishedOn, textSize, returnPath }: AuditResultPageProps) {
  const { report } = result;
  const targets = findingTargets(report.findings);
  return (
    <PageLayout title={`体检结果 - ${AUDIT_PAGE_TITLE}`} textSize={textSize} returnPath={returnPath}>
      <h1>年度报告体检结果</h1>
      <section className="panel" aria-labelledby="overview">
        <h2 id="overview">概况</h2>
        <dl className="meta">
          <dt>文件</dt>
          <dd>{result.fileName}</dd>
          <dt>机关</dt>
          <dd>{report.agency ?? "无法确定"}</dd>
          <dt>年度</dt>
          <dd>{report.year === null ? "无法确定" : `${report.year} 年`}</dd>
          <dt>格式</dt>
          <dd>{FORMAT_LABELS[report.format]}</dd>
          {publishedOn ? (
            <>
              <dt>发布日期</dt>
              <dd>{publishedOn}</dd>
            </>
          ) : null}
        </dl>
        <p className="summary" role="status">
          {findingSummary(report.findings)}
        </p>
        <p>
          <a href="/tools/report-audit">核对另一份报告</a>
        </p>
      </section>
      <section aria-labelledby="findings">
        <h2 id="findings">发现的问题</h2>
        <FindingsList findings={report.findings} />
      </section>
      <section aria-labelledby="table-2">
        <h2 id="table-2">二、主动公开政府信息情况（重建）</h2>
        <ProactiveTables report={report} targets={targets} />
      </section>
      <section aria-labelledby="table-3">
        <h2 id="table-3">三、收到和处理政府信息公开申请情况（重建）</h2>
        <ApplicationsTable report={report} targets={targets} />
      </section>
      <section aria-labelledby="table-4">
        <h2 id="table-4">四、政府信息公开行政复议、行政诉讼情况（重建）</h2>
        <ReviewTable report={report} targets={targets} />
      </section>
    </PageLayout>
  );
}
