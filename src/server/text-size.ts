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

/** A same-site path to go back to after switching size; anything else (other sites, `//host`) becomes "/". */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/";
  }
  return value;
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
