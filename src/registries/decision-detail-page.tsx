/**
 * GET /agencies/:id/disclosure/decisions/:decisionId — one published decision: its 双公示 fields as the public
 * presenter gives them (a natural person's name masked, no identity document).
 */
import { Fragment } from "react";
import type { Agency } from "../agencies/agency.repository.ts";
import { DisclosureFrame, disclosurePath } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import type { PublicDecision } from "./decision.presenter.ts";

/** Props of the decision page. */
export interface DecisionDetailPageProps extends PageFrame {
  readonly agency: Agency;
  readonly decision: PublicDecision;
}

/** The rows of the decision's table: label and value ("" is shown as 无). */
function rowsOf(d: PublicDecision): [string, string][] {
  const validity = d.validFrom || d.validUntil ? `${d.validFrom ?? ""} 至 ${d.validUntil ?? "长期"}` : "";
  return [
    ["决定类别", d.kindName],
    ["决定书文号", d.docNo],
    ["事项名称", d.matter],
    ["决定内容", d.content],
    ["行政相对人类别", d.partyKindName],
    ["行政相对人名称", d.partyName],
    ...(d.partyKind === "naturalPerson"
      ? []
      : ([["统一社会信用代码", d.partyCreditCode]] as [string, string][])),
    ["决定日期", d.decidedOn],
    ["有效期", validity],
    ["决定机关", d.authority],
    ["决定机关统一社会信用代码", d.authorityCreditCode],
    ["公示日期", d.publishedOn ?? ""],
  ];
}

/** The decision page. */
export function DecisionDetailPage({ agency, decision, textSize, returnPath }: DecisionDetailPageProps) {
  return (
    <DisclosureFrame
      agency={agency}
      column="proactive"
      heading={`${decision.kindName}决定：${decision.docNo}`}
      textSize={textSize}
      returnPath={returnPath}
    >
      <dl className="meta">
        {rowsOf(decision).map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd className="prewrap">{value === "" ? "无" : value}</dd>
          </Fragment>
        ))}
      </dl>
      <p>
        <a href={disclosurePath(agency.id, "decisions")}>返回决定信息公示列表</a>
      </p>
    </DisclosureFrame>
  );
}
