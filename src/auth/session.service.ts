/**
 * Database-backed sessions. The cookie carries a random 32-byte token; the database keeps its SHA-256 as
 * the session id, a CSRF token, and the times that make a session expire: 12 hours without use, 7 days
 * at most. Sessions are revoked one by one (logout) or all at once (password change or reset, disabling).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { RoleAssignment } from "../core/access/permissions.ts";
import type { Database } from "../db/database.ts";
import { databaseFaultOf } from "../db/database-errors.ts";
import type { Schema } from "../db/schema.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { personActor } from "./person-actor.ts";
import {
  findSession,
  insertSession,
  listActiveSessions,
  revokeSession,
  type SessionRow,
  touchSession,
} from "./session.repository.ts";
import { findUserById, type HeldRole, rolesOfUsers, type UserRow } from "./user.repository.ts";

/** Name of the session cookie. */
export const SESSION_COOKIE = "gk_session";

/** A session unused for this long has expired (12 hours). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/** No session lives longer than this (7 days). */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/** last_seen_at is written at most this often (1 minute). */
export const SESSION_TOUCH_MS = 60 * 1000;

/** A user without the password hash: what request handlers may hold. */
export type AuthUser = Omit<UserRow, "password_hash">;

/** Who is calling: the signed-in user, their roles, and the session. */
export interface AuthContext {
  readonly user: AuthUser;
  readonly assignments: readonly RoleAssignment[];
  readonly roles: readonly HeldRole[];
  readonly session: SessionRow;
}

/** The outcome of looking up a cookie token. */
export type SessionLookup =
  | { readonly status: "active"; readonly context: AuthContext }
  | { readonly status: "expired" }
  | { readonly status: "unknown" };

/** The stored session id of a cookie token: hex SHA-256. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The opaque public id of a stored session id (12 hex characters of its SHA-256). */
export function publicSessionId(storedId: string): string {
  return createHash("sha256").update(`public:${storedId}`, "utf8").digest("hex").slice(0, 12);
}

/** The user without the password hash. */
export function withoutPasswordHash(user: UserRow): AuthUser {
  const { password_hash: _hash, ...rest } = user;
  return rest;
}

/** The assignments of held roles, for the permission module. */
export function assignmentsOf(roles: readonly HeldRole[]): RoleAssignment[] {
  return roles.map((r) => ({ agencyId: r.agencyId, role: r.role }));
}

/** A new session for a user: the cookie token (to send once) and the stored row. */
export async function startSession(
  db: Kysely<Schema>,
  input: { userId: number; ip: string; userAgent: string; now: Date },
): Promise<{ token: string; session: SessionRow }> {
  const token = randomBytes(32).toString("base64url");
  const at = input.now.toISOString();
  const session: SessionRow = {
    id: sessionIdOf(token),
    user_id: input.userId,
    csrf_token: randomBytes(32).toString("base64url"),
    created_at: at,
    expires_at: new Date(input.now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    last_seen_at: at,
    ip: input.ip,
    user_agent: input.userAgent.slice(0, 512),
    revoked_at: null,
  };
  await insertSession(db, session);
  return { token, session };
}

/** True when the session is past its absolute expiry or unused for too long at `now`. */
export function isSessionExpired(session: SessionRow, now: Date): boolean {
  const time = now.getTime();
  return Date.parse(session.expires_at) <= time || Date.parse(session.last_seen_at) + SESSION_IDLE_MS <= time;
}

/** Resolves a cookie token at `now`: the caller when active (last_seen_at refreshed once a minute). */
export async function resolveSession(database: Database, token: string, now: Date): Promise<SessionLookup> {
  const session = await findSession(database.db, sessionIdOf(token));
  if (!session) return { status: "unknown" };
  if (session.revoked_at !== null || isSessionExpired(session, now)) return { status: "expired" };
  const user = await findUserById(database.db, session.user_id);
  if (!user || user.disabled === 1) return { status: "expired" };
  let current = session;
  if (now.getTime() - Date.parse(session.last_seen_at) >= SESSION_TOUCH_MS) {
    current = { ...session, last_seen_at: now.toISOString() };
    try {
      await touchSession(database.db, session.id, current.last_seen_at);
    } catch (error) {
      // Refreshing the idle clock is best effort: a SQLite file busy with another process's write, or a full
      // disk, must not turn a read into a 503/507. Other faults (PostgreSQL gone, a bug) still surface.
      const fault = databaseFaultOf(error);
      if (fault !== "DATABASE_BUSY" && fault !== "DISK_FULL") throw error;
      current = session;
    }
  }
  const roles = await rolesOfUsers(database.db, [user.id]);
  return {
    status: "active",
    context: { user: withoutPasswordHash(user), assignments: assignmentsOf(roles), roles, session: current },
  };
}

/** Ends the caller's session (logout) and records it in the trail. */
export async function endSession(
  database: Database,
  context: AuthContext,
  ip: string,
  now: Date,
  action: "session.logout" | "session.revoke" = "session.logout",
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const revoked = await revokeSession(trx, context.session.id, now.toISOString());
    if (!revoked) return;
    await appendTrail(trx, database.dialect, {
      at: now.toISOString(),
      ...trailActor(context, ip),
      agencyId: context.assignments[0]?.agencyId ?? null,
      action,
      entityType: "session",
      entityId: publicSessionId(context.session.id),
      ip,
    });
  });
}

/** The actor fields of a trail entry for the caller. */
function trailActor(context: AuthContext, ip: string) {
  const actor = personActor(context.user, context.assignments, ip);
  return { actorUserId: actor.userId, actorName: actor.name, actorRole: actor.role };
}

/** The caller's active sessions, newest first. */
export async function listUserSessions(database: Database, userId: number, now: Date): Promise<SessionRow[]> {
  const seenSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  return listActiveSessions(database.db, userId, now.toISOString(), seenSince);
}

/** Revokes one of the caller's own sessions by its public id; NOT_FOUND-worthy false when none matches. */
export async function revokeOwnSession(
  database: Database,
  context: AuthContext,
  publicId: string,
  ip: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const sessions = await listUserSessions(database, context.user.id, now);
  const target = sessions.find((s) => publicSessionId(s.id) === publicId);
  if (!target) return undefined;
  await endSession(database, { ...context, session: target }, ip, now, "session.revoke");
  return target;
}
