/**
 * SQL of the users and role_assignments tables.
 */
import type { Kysely, Selectable, Updateable } from "kysely";
import type { Role } from "../core/access/permissions.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Schema, UserTable } from "../db/schema.ts";

/** A stored user row (with its password hash: never send it anywhere). */
export type UserRow = Selectable<UserTable>;

/** A role a user holds, with the agency's name. */
export interface HeldRole {
  readonly userId: number;
  readonly agencyId: number;
  readonly agencyName: string;
  readonly role: Role;
}

/** The user with this id. */
export async function findUserById(db: Kysely<Schema>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The user with exactly this username. */
export async function findUserByUsername(db: Kysely<Schema>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

/** True when the database refused a row for a unique constraint (SQLite or PostgreSQL). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Inserts a user and returns its id; DUPLICATE_USERNAME when the username is taken. */
export async function insertUser(
  db: Kysely<Schema>,
  row: Omit<UserRow, "id" | "failed_logins" | "locked_until" | "disabled" | "email"> & { email?: string },
): Promise<number> {
  try {
    const inserted = await db
      .insertInto("users")
      .values({ ...row, failed_logins: 0, locked_until: null, disabled: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    return inserted.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("DUPLICATE_USERNAME");
    throw error;
  }
}

/** Updates columns of a user. */
export async function updateUser(
  db: Kysely<Schema>,
  id: number,
  patch: Updateable<UserTable>,
): Promise<void> {
  await db.updateTable("users").set(patch).where("id", "=", id).execute();
}

/** The roles held by these users, with agency names, ordered by user, agency and role. */
export async function rolesOfUsers(db: Kysely<Schema>, userIds: readonly number[]): Promise<HeldRole[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("role_assignments as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.user_id as userId", "r.agency_id as agencyId", "a.name as agencyName", "r.role as role"])
    .where("r.user_id", "in", [...userIds])
    .orderBy("r.user_id")
    .orderBy("r.agency_id")
    .orderBy("r.role")
    .execute();
  return rows as HeldRole[];
}

/** The users holding at least one role in one of these agencies, ordered by id. */
export async function usersWithRoleIn(db: Kysely<Schema>, agencyIds: readonly number[]): Promise<UserRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("role_assignments as r")
          .select("r.id")
          .whereRef("r.user_id", "=", "users.id")
          .where("r.agency_id", "in", [...agencyIds]),
      ),
    )
    .orderBy("id")
    .execute();
}

/** Replaces the user's roles within the given agencies by `roles` (all of which lie in those agencies). */
export async function replaceRolesInAgencies(
  db: Kysely<Schema>,
  userId: number,
  agencyIds: readonly number[],
  roles: readonly { agencyId: number; role: Role }[],
  at: string,
): Promise<void> {
  if (agencyIds.length > 0) {
    await db
      .deleteFrom("role_assignments")
      .where("user_id", "=", userId)
      .where("agency_id", "in", [...agencyIds])
      .execute();
  }
  if (roles.length === 0) return;
  await db
    .insertInto("role_assignments")
    .values(roles.map((r) => ({ user_id: userId, agency_id: r.agencyId, role: r.role, created_at: at })))
    .execute();
}
