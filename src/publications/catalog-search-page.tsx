/**
 * The public search page of an agency's catalog: the form, the number of results, each result with its
 * matched words highlighted in the title and a snippet, and the pager.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { DisclosureFrame } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import { CatalogSearchForm, catalogPath, Highlighted, Pager } from "./catalog-parts.tsx";
import type { SearchResults } from "./search.service.ts";

/** Props of the search page. */
export interface CatalogSearchProps extends PageFrame {
  readonly agency: Agency;
  readonly results: SearchResults;
}

/** GET /agencies/:id/disclosure/proactive/search?q=&page= */
export function CatalogSearchPage({ agency, results, textSize, returnPath }: CatalogSearchProps) {
  const { query, total, totalCapped } = results;
  const base = `${catalogPath(agency.id, "search")}?q=${encodeURIComponent(query)}`;
  return (
    <DisclosureFrame
      agency={agency}
      column="proactive"
      heading={`${agency.name}政府信息检索`}
      textSize={textSize}
      returnPath={returnPath}
    >
      <CatalogSearchForm agencyId={agency.id} query={query} />
      {query === "" ? (
        <p>请输入要检索的字词。</p>
      ) : (
        <p role="status">
          “{query}”共找到 {totalCapped ? `${total} 条以上` : `${total} 条`}结果。
        </p>
      )}
      {results.results.length > 0 ? (
        <ol className="search-results" start={(results.page - 1) * results.pageSize + 1}>
          {results.results.map((hit) => (
            <li key={hit.item.id}>
              <h2>
                <a href={catalogPath(agency.id, `items/${hit.item.id}`)}>
                  <Highlighted pieces={hit.title} />
                </a>
              </h2>
              <p>
                <Highlighted pieces={hit.snippet} />
              </p>
              <p className="hint">
                索引号 {hit.item.indexNo} · 发布日期 {hit.item.publishedOn} · {hit.item.validity}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      <Pager base={base} page={results.page} pageSize={results.pageSize} total={total} />
      <p>
        <a href={catalogPath(agency.id)}>返回法定主动公开内容</a>
      </p>
    </DisclosureFrame>
  );
}
