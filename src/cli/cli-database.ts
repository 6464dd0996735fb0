/**
 * How operator commands reach the database: the configuration from the environment (GONGKAI_DATABASE_URL,
 * else GONGKAI_DATA_DIR or ./data), migrated, closed when the command ends; refusals print in Chinese.
 */
import { DomainError } from "../core/domain-error.ts";
import {
  type Database,
  databaseConfigFromEnv,
  migrate,
  newDatabaseNotice,
  newSqliteFile,
  openDatabase,
  withStartupLock,
} from "../db/database.ts";
import type { CommandIo } from "./command-io.ts";

/** Opens and migrates the database, runs `work`, closes; a DomainError is printed and exits 1. */
export async function withCliDatabase(
  io: CommandIo,
  work: (database: Database) => Promise<number>,
): Promise<number> {
  const config = databaseConfigFromEnv();
  const created = newSqliteFile(config);
  const database = await openDatabase(config);
  if (created !== undefined) io.err(newDatabaseNotice(created));
  try {
    await withStartupLock(database, () => migrate(database));
    return await work(database);
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`错误：${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
