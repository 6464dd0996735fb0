/**
 * Pieces shared by the public catalog pages: paths, the search form, the item table, highlighted text
 * and the pager. Everything is plain HTML (links and a GET form) and works without JavaScript.
 */
import type { TextPiece } from "../core/publication/search-terms.ts";
import { disclosurePath } from "../web/disclosure-frame.tsx";
import type { PublicationRecord } from "./publication.repository.ts";

/** The path of a page of the public catalog under an agency's 法定主动公开内容 column. */
export function catalogPath(agencyId: number, rest = ""): string {
  return `${disclosurePath(agencyId, "proactive")}${rest ? `/${rest}` : ""}`;
}

/** The search form (GET, so results have a link of their own). */
export function CatalogSearchForm({ agencyId, query }: { agencyId: number; query: string }) {
  return (
    <form className="panel" method="get" action={catalogPath(agencyId, "search")}>
      <div className="field">
        <label htmlFor="catalog-q">全文检索</label>
        <input id="catalog-q" type="search" name="q" defaultValue={query} maxLength={100} />
        <p className="hint">可输入一个字、一个词或一句话，例如“警情”“交通管理”。</p>
      </div>
      <button type="submit">检索</button>
    </form>
  );
}

/** Text with its matched pieces in <mark>. */
export function Highlighted({ pieces }: { pieces: readonly TextPiece[] }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces are static text in order.
          <mark key={i}>{p.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces are static text in order.
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** The table of catalog items: 名称, 索引号, 发布日期, 有效性. */
export function ItemTable({ items, caption }: { items: readonly PublicationRecord[]; caption: string }) {
  return (
    // A table wider than a phone scrolls inside its region, which takes keyboard focus to scroll (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable.
    <section className="table-wrap" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">索引号</th>
            <th scope="col">发布日期</th>
            <th scope="col">有效性</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <a href={catalogPath(item.agencyId, `items/${item.id}`)}>{item.title}</a>
              </td>
              <td>{item.indexNo}</td>
              <td>{item.publishedOn}</td>
              <td>{item.validity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Links to the previous and next page of a list (`base` already carries its query, if any). */
export function Pager({
  base,
  page,
  pageSize,
  total,
}: {
  base: string;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (n: number) => `${base}${base.includes("?") ? "&" : "?"}page=${n}`;
  return (
    <nav className="pager" aria-label="分页">
      <ul className="footer-links">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              上一页
            </a>
          </li>
        ) : null}
        <li>
          第 {page} 页，共 {pages} 页
        </li>
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              下一页
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
