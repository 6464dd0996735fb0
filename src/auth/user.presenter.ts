/**
 * What leaves the server about users: never password hashes, failure counters or session data.
 */
import type { AdminUser, User } from "../contract/user.contract.ts";
import { ROLES } from "../core/access/permissions.ts";
import type { HeldRole, UserRow } from "./user.repository.ts";

/** The user as the API shows it, with the given roles (already filtered to what the caller may see). */
export function presentUser(
  user: Pick<UserRow, "id" | "username" | "display_name" | "must_change_password" | "email">,
  roles: readonly HeldRole[],
): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    mustChangePassword: user.must_change_password === 1,
    email: user.email,
    roles: roles.map((r) => ({
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      role: r.role,
      roleName: ROLES[r.role] ?? r.role,
    })),
  };
}

/** The user as an administrator sees it; a lock already past at `now` shows as none. */
export function presentAdminUser(
  user: Omit<UserRow, "password_hash">,
  roles: readonly HeldRole[],
  now: Date,
): AdminUser {
  const locked = user.locked_until !== null && Date.parse(user.locked_until) > now.getTime();
  return {
    ...presentUser(user, roles),
    disabled: user.disabled === 1,
    lockedUntil: locked ? user.locked_until : null,
    createdAt: user.created_at,
  };
}
