/**
 * SQL of the health check: one trivial query tells whether the database answers (PostgreSQL reachable, the
 * SQLite file readable), given at most a short wait.
 */
import { type Kysely, sql } from "kysely";
import type { Schema } from "./schema.ts";

/** The state /healthz reports. */
export type DatabaseState = "ok" | "unavailable";

/** Longest wait for the database's answer before it counts as unavailable. */
const HEALTH_TIMEOUT_MS = 2_000;

/** "ok" when `select 1` answers within the wait, else "unavailable" (never throws). */
export async function databaseState(
  db: Kysely<Schema>,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DatabaseState>((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), timeoutMs);
  });
  const answer = sql`select 1 as one`.execute(db).then(
    (): DatabaseState => "ok",
    (): DatabaseState => "unavailable",
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
