/**
 * What the signed-in user may do, mirroring src/core/access/permissions.ts (the same module the server
 * enforces): the shell hides what the user cannot do; the server refuses it anyway.
 */
import { type Action, agenciesWhere, can } from "../../../src/core/access/permissions.ts";
import type { Agency, User } from "../api/api-types.ts";

/** True when the user holds a role allowed to take `action` in at least one agency. */
export function mayAnywhere(user: User, action: Action): boolean {
  return user.roles.some((held) => can([held], action, held.agencyId, []));
}

/** The agencies (among those listed) in which the user may take `action`. */
export function agencyIdsWhere(user: User, action: Action, agencies: readonly Agency[]): Set<number> {
  return new Set(agenciesWhere(user.roles, action, agencies));
}

/** True when the user is 系统管理员 of a top-level agency (who may verify the whole audit trail). */
export function isTopLevelAdmin(user: User, agencies: readonly Agency[]): boolean {
  const topLevel = new Set(agencies.filter((a) => a.parentId === null).map((a) => a.id));
  return user.roles.some((held) => held.role === "system_admin" && topLevel.has(held.agencyId));
}
