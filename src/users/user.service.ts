/**
 * User commands: create a user with roles, change the display name or disable, set roles within the
 * agencies the caller manages, reset a password. Each change and its audit-trail entry commit together;
 * disabling and resetting revoke the user's sessions. Authorisation is the caller's job (see user.routes.ts);
 * createUser is also what first-run seeding and the command line call, with the system as actor.
 */
import type { Kysely } from "kysely";
import { loadAgencyTree } from "../auth/agency-tree.repository.ts";
import { assertPasswordPolicy, generateTemporaryPassword, hashPassword } from "../auth/password-hashing.ts";
import { revokeUserSessions } from "../auth/session.repository.ts";
import { clearLoginBuckets } from "../auth/throttle-bucket.repository.ts";
import {
  findUserById,
  type HeldRole,
  insertUser,
  replaceRolesInAgencies,
  rolesOfUsers,
  type UserRow,
  updateUser,
  usersWithRoleIn,
} from "../auth/user.repository.ts";
import { isRole, type Role } from "../core/access/permissions.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { appendTrail, type TrailEntryInput } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { cleanEmail } from "./user-email.ts";

/** A role to grant. */
export interface RoleInput {
  readonly agencyId: number;
  readonly role: string;
}

/** What creating a user needs. */
export interface CreateUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly RoleInput[];
  /** True when someone else chose the password (the user must change it at first login). */
  readonly mustChangePassword?: boolean;
}

/** A user with the roles they hold. */
export interface UserWithRoles {
  readonly user: UserRow;
  readonly roles: HeldRole[];
}

/** Longest username and display name. */
const MAX_NAME_LENGTH = 64;

/** The text checked: not blank, not too long, no control characters; else INVALID_INPUT naming the field. */
function cleanText(value: string, label: string): string {
  const trimmed = value.trim();
  if (trimmed === "" || [...trimmed].length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new DomainError(
      "INVALID_INPUT",
      `${label}不能为空，不超过 ${MAX_NAME_LENGTH} 个字符，且不能含控制字符`,
    );
  }
  return trimmed;
}

/** Roles checked (known role keys, existing agencies) and without duplicates. */
async function cleanRoles(
  db: Kysely<Schema>,
  roles: readonly RoleInput[],
): Promise<{ agencyId: number; role: Role }[]> {
  const agencies = new Set((await loadAgencyTree(db)).map((a) => a.id));
  const out = new Map<string, { agencyId: number; role: Role }>();
  for (const r of roles) {
    if (!isRole(r.role)) throw new DomainError("INVALID_INPUT", `未知的角色：${r.role}`);
    if (!agencies.has(r.agencyId)) throw new DomainError("INVALID_INPUT", `机关不存在：${r.agencyId}`);
    out.set(`${r.agencyId}:${r.role}`, { agencyId: r.agencyId, role: r.role });
  }
  return [...out.values()];
}

/** The trail fields naming the actor. */
function actorFields(actor: Actor): Pick<TrailEntryInput, "actorUserId" | "actorName" | "actorRole" | "ip"> {
  return { actorUserId: actor.userId, actorName: actor.name, actorRole: actor.role, ip: actor.ip ?? "local" };
}

/** The roles as the trail records them. */
function rolesForTrail(roles: readonly { agencyId: number; role: string }[]) {
  return roles.map((r) => ({ agencyId: r.agencyId, role: r.role }));
}

/** Creates a user holding at least one role; 400 WEAK_PASSWORD / INVALID_INPUT, 409 DUPLICATE_USERNAME. */
export async function createUser(
  database: Database,
  input: CreateUserInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<UserWithRoles> {
  const username = cleanText(input.username, "用户名");
  const displayName = cleanText(input.displayName, "姓名");
  assertPasswordPolicy(input.password);
  const roles = await cleanRoles(database.db, input.roles);
  if (roles.length === 0) throw new DomainError("INVALID_INPUT", "用户至少须有一个角色");
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  const id = await database.db.transaction().execute(async (trx) => {
    const userId = await insertUser(trx, {
      username,
      display_name: displayName,
      password_hash: passwordHash,
      must_change_password: input.mustChangePassword ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    await replaceRolesInAgencies(trx, userId, [], roles, at);
    await appendTrail(trx, database.dialect, {
      at,
      ...actorFields(actor),
      agencyId: roles[0]?.agencyId ?? null,
      action: "user.create",
      entityType: "user",
      entityId: userId,
      after: { username, displayName, roles: rolesForTrail(roles) },
    });
    return userId;
  });
  return requireUser(database, id);
}

/** The user with their roles; NOT_FOUND when there is none. */
export async function requireUser(database: Database, id: number): Promise<UserWithRoles> {
  const user = await findUserById(database.db, id);
  if (!user) throw new DomainError("NOT_FOUND");
  return { user, roles: await rolesOfUsers(database.db, [id]) };
}

/** The users holding a role in one of these agencies, with all their roles. */
export async function listUsers(database: Database, agencyIds: readonly number[]): Promise<UserWithRoles[]> {
  const users = await usersWithRoleIn(database.db, agencyIds);
  const roles = await rolesOfUsers(
    database.db,
    users.map((u) => u.id),
  );
  return users.map((user) => ({ user, roles: roles.filter((r) => r.userId === user.id) }));
}

/** Changes the display name, the e-mail and/or disables or re-enables the user (disabling revokes sessions). */
export async function updateUserAccount(
  database: Database,
  id: number,
  patch: { readonly displayName?: string; readonly disabled?: boolean; readonly email?: string },
  actor: Actor,
  now: Date = new Date(),
): Promise<UserWithRoles> {
  const { user, roles } = await requireUser(database, id);
  if (patch.disabled === true && actor.userId === id) {
    throw new DomainError("FORBIDDEN", "不能停用自己的账号");
  }
  const displayName =
    patch.displayName === undefined ? user.display_name : cleanText(patch.displayName, "姓名");
  const disabled = patch.disabled === undefined ? user.disabled : patch.disabled ? 1 : 0;
  const email = patch.email === undefined ? user.email : cleanEmail(patch.email);
  const emailChange =
    patch.email === undefined ? undefined : { before: { email: user.email }, after: { email } };
  const at = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { display_name: displayName, disabled, email, updated_at: at });
    if (disabled === 1 && user.disabled === 0) await revokeUserSessions(trx, id, at);
    await appendTrail(trx, database.dialect, {
      at,
      ...actorFields(actor),
      agencyId: roles[0]?.agencyId ?? null,
      action: "user.update",
      entityType: "user",
      entityId: id,
      before: { displayName: user.display_name, disabled: user.disabled === 1, ...emailChange?.before },
      after: { displayName, disabled: disabled === 1, ...emailChange?.after },
    });
  });
  return requireUser(database, id);
}

/**
 * Sets the user's roles within `managedAgencyIds` to the requested roles lying there; roles in other
 * agencies neither change nor are granted. One trail entry per agency whose roles changed.
 */
export async function setUserRoles(
  database: Database,
  id: number,
  managedAgencyIds: readonly number[],
  requested: readonly RoleInput[],
  actor: Actor,
  now: Date = new Date(),
): Promise<UserWithRoles> {
  const { roles: current } = await requireUser(database, id);
  const managed = new Set(managedAgencyIds);
  const wanted = await cleanRoles(
    database.db,
    requested.filter((r) => managed.has(r.agencyId)),
  );
  const kept = current.filter((r) => !managed.has(r.agencyId));
  if (kept.length + wanted.length === 0) {
    throw new DomainError("INVALID_INPUT", "用户至少须保留一个角色；如需停用账号，请使用“停用”");
  }
  const key = (r: { agencyId: number; role: string }) => `${r.agencyId}:${r.role}`;
  const changedAgencies = [...managed].filter((agencyId) => {
    const before = current
      .filter((r) => r.agencyId === agencyId)
      .map(key)
      .sort();
    const after = wanted
      .filter((r) => r.agencyId === agencyId)
      .map(key)
      .sort();
    return before.join() !== after.join();
  });
  if (changedAgencies.length === 0) return requireUser(database, id);
  const at = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    const inChanged = (r: { agencyId: number }) => changedAgencies.includes(r.agencyId);
    await replaceRolesInAgencies(trx, id, changedAgencies, wanted.filter(inChanged), at);
    for (const agencyId of changedAgencies.sort((a, b) => a - b)) {
      await appendTrail(trx, database.dialect, {
        at,
        ...actorFields(actor),
        agencyId,
        action: "user.roles",
        entityType: "user",
        entityId: id,
        before: rolesForTrail(current.filter((r) => r.agencyId === agencyId)),
        after: rolesForTrail(wanted.filter((r) => r.agencyId === agencyId)),
      });
    }
  });
  return requireUser(database, id);
}

/** Gives the user a new temporary password (to change at next login), unlocks and signs them out. */
export async function resetUserPassword(
  database: Database,
  id: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<string> {
  const { user, roles } = await requireUser(database, id);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const at = now.toISOString();
  await database.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: at,
    });
    await revokeUserSessions(trx, id, at);
    // Unlocks: the sign-in waits of this account, from every address, start afresh.
    await clearLoginBuckets(trx, user.username);
    await appendTrail(trx, database.dialect, {
      at,
      ...actorFields(actor),
      agencyId: roles[0]?.agencyId ?? null,
      action: "user.reset_password",
      entityType: "user",
      entityId: id,
    });
  });
  return temporaryPassword;
}
