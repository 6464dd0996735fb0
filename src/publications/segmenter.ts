/**
 * Chinese word segmentation for the catalog's full-text search: @node-rs/jieba in search mode (words and
 * their sub-words), with its bundled dictionary, loaded once.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { indexTerms, parseQuery, type SearchQuery } from "../core/publication/search-terms.ts";

let jieba: Jieba | undefined;

/** The words of a text, search mode (e.g. 公安局 → 公安, 公安局). */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cutForSearch(text, true);
}

/** The index terms of a text, joined by spaces, as both engines' indexes take them. */
export function searchTermsOf(text: string): string {
  return indexTerms(text, segment(text)).join(" ");
}

/** The query of a user's search text, or undefined when nothing searchable is left. */
export function searchQueryOf(text: string): SearchQuery | undefined {
  jieba ??= Jieba.withDict(dict);
  return parseQuery(jieba.cut(text, true));
}
