/**
 * The public pages of the 政府信息公开年报 column: the list of published reports (each year's current version
 * and its dated corrections) and one report as a page — its six sections with the tables — with its DOCX,
 * PDF and XLSX downloads. Server-rendered, usable without JavaScript.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import type { AnnualReport } from "../core/report/report-model.ts";
import { DisclosureFrame } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import { ApplicationsTable, ProactiveTables, ReviewTable } from "../web/report-tables.tsx";
import { reportSections } from "../writers/report-parts.ts";

/** A published version as the public pages list it. */
export interface PublishedVersion {
  readonly year: number;
  readonly version: number;
  readonly publishedOn: string;
  readonly note: string;
}

/** The public path of an agency's report page (latest version) or of one version's file. */
export function publicReportPath(
  agencyId: number,
  year: number,
  file?: { version: number; type: string },
): string {
  const base = `/agencies/${agencyId}/disclosure/annual-reports/${year}`;
  return file ? `${base}/v${file.version}.${file.type}` : base;
}

/** Props of the list page. */
export interface ReportListPageProps extends PageFrame {
  readonly agency: Agency;
  readonly versions: readonly PublishedVersion[];
}

/** The published reports, newest year first; corrections listed with their dates and notes. */
export function ReportListPage({ agency, versions, textSize, returnPath }: ReportListPageProps) {
  const years = [...new Set(versions.map((v) => v.year))].sort((a, b) => b - a);
  const deadline = agency.kind === "government" ? "3月31日" : "1月31日";
  return (
    <DisclosureFrame
      agency={agency}
      column="annual-reports"
      heading={`${agency.name}政府信息公开工作年度报告`}
      textSize={textSize}
      returnPath={returnPath}
    >
      <h2>已发布的年度报告</h2>
      {years.length === 0 ? (
        <p>本机关尚未在本平台发布政府信息公开工作年度报告。</p>
      ) : (
        <ul className="column-list">
          {years.map((year) => {
            const ofYear = versions.filter((v) => v.year === year);
            const latest = ofYear.at(-1);
            return (
              <li key={year}>
                <a href={publicReportPath(agency.id, year)}>
                  {agency.name}
                  {year}年政府信息公开工作年度报告
                </a>
                （发布于 {ofYear[0]?.publishedOn}
                {latest && latest.version > 1 ? `，${latest.publishedOn} 更正为第 ${latest.version} 版` : ""}
                ）
              </li>
            );
          })}
        </ul>
      )}
      <p>
        按照条例第四十九条，{agency.kind === "government" ? "县级以上人民政府" : "县级以上人民政府部门"}
        应当于每年{deadline}前公布本机关上一年度政府信息公开工作年度报告。
      </p>
      <h2>年度报告体检</h2>
      <p>
        可使用<a href="/tools/report-audit">政府信息公开工作年度报告体检</a>
        工具，按国办公开办函〔2021〕30号格式在线核对年度报告的表格勾稽关系、章节完整性以及文字与表格是否一致。
      </p>
    </DisclosureFrame>
  );
}

/** Props of one report's page. */
export interface ReportPageProps extends PageFrame {
  readonly agency: Agency;
  readonly report: AnnualReport;
  readonly shown: PublishedVersion;
  readonly versions: readonly PublishedVersion[];
}

/** One published report as a page, with its files and its version history. */
export function ReportPage({ agency, report, shown, versions, textSize, returnPath }: ReportPageProps) {
  const title = `${agency.name}${shown.year}年政府信息公开工作年度报告`;
  const targets = new Map();
  const latest = versions.at(-1);
  return (
    <DisclosureFrame
      agency={agency}
      column="annual-reports"
      heading={title}
      textSize={textSize}
      returnPath={returnPath}
    >
      <dl className="meta">
        <dt>发布日期</dt>
        <dd>{versions[0]?.publishedOn}</dd>
        <dt>当前版本</dt>
        <dd>
          第 {shown.version} 版（{shown.publishedOn}）
        </dd>
      </dl>
      {latest && shown.version < latest.version ? (
        <p className="notice">
          这是已被更正的旧版本，<a href={publicReportPath(agency.id, shown.year)}>查看现行版本</a>。
        </p>
      ) : null}
      <p>
        下载：
        {(["docx", "pdf", "xlsx"] as const).map((type, i) => (
          <span key={type}>
            {i > 0 ? "　" : ""}
            <a href={publicReportPath(agency.id, shown.year, { version: shown.version, type })} download>
              {type === "docx" ? "Word 文档（DOCX）" : type === "pdf" ? "PDF 文件" : "Excel 表格（XLSX）"}
            </a>
          </span>
        ))}
      </p>
      {reportSections(report).map((section) => (
        <section key={section.no} aria-labelledby={`section-${section.no}`}>
          <h2 id={`section-${section.no}`}>{section.heading}</h2>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {section.no === "二" ? <ProactiveTables report={report} targets={targets} /> : null}
          {section.no === "三" ? <ApplicationsTable report={report} targets={targets} /> : null}
          {section.no === "四" ? <ReviewTable report={report} targets={targets} /> : null}
        </section>
      ))}
      {versions.length > 1 ? (
        <section aria-labelledby="versions">
          <h2 id="versions">版本记录</h2>
          <ol>
            {versions.map((v) => (
              <li key={v.version}>
                <a href={`${publicReportPath(agency.id, v.year)}?version=${v.version}`}>第 {v.version} 版</a>
                ，{v.publishedOn}
                发布{v.note ? `：${v.note}` : ""}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </DisclosureFrame>
  );
}
