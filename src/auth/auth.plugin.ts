/**
 * The auth plugin: resolves the session cookie into `request.auth` on every request, refuses
 * state-changing calls under /api and /admin without a session (401, before the body is read) and those
 * whose CSRF token (header X-CSRF-Token, or form field _csrf) does not equal the session's. Both are
 * decided on the matched route, never on the raw URL (see route-scope.ts). Sets and clears the session cookie (HttpOnly, SameSite=Lax, Path=/,
 * Secure when the request came over https).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../core/domain-error.ts";
import { registerPasswordChangeGate } from "./password-change-gate.ts";
import { requestDatabase } from "./request-auth.ts";
import { isPlatformWrite, needsSession, routeKey } from "./route-scope.ts";
import { resolveSession, SESSION_COOKIE } from "./session.service.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** false for a state-changing route that is public and needs no CSRF token. */
    csrf?: boolean;
  }
}

/** Options of the auth plugin. */
export interface AuthOptions {
  /** The clock (tests move it); the system clock by default. */
  readonly now?: () => Date;
}

/** Largest body the session, account and user routes accept (16 KB; their fields are short). */
export const SMALL_BODY_LIMIT = 16 * 1024;

/** Routes exempt from the CSRF check: signing in (no session yet) and the public 年报体检. */
const CSRF_EXEMPT_ROUTES: ReadonlySet<string> = new Set(["POST /api/session", "POST /api/audit"]);

/** Whether the request must carry the session's CSRF token (decided on the matched route, issue #9.3). */
function needsCsrfToken(request: FastifyRequest): boolean {
  if (!isPlatformWrite(request)) return false;
  if (request.routeOptions.config?.csrf === false) return false;
  return !CSRF_EXEMPT_ROUTES.has(routeKey(request) ?? "");
}

/** The token sent as header, or as form field _csrf of a url-encoded or (attached) multipart body. */
function sentCsrfToken(request: FastifyRequest): string | undefined {
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string") return header;
  const type = request.headers["content-type"] ?? "";
  const isForm =
    type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
  if (!isForm || request.body === null || typeof request.body !== "object") return undefined;
  const field = (request.body as Record<string, unknown>)._csrf;
  if (typeof field === "string") return field;
  const value = (field as { value?: unknown } | undefined)?.value;
  return typeof value === "string" ? value : undefined;
}

/** Constant-time equality of two strings of any length. */
export function tokensEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}

/** Registers cookie parsing, the session resolution and the CSRF check on the whole server. */
export async function registerAuth(app: FastifyInstance, options: AuthOptions = {}): Promise<void> {
  const now = options.now ?? (() => new Date());
  await app.register(cookie);
  app.decorateRequest("auth", null);
  app.decorateRequest("authProblem", null);

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const lookup = await resolveSession(requestDatabase(request), token, now());
    if (lookup.status === "active") request.auth = lookup.context;
    else request.authProblem = lookup.status === "expired" ? "SESSION_EXPIRED" : "UNAUTHENTICATED";
  });
  // After the session is known: a state-changing call that needs a session and came without one is
  // refused as unauthenticated (401) before its body is even read, let alone validated.
  app.addHook("onRequest", async (request) => {
    if (!request.auth && needsSession(request))
      throw new DomainError(request.authProblem ?? "UNAUTHENTICATED");
  });
  // A temporary password opens nothing but the session and its change.
  registerPasswordChangeGate(app);

  // preValidation runs after the body is parsed and before it is validated, so a forged request is
  // refused as such whatever its body.
  app.addHook("preValidation", async (request) => {
    if (!request.auth || !needsCsrfToken(request)) return;
    const sent = sentCsrfToken(request);
    if (sent === undefined || !tokensEqual(sent, request.auth.session.csrf_token)) {
      throw new DomainError("CSRF_INVALID");
    }
  });
}

/** Sets the session cookie for a new session. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: request.protocol === "https",
    expires: new Date(expiresAt),
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: request.protocol === "https",
  });
}
