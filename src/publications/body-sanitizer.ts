/**
 * The rich-text body of a catalog item, sanitised with sanitize-html against an allow-list: structure and
 * emphasis, tables, lists, links (http, https, mailto and same-site paths only) and images from this site or
 * data URIs. Scripts, event handlers, styles, iframes, forms and javascript: URLs are removed.
 * sanitize-html (with postcss) is loaded on first use, not when the server starts (issue #10.4).
 */
import { createRequire } from "node:module";
import type sanitizeHtmlType from "sanitize-html";

const require = createRequire(import.meta.url);
let loaded: typeof sanitizeHtmlType | undefined;

/** sanitize-html, loaded on the first call. */
function sanitizeHtml(): typeof sanitizeHtmlType {
  loaded ??= require("sanitize-html") as typeof sanitizeHtmlType;
  return loaded;
}

/** Largest body accepted, in characters (before sanitising). */
export const MAX_BODY_LENGTH = 500_000;

const OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "pre",
    "code",
    "hr",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "span",
    "div",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "width", "height"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["data"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ["href", "title", "rel"] };

/** The body reduced to the allow-list. */
export function sanitizeBody(html: string): string {
  // Links leave the site in a new context without handing it a reference to this page.
  OPTIONS.transformTags ??= { a: sanitizeHtml().simpleTransform("a", { rel: "noopener noreferrer" }) };
  return sanitizeHtml()(html, OPTIONS).trim();
}

/** The body's text without markup (for the search index and snippets). */
export function bodyText(html: string): string {
  return sanitizeHtml()(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
