/**
 * Chinese word segmentation for the catalog's full-text search: @node-rs/jieba in search mode (words and
 * their sub-words), with its bundled dictionary, loaded once, on first use (not when the server starts).
 */
import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";
import { indexTerms, parseQuery, type SearchQuery } from "../core/publication/search-terms.ts";

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

/** The segmenter, loaded with its dictionary on the first call. */
function loadJieba(): Jieba {
  if (!jieba) {
    const library = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
    const { dict } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");
    jieba = library.Jieba.withDict(dict);
  }
  return jieba;
}

/** The words of a text, search mode (e.g. 公安局 → 公安, 公安局). */
export function segment(text: string): string[] {
  return loadJieba().cutForSearch(text, true);
}

/** The index terms of a text, joined by spaces, as both engines' indexes take them. */
export function searchTermsOf(text: string): string {
  return indexTerms(text, segment(text)).join(" ");
}

/** The query of a user's search text, or undefined when nothing searchable is left. */
export function searchQueryOf(text: string): SearchQuery | undefined {
  return parseQuery(loadJieba().cut(text, true));
}
