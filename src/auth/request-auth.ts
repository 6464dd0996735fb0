/**
 * What route handlers ask about the caller: who it is (requireAuth), whether it may act in an agency
 * (authorize: 404 when it cannot even see the agency, 403 when it sees but may not act), in which agencies
 * it may act (visibleAgencyIds), and how the audit trail names it (requestActor).
 */
import type { FastifyRequest } from "fastify";
import { type Action, agenciesWhere, ancestorsOf, can } from "../core/access/permissions.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { loadAgencyTree } from "./agency-tree.repository.ts";
import { personActor } from "./person-actor.ts";
import type { AuthContext } from "./session.service.ts";

export type { AuthContext } from "./session.service.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in caller, or null (resolved from the session cookie by the auth plugin). */
    auth: AuthContext | null;
    /** Why `auth` is null although a session cookie came: the session is unknown or has expired. */
    authProblem: "UNAUTHENTICATED" | "SESSION_EXPIRED" | null;
  }
}

/** The database of the server handling the request. */
export function requestDatabase(request: FastifyRequest): Database {
  const database = request.server.database;
  if (!database) throw new DomainError("INTERNAL_ERROR");
  return database;
}

/** The caller; 401 UNAUTHENTICATED without a session, 401 SESSION_EXPIRED when it has expired. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (request.auth) return request.auth;
  throw new DomainError(request.authProblem ?? "UNAUTHENTICATED");
}

/**
 * Throws unless the caller may take `action` in the agency: 404 NOT_FOUND when the agency does not exist or
 * the caller may not view it, 403 FORBIDDEN when the caller may view it but not take the action.
 */
export async function authorize(request: FastifyRequest, action: Action, agencyId: number): Promise<void> {
  const auth = requireAuth(request);
  const tree = await loadAgencyTree(requestDatabase(request).db);
  const parent = new Map(tree.map((a) => [a.id, a.parentId]));
  if (!parent.has(agencyId)) throw new DomainError("NOT_FOUND");
  const ancestors = ancestorsOf(agencyId, parent);
  if (!can(auth.assignments, "agency.view", agencyId, ancestors)) throw new DomainError("NOT_FOUND");
  if (!can(auth.assignments, action, agencyId, ancestors)) throw new DomainError("FORBIDDEN");
}

/** The ids of the agencies in which the caller may take `action` (requires a signed-in caller). */
export async function visibleAgencyIds(request: FastifyRequest, action: Action): Promise<number[]> {
  const auth = requireAuth(request);
  const tree = await loadAgencyTree(requestDatabase(request).db);
  return agenciesWhere(auth.assignments, action, tree);
}

/** The trail's actor for the signed-in caller, with the request's address. */
export function requestActor(request: FastifyRequest): Actor {
  const auth = requireAuth(request);
  return personActor(auth.user, auth.assignments, request.ip);
}
