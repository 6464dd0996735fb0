/**
 * SQL of the login_attempts table: every attempt is recorded, for throttling by address and by username.
 */
import type { Kysely } from "kysely";
import type { Schema } from "../db/schema.ts";

/** Records one login attempt. */
export async function recordLoginAttempt(
  db: Kysely<Schema>,
  attempt: { username: string; ip: string; at: string; success: boolean },
): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values({ ...attempt, success: attempt.success ? 1 : 0 })
    .execute();
}

/** Whether this username has ever signed in successfully from this address (a known address). */
export async function hasSignedInFrom(db: Kysely<Schema>, username: string, ip: string): Promise<boolean> {
  const row = await db
    .selectFrom("login_attempts")
    .select("id")
    .where("username", "=", username)
    .where("ip", "=", ip)
    .where("success", "=", 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
