/**
 * The user API's answers: users as they see themselves and as administrators see them, their roles, and
 * a reset's temporary password. Never password hashes, failure counters or session data.
 */
import { type Static, Type } from "@sinclair/typebox";
import { ROLE_KEYS } from "../core/access/permissions.ts";
import { Id, Instant, Nullable } from "./common.contract.ts";

/** A role key (system_admin, office_head, case_officer …). */
export const RoleKey = Type.Union(ROLE_KEYS.map((r) => Type.Literal(r)));
export type RoleKey = Static<typeof RoleKey>;

/** A role held in an agency, with both names. */
export const UserRole = Type.Object({
  agencyId: Id,
  agencyName: Type.String(),
  role: RoleKey,
  roleName: Type.String(),
});
export type UserRole = Static<typeof UserRole>;

/** The fields of a user every answer shows. */
const userFields = {
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  mustChangePassword: Type.Boolean(),
  /** Where reminders go; "" when not set. */
  email: Type.String(),
  roles: Type.Array(UserRole),
};

/** A user as they see themselves (the signed-in user; answer of PATCH /api/account). */
export const User = Type.Object(userFields);
export type User = Static<typeof User>;

/** A user as administrators see it (GET/POST /api/users, PATCH /api/users/:id, PUT …/roles). */
export const AdminUser = Type.Object({
  ...userFields,
  disabled: Type.Boolean(),
  /** Until when sign-in is locked; null when it is not. */
  lockedUntil: Nullable(Instant),
  createdAt: Instant,
});
export type AdminUser = Static<typeof AdminUser>;

/** Answer of GET /api/users. */
export const UserList = Type.Object({ users: Type.Array(AdminUser) });
export type UserList = Static<typeof UserList>;

/** Answer of POST /api/users/:id/reset-password: the temporary password, shown once. */
export const TemporaryPassword = Type.Object({ temporaryPassword: Type.String() });
export type TemporaryPassword = Static<typeof TemporaryPassword>;
