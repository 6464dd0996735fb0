/**
 * GET / — the portal home: the agencies (each government with its departments), each linking to its
 * 政府信息公开 column, and the online tools.
 */
import type { ReactNode } from "react";
import { disclosurePath } from "../web/disclosure-frame.tsx";
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";
import type { Agency } from "./agency.repository.ts";

/** Props of the home page: the agencies, parents before children. */
export interface PortalHomePageProps extends PageFrame {
  readonly agencies: readonly Agency[];
}

/** The nested list of agencies under `parentId`. */
function AgencyList({ agencies, parentId }: { agencies: readonly Agency[]; parentId: number | null }) {
  const ids = new Set(agencies.map((a) => a.id));
  const here = agencies.filter((a) =>
    parentId === null ? a.parentId === null || !ids.has(a.parentId) : a.parentId === parentId,
  );
  if (here.length === 0) return null;
  const items: ReactNode[] = here.map((agency) => (
    <li key={agency.id}>
      <a href={disclosurePath(agency.id)}>{agency.name}</a>
      <span className="hint">{agency.kind === "government" ? "（人民政府）" : "（政府部门）"}</span>
      <AgencyList agencies={agencies} parentId={agency.id} />
    </li>
  ));
  return <ul className={parentId === null ? "agency-tree" : undefined}>{items}</ul>;
}

/** The home page. */
export function PortalHomePage({ agencies, textSize, returnPath }: PortalHomePageProps) {
  return (
    <PageLayout title="政府信息公开" textSize={textSize} returnPath={returnPath}>
      <h1>政府信息公开</h1>
      <p className="lead">
        依据《中华人民共和国政府信息公开条例》，各行政机关在本平台设立政府信息公开专栏，集中发布政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开工作年度报告。
      </p>
      <section className="panel" aria-labelledby="agencies-title">
        <h2 id="agencies-title">机关政府信息公开专栏</h2>
        {agencies.length === 0 ? (
          <p>本平台尚未设立任何机关。</p>
        ) : (
          <AgencyList agencies={agencies} parentId={null} />
        )}
      </section>
      <section className="panel" aria-labelledby="tools-title">
        <h2 id="tools-title">在线工具</h2>
        <ul className="column-list">
          <li>
            <a href="/tools/report-audit">政府信息公开工作年度报告体检</a>
            ：上传或粘贴年度报告，逐项核对表格勾稽关系、章节完整性以及文字与表格是否一致。
          </li>
        </ul>
      </section>
    </PageLayout>
  );
}
