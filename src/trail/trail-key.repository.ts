/**
 * The key of the trail's MACs, first found of: GONGKAI_TRAIL_KEY (the operator's secret, at least 32
 * characters); the file named by GONGKAI_TRAIL_KEY_FILE; on SQLite, `trail.key` beside the database file
 * (32 random bytes, created mode 0600 on first use); else the installation secret from the settings table,
 * which anyone who can rewrite the database can also read — verify says so. The MAC key is derived from the
 * material with HMAC-SHA256, so the same secret is never used for two purposes.
 */
import { createHmac, randomBytes } from "node:crypto";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Kysely, PostgresAdapter, sql } from "kysely";
import { installationSecret } from "../db/installation-secret.repository.ts";
import type { Schema } from "../db/schema.ts";

/** Where the key came from. */
export type TrailKeySource = "env" | "key-file" | "installation-secret";

/** The MAC key and its origin. */
export interface TrailKey {
  readonly bytes: Buffer;
  readonly source: TrailKeySource;
  /** The key file, when the source is a file. */
  readonly file?: string;
}

/** The shortest key material accepted from the environment or a key file. */
const MIN_KEY_LENGTH = 32;

/** Key files already read, by path (a key never changes while the process runs). */
const fileKeys = new Map<string, Buffer>();

/** Whether the handle (database or transaction) talks to PostgreSQL. */
export function isPostgres(db: Kysely<Schema>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The MAC key derived from key material. */
function derive(material: string): Buffer {
  return createHmac("sha256", material).update("gongkai trail mac v1").digest();
}

/** The material of a key file, checked for length. */
function readKeyFile(file: string): Buffer {
  const known = fileKeys.get(file);
  if (known) return known;
  const material = readFileSync(file, "utf8").trim();
  if (material.length < MIN_KEY_LENGTH) {
    throw new Error(`审计记录密钥文件 ${file} 太短：至少 ${MIN_KEY_LENGTH} 个字符`);
  }
  const key = derive(material);
  fileKeys.set(file, key);
  return key;
}

/** Reads the key file, creating it (0600, atomically: concurrent first uses agree on one) when missing. */
function readOrCreateKeyFile(file: string): Buffer {
  try {
    return readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readKeyFile(file);
}

/** The SQLite database's main file, or null (PostgreSQL, or an in-memory SQLite database). */
async function sqliteFile(db: Kysely<Schema>): Promise<string | null> {
  if (isPostgres(db)) return null;
  const { rows } = await sql<{
    file: string;
  }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = rows[0]?.file ?? "";
  return file === "" ? null : file;
}

/** The trail's MAC key (see the module comment for the order); pass the append's transaction when inside one. */
export async function trailKey(db: Kysely<Schema>, env: NodeJS.ProcessEnv = process.env): Promise<TrailKey> {
  const fromEnv = env.GONGKAI_TRAIL_KEY?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_KEY_LENGTH) {
      throw new Error(`GONGKAI_TRAIL_KEY 太短：至少 ${MIN_KEY_LENGTH} 个字符`);
    }
    return { bytes: derive(fromEnv), source: "env" };
  }
  const named = env.GONGKAI_TRAIL_KEY_FILE?.trim();
  if (named) {
    try {
      return { bytes: readKeyFile(named), source: "key-file", file: named };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new Error(`找不到 GONGKAI_TRAIL_KEY_FILE 指定的审计记录密钥文件：${named}`);
      }
      throw error;
    }
  }
  const database = await sqliteFile(db);
  if (database !== null) {
    const file = join(dirname(database), "trail.key");
    return { bytes: readOrCreateKeyFile(file), source: "key-file", file };
  }
  return { bytes: derive(await installationSecret(db)), source: "installation-secret" };
}
