/**
 * Public pages opt into the page cache with a route option, `config: { pageCache: { shows: [...] } }`; the hooks
 * here answer a kept page (304 Not Modified on a matching If-None-Match) before anything else runs — the first
 * hook of the server, replaying the headers the page was first sent with (security headers included) — and keep
 * what the handler rendered when it may be shared: GET/HEAD, 200, no Set-Cookie, a visitor not signed in. The
 * key is the path, the query parameters the page reads, the 大字模式 text size and what the route's `vary` adds.
 */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  onSendHookHandler,
  RouteOptions,
} from "fastify";
import { type PageCache, pageTag } from "./page-cache.ts";
import { textSizeOf } from "./text-size.ts";

/** How a route's page is cached. */
export interface PageCacheRule {
  /** The entity types (as recorded in the trail) the page shows: a committed change of one drops the page. */
  readonly shows: readonly string[];
  /** Whose: the agency of the `id` path parameter (default), or every agency (the portal's pages). */
  readonly scope?: "agency" | "portal";
  /** The query parameters the page reads (others are not part of the key). */
  readonly query?: readonly string[];
  /** Anything else the page depends on (the day, the site's origin…), added to the key. */
  readonly vary?: (request: FastifyRequest) => string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Cache this public page (see src/web/page-cache-hooks.ts). */
    pageCache?: PageCacheRule;
  }
}

/** Options of the hooks. */
export interface PageCacheHookOptions {
  /** Whether a request must not share pages (a signed-in visitor); decided from its headers alone. */
  readonly personal?: (request: FastifyRequest) => boolean;
}

/** Header telling whether a cached route's answer came from the cache. */
export const PAGE_CACHE_HEADER = "x-page-cache";

/** What the hooks remember of a request between its start and its answer. */
interface Pending {
  readonly key: string;
  readonly tags: readonly string[];
  readonly ticket: number;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 wants for it). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(",") : header;
  if (text.trim() === "*") return true;
  return text.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** The key of a request under a rule. */
function keyOf(request: FastifyRequest, rule: PageCacheRule): string {
  const url = request.url;
  const q = url.indexOf("?");
  let key = q === -1 ? url : url.slice(0, q);
  if (rule.query) {
    const query = request.query as Record<string, unknown> | undefined;
    for (const name of rule.query) {
      const value = query?.[name];
      if (value !== undefined) key += `&${name}=${encodeURIComponent(JSON.stringify(value))}`;
    }
  }
  key += `|${textSizeOf(request)}`;
  if (rule.vary) key += `|${rule.vary(request)}`;
  return key;
}

/** The tags of a request's page under a rule. */
function tagsOf(request: FastifyRequest, rule: PageCacheRule): string[] {
  const id = rule.scope === "portal" ? null : String((request.params as { id?: unknown }).id ?? "");
  return rule.shows.map((type) => pageTag(type, id));
}

/** Adds a hook to a route's own list of hooks of that kind. */
function appendHook<T>(existing: T | T[] | undefined, hook: T): T[] {
  if (existing === undefined) return [hook];
  return Array.isArray(existing) ? [...existing, hook] : [existing, hook];
}

/** Headers of an answer that are not kept with the page (they belong to each answer). */
const OWN_HEADERS = new Set([
  "set-cookie",
  "date",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
]);

/**
 * Installs the cache: call before any other plugin or hook, so that a kept page is answered first; pages are
 * kept for the routes registered after this call that carry `config.pageCache`.
 */
export function installPageCache(
  app: FastifyInstance,
  cache: PageCache,
  options: PageCacheHookOptions = {},
): void {
  const pending = new WeakMap<FastifyRequest, Pending>();

  const answerFromCache: onRequestHookHandler = (request, reply, done) => {
    const rule = request.routeOptions.config.pageCache;
    if (!rule || (request.method !== "GET" && request.method !== "HEAD")) return done();
    if (!cache.live || options.personal?.(request)) return done();
    const key = keyOf(request, rule);
    const page = cache.get(key);
    if (!page) {
      pending.set(request, { key, tags: tagsOf(request, rule), ticket: cache.ticket() });
      return done();
    }
    reply.headers(page.headers).header("etag", page.etag).header(PAGE_CACHE_HEADER, "hit");
    if (etagMatches(request.headers["if-none-match"], page.etag)) {
      reply.code(304).send();
    } else {
      reply.code(200).send(page.body);
    }
  };

  const keepAnswer: onSendHookHandler = (request, reply, payload, done) => {
    const state = pending.get(request);
    if (!state) return done(null, payload);
    pending.delete(request);
    reply.header(PAGE_CACHE_HEADER, "miss");
    const body = sharedBody(reply, payload);
    if (!body) return done(null, payload);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !OWN_HEADERS.has(name))
        headers[name] = Array.isArray(value) ? value : String(value);
    }
    const kept = cache.put(state.key, { body, headers }, state.tags, state.ticket);
    if (kept) reply.header("etag", kept.etag);
    done(null, body);
  };

  app.addHook("onRequest", answerFromCache);
  app.addHook("onRoute", (route: RouteOptions) => {
    if (route.config?.pageCache) route.onSend = appendHook(route.onSend, keepAnswer);
  });
}

/** The body of an answer anyone may be given, or undefined (not 200, sets a cookie, not bytes). */
function sharedBody(reply: FastifyReply, payload: unknown): Buffer | undefined {
  if (reply.statusCode !== 200 || reply.hasHeader("set-cookie")) return undefined;
  if (typeof payload === "string") return Buffer.from(payload);
  return Buffer.isBuffer(payload) ? payload : undefined;
}
