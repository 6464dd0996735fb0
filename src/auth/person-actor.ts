/**
 * The trail's actor for a signed-in person: user id, display name, the role keys held, address.
 */
import type { RoleAssignment } from "../core/access/permissions.ts";
import type { Actor } from "../trail/trail-actor.ts";

/** The actor for a signed-in person with these role assignments (role keys comma-separated). */
export function personActor(
  user: { readonly id: number; readonly display_name: string },
  assignments: readonly RoleAssignment[],
  ip: string,
): Actor {
  const roles = [...new Set(assignments.map((a) => a.role))].sort();
  return { userId: user.id, name: user.display_name, role: roles.join(","), ip };
}
