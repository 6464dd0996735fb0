/**
 * The caller's permissions on one case's agency, for the machine (request.handle, request.approveExtension)
 * and the actions it lists; authorisation itself stays with src/auth/request-auth.ts.
 */
import type { FastifyRequest } from "fastify";
import { loadAgencyTree } from "../auth/agency-tree.repository.ts";
import { requestDatabase, requireAuth } from "../auth/request-auth.ts";
import { ancestorsOf, can } from "../core/access/permissions.ts";
import type { Permissions } from "../core/request/request-machine.ts";

/** What the caller may do on a case of `agencyId`. */
export async function casePermissions(request: FastifyRequest, agencyId: number): Promise<Permissions> {
  const auth = requireAuth(request);
  const tree = await loadAgencyTree(requestDatabase(request).db);
  const ancestors = ancestorsOf(agencyId, new Map(tree.map((a) => [a.id, a.parentId])));
  return {
    handle: can(auth.assignments, "request.handle", agencyId, ancestors),
    approveExtension: can(auth.assignments, "request.approveExtension", agencyId, ancestors),
  };
}
