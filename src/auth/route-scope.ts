/**
 * Which gates a request passes through, decided on the route the router matched (its pattern, e.g.
 * "/api/users/:id"), never on the raw URL: the router decodes the path, so "/%61pi/users" reaches
 * "/api/users" while a test of the raw string would miss it. Fastify's router is case-sensitive and does not
 * merge duplicate slashes, so "/API/users" and "//api/users" match no route and answer 404 before any gate
 * matters. Issue #9.3.
 */
import type { FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyContextConfig {
    /** true for a state-changing /api route that anyone may call without a session. */
    publicWrite?: boolean;
  }
}

/** State-changing methods (they need a session and its CSRF token under /api and /admin). */
const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * State-changing /api routes open without a session: signing in and out, and the public 年报体检.
 * (Routes may also declare `config: { publicWrite: true }`.)
 */
export const PUBLIC_WRITE_ROUTES: ReadonlySet<string> = new Set([
  "POST /api/session",
  "DELETE /api/session",
  "POST /api/audit",
]);

/** The pattern of the matched route, or undefined when none matched (the answer is then 404). */
export function matchedRoute(request: FastifyRequest): string | undefined {
  return request.routeOptions.url;
}

/** "METHOD /pattern" of the matched route (HEAD counts as GET), or undefined when none matched. */
export function routeKey(request: FastifyRequest): string | undefined {
  const url = matchedRoute(request);
  if (url === undefined) return undefined;
  return `${request.method === "HEAD" ? "GET" : request.method} ${url}`;
}

/** Whether the matched route lies under /api/. */
export function isApiRoute(request: FastifyRequest): boolean {
  return matchedRoute(request)?.startsWith("/api/") === true;
}

/** Whether the matched route lies under /api/ or /admin (the platform's own calls and pages). */
export function isPlatformRoute(request: FastifyRequest): boolean {
  const url = matchedRoute(request);
  if (url === undefined) return false;
  return url.startsWith("/api/") || url === "/admin" || url.startsWith("/admin/");
}

/** Whether the request is a state-changing call to a platform route. */
export function isPlatformWrite(request: FastifyRequest): boolean {
  return STATE_CHANGING_METHODS.has(request.method) && isPlatformRoute(request);
}

/** Whether the request is a state-changing platform call that needs a signed-in caller. */
export function needsSession(request: FastifyRequest): boolean {
  if (!isPlatformWrite(request)) return false;
  if (request.routeOptions.config?.publicWrite === true) return false;
  if (request.routeOptions.config?.csrf === false) return false;
  return !PUBLIC_WRITE_ROUTES.has(routeKey(request) ?? "");
}
