/**
 * SQL behind SOD-2 (答复书须由负责人签发): whether a user holds 公开办负责人 in the request's agency.
 */
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** Whether the user holds the office_head role in this very agency (a head's role does not reach below it). */
export async function isOfficeHeadOf(db: Db, userId: number, agencyId: number): Promise<boolean> {
  const row = await db
    .selectFrom("role_assignments")
    .select("id")
    .where("user_id", "=", userId)
    .where("agency_id", "=", agencyId)
    .where("role", "=", "office_head")
    .executeTakeFirst();
  return row !== undefined;
}
