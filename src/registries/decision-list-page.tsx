/**
 * GET /agencies/:id/disclosure/decisions — an agency's published administrative decisions (双公示: 行政许可、
 * 行政处罚、行政强制 …), filterable by kind and year with a plain GET form, paged; works without JavaScript.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { DECISION_KIND_NAMES, DECISION_KINDS, type DecisionKind } from "../core/registry/decision-kinds.ts";
import { DisclosureFrame, disclosurePath } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import type { PublicDecision } from "./decision.presenter.ts";

/** The path of an agency's decision list, with its filters. */
export function decisionListPath(
  agencyId: number,
  q: { kind?: DecisionKind; year?: number; page?: number } = {},
): string {
  const params = new URLSearchParams();
  if (q.kind) params.set("kind", q.kind);
  if (q.year !== undefined) params.set("year", String(q.year));
  if (q.page !== undefined && q.page > 1) params.set("page", String(q.page));
  const query = params.toString();
  return `${disclosurePath(agencyId, "decisions")}${query ? `?${query}` : ""}`;
}

/** Props of the decision list. */
export interface DecisionListPageProps extends PageFrame {
  readonly agency: Agency;
  readonly decisions: readonly PublicDecision[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly kind?: DecisionKind;
  readonly year?: number;
  /** True when the S-2 [M] display periods are applied. */
  readonly displayPeriods: boolean;
}

/** The decision list page. */
export function DecisionListPage(props: DecisionListPageProps) {
  const { agency, decisions, total, page, pageSize, kind, year } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <DisclosureFrame
      agency={agency}
      column="proactive"
      heading={`${agency.name}行政许可、行政处罚等决定信息公示`}
      textSize={props.textSize}
      returnPath={props.returnPath}
    >
      <p>
        按《中华人民共和国政府信息公开条例》第二十条第（五）（六）项公开的行政决定。自然人的姓名只显示姓氏，证件号码不予公开。
      </p>
      {props.displayPeriods ? (
        <p className="notice">
          行政处罚信息按公示期限展示：一般处罚不少于 3 个月、最长 1 年，严重失信处罚不少于 6 个月、最长 3
          年，期满后撤下（该期限规则尚待核实）。
        </p>
      ) : null}
      <form method="get" action={disclosurePath(agency.id, "decisions")} className="filters">
        <div className="field">
          <label htmlFor="kind">决定类别</label>
          <select id="kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">全部</option>
            {DECISION_KINDS.map((k) => (
              <option key={k} value={k}>
                {DECISION_KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">决定年度</label>
          <input id="year" name="year" type="number" min={2000} max={2200} defaultValue={year ?? ""} />
        </div>
        <button type="submit">查询</button>
      </form>
      <p className="summary">共 {total} 项</p>
      {decisions.length === 0 ? (
        <p>没有符合条件的已公示决定。</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">已公示的行政决定，第 {page} 页</caption>
            <thead>
              <tr>
                <th scope="col">决定书文号</th>
                <th scope="col">类别</th>
                <th scope="col">事项名称</th>
                <th scope="col">行政相对人</th>
                <th scope="col">决定日期</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id}>
                  <td className="text">
                    <a href={`${disclosurePath(agency.id, "decisions")}/${d.id}`}>{d.docNo}</a>
                  </td>
                  <td className="text">{d.kindName}</td>
                  <td className="text">{d.matter}</td>
                  <td className="text">{d.partyName}</td>
                  <td>{d.decidedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label="分页">
          {page > 1 ? <a href={decisionListPath(agency.id, { kind, year, page: page - 1 })}>上一页</a> : null}
          <span>
            第 {page} 页，共 {pages} 页
          </span>
          {page < pages ? (
            <a href={decisionListPath(agency.id, { kind, year, page: page + 1 })}>下一页</a>
          ) : null}
        </nav>
      ) : null}
    </DisclosureFrame>
  );
}
