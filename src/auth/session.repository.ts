/**
 * SQL of the sessions table. The stored id is the SHA-256 of the cookie token; the token itself is never
 * stored, so a copy of the database does not let anyone sign in.
 */
import type { Kysely, Selectable } from "kysely";
import type { Schema, SessionTable } from "../db/schema.ts";

/** A stored session row. */
export type SessionRow = Selectable<SessionTable>;

/** Inserts a new session. */
export async function insertSession(db: Kysely<Schema>, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

/** The session with this stored id, revoked or not. */
export async function findSession(db: Kysely<Schema>, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records that the session was used at `at`. */
export async function touchSession(db: Kysely<Schema>, id: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

/** Revokes one session (no-op when already revoked); true when it was active. */
export async function revokeSession(db: Kysely<Schema>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every active session of a user, except `keepId` when given; the number revoked. */
export async function revokeUserSessions(
  db: Kysely<Schema>,
  userId: number,
  at: string,
  keepId?: string,
): Promise<number> {
  let query = db
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keepId !== undefined) query = query.where("id", "!=", keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The user's sessions not revoked, not past their absolute expiry and seen since `seenSince`, newest first. */
export async function listActiveSessions(
  db: Kysely<Schema>,
  userId: number,
  now: string,
  seenSince: string,
): Promise<SessionRow[]> {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .where("last_seen_at", ">", seenSince)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}
