/**
 * SQL of the public tracking side: attempts to open a status page (for throttling), and the key that signs
 * anonymous form tokens and download links (the installation secret, kept in `settings`).
 */
import type { Kysely } from "kysely";
import { installationSecret } from "../db/installation-secret.repository.ts";
import type { Schema } from "../db/schema.ts";

/** Records one attempt to open a status page. */
export async function recordTrackingAttempt(
  db: Kysely<Schema>,
  attempt: { ip: string; trackingNo: string; at: string; success: boolean },
): Promise<void> {
  await db
    .insertInto("tracking_attempts")
    .values({
      ip: attempt.ip,
      tracking_no: attempt.trackingNo,
      at: attempt.at,
      success: attempt.success ? 1 : 0,
    })
    .execute();
}

/** Deletes the attempts older than `before` (they no longer count for any window). */
export async function pruneTrackingAttempts(db: Kysely<Schema>, before: string): Promise<void> {
  await db.deleteFrom("tracking_attempts").where("at", "<", before).execute();
}

/** The signing key of public forms and download links: the installation secret's 32 bytes. */
export async function publicFormKey(db: Kysely<Schema>): Promise<Buffer> {
  return Buffer.from(await installationSecret(db), "hex");
}
