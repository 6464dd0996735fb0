/**
 * SQL of the public tracking side: attempts to open a status page (for throttling) and the installation's
 * key that signs anonymous form tokens and download links (kept in `settings`, so restarts keep it).
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Schema } from "../db/schema.ts";

/** The settings key of the signing key of public forms and download links (base64url, 32 bytes). */
export const PUBLIC_FORM_KEY_SETTING = "public_form_signing_key";

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

/** Failed attempts since `since` from this address and for this tracking number. */
export async function countTrackingFailures(
  db: Kysely<Schema>,
  ip: string,
  trackingNo: string,
  since: string,
): Promise<{ fromIp: number; forTrackingNo: number }> {
  const count = async (column: "ip" | "tracking_no", value: string) => {
    const row = await db
      .selectFrom("tracking_attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(column, "=", value)
      .where("success", "=", 0)
      .where("at", ">", since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return { fromIp: await count("ip", ip), forTrackingNo: await count("tracking_no", trackingNo) };
}

/** The keys already read, per database handle (a key never changes once stored). */
const keys = new WeakMap<object, Buffer>();

/** The signing key, created on first use; concurrent first uses agree on the one stored first. */
export async function publicFormKey(db: Kysely<Schema>): Promise<Buffer> {
  const known = keys.get(db);
  if (known) return known;
  const read = () =>
    db.selectFrom("settings").select("value").where("key", "=", PUBLIC_FORM_KEY_SETTING).executeTakeFirst();
  let row = await read();
  if (!row) {
    await db
      .insertInto("settings")
      .values({ key: PUBLIC_FORM_KEY_SETTING, value: randomBytes(32).toString("base64url") })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    row = await read();
  }
  if (!row) throw new Error("public form signing key could not be stored");
  const key = Buffer.from(row.value, "base64url");
  keys.set(db, key);
  return key;
}
