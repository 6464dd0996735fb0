/**
 * The public 法定主动公开内容 column as a real catalog: its front page (search, sub-columns, the 条例第二十条
 * items, years, latest items) and the lists by column, by item and by year. Only published items appear.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { PROACTIVE_CATEGORIES } from "../core/agency/proactive-categories.ts";
import { CADENCE_SPECS } from "../core/publication/publication-rules.ts";
import { DisclosureFrame } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import { CatalogSearchForm, catalogPath, ItemTable, Pager } from "./catalog-parts.tsx";
import type { Column } from "./column.repository.ts";
import type { PublicationRecord } from "./publication.repository.ts";

/** Props of the catalog's front page. */
export interface CatalogIndexProps extends PageFrame {
  readonly agency: Agency;
  readonly columns: readonly (Column & { count: number })[];
  readonly categories: ReadonlyMap<string, number>;
  readonly years: readonly { year: number; count: number }[];
  readonly latest: readonly PublicationRecord[];
}

/** GET /agencies/:id/disclosure/proactive — the catalog's front page. */
export function CatalogIndexPage({
  agency,
  columns,
  categories,
  years,
  latest,
  textSize,
  returnPath,
}: CatalogIndexProps) {
  const empty = latest.length === 0;
  return (
    <DisclosureFrame
      agency={agency}
      column="proactive"
      heading={`${agency.name}法定主动公开内容`}
      textSize={textSize}
      returnPath={returnPath}
    >
      <CatalogSearchForm agencyId={agency.id} query="" />
      {empty ? (
        <p>
          本机关尚未在本平台发布法定主动公开内容。本栏目按《中华人民共和国政府信息公开条例》第二十条规定的下列类别编排：
        </p>
      ) : null}
      {columns.length > 0 ? (
        <>
          <h2>栏目</h2>
          <ul className="column-list">
            {columns.map((c) => (
              <li key={c.id}>
                <a href={catalogPath(agency.id, `columns/${c.id}`)}>{c.name}</a>（{c.count} 条
                {c.cadence ? `，${CADENCE_SPECS[c.cadence].name}更新` : ""}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>按条例第二十条类别</h2>
      <ul className="category-list">
        {PROACTIVE_CATEGORIES.map((c, i) => {
          const count = categories.get(c.item) ?? 0;
          return (
            <li key={c.item}>
              {count > 0 ? (
                <a href={catalogPath(agency.id, `categories/${i + 1}`)}>
                  {c.item}
                  {c.title}
                </a>
              ) : (
                <>
                  {c.item}
                  {c.title}
                </>
              )}
              （{count} 条）
            </li>
          );
        })}
      </ul>
      {years.length > 0 ? (
        <>
          <h2>按年度</h2>
          <ul className="column-list">
            {years.map((y) => (
              <li key={y.year}>
                <a href={catalogPath(agency.id, `years/${y.year}`)}>{y.year} 年</a>（{y.count} 条）
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {empty ? null : (
        <>
          <h2>最新发布</h2>
          <ItemTable items={latest} caption="最近发布的政府信息" />
        </>
      )}
    </DisclosureFrame>
  );
}

/** Props of a list page (one column, one 条例第二十条 item or one year). */
export interface CatalogListProps extends PageFrame {
  readonly agency: Agency;
  readonly heading: string;
  readonly items: readonly PublicationRecord[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** The path of the list without page. */
  readonly base: string;
  /** The column's Atom feed, for a column list. */
  readonly feed?: string;
}

/** A list of published items, newest first, paginated. */
export function CatalogListPage({
  agency,
  heading,
  items,
  total,
  page,
  pageSize,
  base,
  feed,
  textSize,
  returnPath,
}: CatalogListProps) {
  return (
    <DisclosureFrame
      agency={agency}
      column="proactive"
      heading={heading}
      textSize={textSize}
      returnPath={returnPath}
    >
      <p>
        <a href={catalogPath(agency.id)}>返回法定主动公开内容</a>
        {feed ? (
          <>
            {" · "}
            <a href={feed} type="application/atom+xml">
              订阅本栏目（Atom）
            </a>
          </>
        ) : null}
      </p>
      {items.length === 0 ? (
        <p>本栏目暂无已发布的信息。</p>
      ) : (
        <ItemTable items={items} caption={`${heading}（共 ${total} 条）`} />
      )}
      <Pager base={base} page={page} pageSize={pageSize} total={total} />
    </DisclosureFrame>
  );
}
