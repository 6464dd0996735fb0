/**
 * Which public URLs the static export holds, and under which file: extension-less HTML pages become
 * `index.html` in a folder of that path (`?page=N` / `?version=N` become `index.page-N.html` /
 * `index.version-N.html`), files with an extension keep their path, downloads without one get the
 * extension of their file name. Forms, search, the status look-up and the APIs are never exported.
 */

/** Paths nginx always proxies to the application (forms, search, look-ups, APIs, the back office). */
const PROXIED: readonly RegExp[] = [
  /^\/api(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/healthz$/,
  /^\/text-size$/,
  /^\/audit(\/|$)/,
  /^\/tools(\/|$)/,
  /^\/requests(\/|$)/,
  /^\/agencies\/\d+\/disclosure\/apply$/,
  /^\/agencies\/\d+\/disclosure\/proactive\/search$/,
  /^\/agencies\/\d+\/messages\/new$/,
];

/** The query strings an exported page may have: one page or version number. */
const EXPORTED_QUERY = /^(page|version)=([1-9]\d{0,4})$/;

/** A site URL split into its path and query (without "?"). */
export interface SiteUrl {
  readonly path: string;
  readonly query: string;
}

/** Whether nginx sends this URL to the application instead of the export. */
export function isProxied(url: SiteUrl): boolean {
  if (PROXIED.some((pattern) => pattern.test(url.path))) return true;
  return url.query !== "" && !EXPORTED_QUERY.test(url.query);
}

/** The agency whose pages a path belongs to, or undefined for a portal page (outside /agencies/:id/). */
export function agencyOfPath(path: string): number | undefined {
  const match = /^\/agencies\/(\d+)(\/|$)/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/** The extension of the last segment of a path ("" without one). */
function extensionOf(path: string): string {
  const last = path.slice(path.lastIndexOf("/") + 1);
  const dot = last.lastIndexOf(".");
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : "";
}

/** The extension of the file name in a Content-Disposition header ("" without one). */
function dispositionExtension(disposition: string | undefined): string {
  const match =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "") ?? /filename="([^"]*)"/.exec(disposition ?? "");
  const name = match?.[1] ? decodeURIComponent(match[1]) : "";
  const dot = name.lastIndexOf(".");
  return dot > 0 && /^[a-z0-9]{1,8}$/i.test(name.slice(dot + 1)) ? name.slice(dot + 1).toLowerCase() : "";
}

/**
 * The file (relative to the export root, "/"-separated, decoded) that holds the answer to a URL, or undefined
 * when nginx could not find it by the documented try_files (then the URL is left to the application).
 */
export function exportFileOf(url: SiteUrl, contentType: string, disposition?: string): string | undefined {
  const path = decodeURIComponent(url.path);
  if (path.includes("/.") || path.includes("\\") || path.includes("\0")) return undefined;
  const dir = path.replace(/^\/+/, "").replace(/\/+$/, "");
  const query = EXPORTED_QUERY.exec(url.query);
  if (contentType.startsWith("text/html")) {
    if (extensionOf(path) !== "") return undefined;
    const name = query ? `index.${query[1]}-${query[2]}.html` : "index.html";
    return dir === "" ? name : `${dir}/${name}`;
  }
  if (query || dir === "") return undefined;
  if (extensionOf(path) !== "") return dir;
  const extension = dispositionExtension(disposition);
  return extension === "" ? undefined : `${dir}.${extension}`;
}

/** The URL a link in a page points to, resolved against the page's path; undefined if it leaves the site. */
export function resolveLink(href: string, fromPath: string, origin: string): SiteUrl | undefined {
  const raw = href.replace(/&amp;/g, "&").trim();
  if (raw === "" || raw.startsWith("#")) return undefined;
  let url: URL;
  try {
    url = new URL(raw, `${origin}${fromPath}`);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(origin).origin) return undefined;
  return { path: url.pathname, query: url.search.replace(/^\?/, "") };
}

/** The links of an answer: href/src attributes of HTML, url() of CSS, href of Atom links. */
export function linksOf(body: string, contentType: string): string[] {
  const links: string[] = [];
  if (contentType.startsWith("text/css")) {
    for (const m of body.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) if (m[1]) links.push(m[1]);
    return links;
  }
  for (const m of body.matchAll(/\s(?:href|src)="([^"]*)"/g)) if (m[1] !== undefined) links.push(m[1]);
  return links;
}

/** The key of a URL in the crawl's sets. */
export function urlKey(url: SiteUrl): string {
  return url.query === "" ? url.path : `${url.path}?${url.query}`;
}
