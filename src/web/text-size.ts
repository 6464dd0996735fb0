/**
 * The 大字模式 (large-text) preference: kept in a cookie set by a plain link (GET /text-size), so it works
 * with JavaScript off; a `size` query parameter overrides the cookie for one page.
 */
import type { FastifyRequest } from "fastify";

/** The two text sizes of the pages. */
export type TextSize = "normal" | "large";

/** Name of the cookie that keeps the preference. */
export const TEXT_SIZE_COOKIE = "gk_text_size";

/** Parse a raw `size` value; anything but "large"/"normal" is not a size. */
export function parseTextSize(value: unknown): TextSize | undefined {
  return value === "large" || value === "normal" ? value : undefined;
}

/** The value of one cookie in a Cookie header, or undefined. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** The text size a request asks for: the `size` query parameter, else the cookie, else normal. */
export function textSizeOf(request: FastifyRequest): TextSize {
  const query = request.query as Record<string, unknown> | undefined;
  return (
    parseTextSize(query?.size) ??
    parseTextSize(cookieValue(request.headers.cookie, TEXT_SIZE_COOKIE)) ??
    "normal"
  );
}

/** The origin against which a return path is resolved, to tell whether it stays on the site. */
const SAME_SITE_BASE = "http://gongkai.invalid";

/**
 * A same-site path to go back to after switching size; anything else becomes "/": other sites, `//host`,
 * backslashes, and control characters (browsers drop tabs and line breaks, so "/\t/host" is "//host"; CR/LF
 * would break the Location header). The path is returned as the URL parser writes it (non-ASCII escaped).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, SAME_SITE_BASE);
  } catch {
    return "/";
  }
  if (url.origin !== SAME_SITE_BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can fold into "//host" ("/.//host"): that too leaves the site.
  return path.startsWith("//") ? "/" : path;
}

/** The Set-Cookie header value that stores a size for a year. */
export function textSizeCookie(size: TextSize): string {
  return `${TEXT_SIZE_COOKIE}=${size}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`;
}

/** The link that switches to the other size and comes back to `returnPath`. */
export function textSizeToggleHref(current: TextSize, returnPath: string): string {
  const next: TextSize = current === "large" ? "normal" : "large";
  return `/text-size?size=${next}&back=${encodeURIComponent(safeReturnPath(returnPath))}`;
}
