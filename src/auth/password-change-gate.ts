/**
 * The server side of "the password must be changed": a signed-in user whose password was chosen by
 * someone else (first run, `gongkai user create`, a reset) may only read and end the session and change the
 * password; every other /api call answers 403 PASSWORD_CHANGE_REQUIRED before its body is even read.
 * Public API calls that need no account (the 年报体检, the API description) stay open to everyone.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { errorFactory } from "../core/domain-error.ts";
import { isApiRoute, matchedRoute, routeKey } from "./route-scope.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** true for a public /api route that needs no account, so a pending password change does not block it. */
    publicApi?: boolean;
  }
}

/** The error codes of this module. */
export const PASSWORD_GATE_ERRORS = {
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: "您的密码是临时密码，请先修改密码后再进行其他操作" },
} as const;

const fail = errorFactory(PASSWORD_GATE_ERRORS);

/**
 * The routes open while the password must be changed: the session itself (read it, sign in as someone
 * else, sign out), the password change, and the public API calls that need no account.
 */
export const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  "GET /api/session",
  "POST /api/session",
  "DELETE /api/session",
  "POST /api/account/password",
  "POST /api/audit",
  "GET /api/openapi.json",
]);

/** Whether the request is an /api call the user may not make until the password is changed. */
export function blockedUntilPasswordChange(request: FastifyRequest): boolean {
  if (request.auth?.user.must_change_password !== 1) return false;
  // The matched route, not the raw URL: "/%61pi/users" is "/api/users" to the router (issue #9.3).
  const route = matchedRoute(request);
  if (route === undefined || !isApiRoute(request)) return false;
  if (route === "/api/docs" || route.startsWith("/api/docs/")) return false;
  if (request.routeOptions.config?.publicApi === true) return false;
  return !OPEN_BEFORE_PASSWORD_CHANGE.has(routeKey(request) ?? "");
}

/** Registers the gate; runs after the session is resolved (call it after the session hook is added). */
export function registerPasswordChangeGate(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (blockedUntilPasswordChange(request)) throw fail("PASSWORD_CHANGE_REQUIRED");
  });
}
