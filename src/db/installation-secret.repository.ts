/**
 * The installation secret: 32 random bytes made on first use and kept in the settings table, the key of the
 * HMACs that sign anonymous public forms and hash senders' addresses. Never shown, never logged.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Schema } from "./schema.ts";

/** The settings key of the installation secret. */
const SECRET_SETTING = "installation_secret";

/** The secrets already read, per database handle (the value never changes once made). */
const cache = new WeakMap<object, string>();

/** The installation secret (hex), made and stored on first use; concurrent first uses agree on one. */
export async function installationSecret(db: Kysely<Schema>): Promise<string> {
  const known = cache.get(db);
  if (known) return known;
  // A transaction is a new handle each time (a cache miss): read first, so the usual case is one query.
  const stored = await readSecret(db);
  if (stored !== undefined) {
    cache.set(db, stored);
    return stored;
  }
  await db
    .insertInto("settings")
    .values({ key: SECRET_SETTING, value: randomBytes(32).toString("hex") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const made = await readSecret(db);
  if (made === undefined) throw new Error("installation secret missing after it was stored");
  cache.set(db, made);
  return made;
}

/** The stored secret, if any. */
async function readSecret(db: Kysely<Schema>): Promise<string | undefined> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", SECRET_SETTING)
    .executeTakeFirst();
  return row?.value;
}
