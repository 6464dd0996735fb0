/**
 * Public full-text search of an agency's published items: the query segmented like the items, matched in
 * the engine's index, results newest first with the matched words highlighted in title and snippet.
 */
import {
  highlight,
  highlightTerms,
  MAX_QUERY_LENGTH,
  snippet,
  type TextPiece,
} from "../core/publication/search-terms.ts";
import type { Database } from "../db/database.ts";
import { bodyText } from "./body-sanitizer.ts";
import type { PublicationRecord } from "./publication.repository.ts";
import { publishedByIds } from "./publication-query.repository.ts";
import { SEARCH_COUNT_CAP, searchIndex } from "./search.repository.ts";
import { searchQueryOf } from "./segmenter.ts";

/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;

/** One result: the item, its title and a snippet cut into highlighted pieces. */
export interface SearchHit {
  readonly item: PublicationRecord;
  readonly title: TextPiece[];
  readonly snippet: TextPiece[];
}

/** A page of results; `total` is capped at SEARCH_COUNT_CAP + 1 ("more than 1000"). */
export interface SearchResults {
  readonly query: string;
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly totalCapped: boolean;
  readonly results: SearchHit[];
}

/** Searches an agency's published items; an empty or unsearchable query gives no results. */
export async function searchPublished(
  database: Database,
  agencyId: number,
  text: string,
  page: number,
): Promise<SearchResults> {
  const queryText = text.trim().slice(0, MAX_QUERY_LENGTH);
  const empty = {
    query: queryText,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    total: 0,
    totalCapped: false,
    results: [],
  };
  const query = searchQueryOf(queryText);
  if (!query) return empty;
  const { ids, total } = await searchIndex(database.db, database.dialect, agencyId, query, {
    page,
    pageSize: SEARCH_PAGE_SIZE,
  });
  const items = await publishedByIds(database.db, ids);
  const terms = highlightTerms(query);
  // Single characters of longer words are highlighted too, so a match found by character pairs shows.
  const marks = [...terms, ...new Set(terms.flatMap((t) => (t.length > 2 ? Array.from(t) : [])))];
  return {
    ...empty,
    total: Math.min(total, SEARCH_COUNT_CAP),
    totalCapped: total > SEARCH_COUNT_CAP,
    results: items.map((item) => {
      const text = item.summary || bodyText(item.bodyHtml);
      return { item, title: highlight(item.title, marks), snippet: highlight(snippet(text, marks), marks) };
    }),
  };
}
