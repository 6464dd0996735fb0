/**
 * The trail's hash chain: each entry's SHA-256 covers its content and its predecessor's hash, so an edit or a
 * deletion anywhere breaks the chain from there on (unless every later hash is recomputed — which the keyed
 * MACs of trail-anchor.ts then expose).
 */
import { createHash } from "node:crypto";
import type { TrailTable } from "../db/schema.ts";

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = "0".repeat(64);

/** An entry's hashed content. */
export type TrailRow = Omit<TrailTable, "seq" | "hash" | "prev_hash" | "mac"> & { prev_hash: string };

/** The SHA-256 of an entry's content and its predecessor's hash. */
export function entryHash(row: TrailRow): string {
  const content = JSON.stringify([
    row.prev_hash,
    row.at,
    row.actor_user_id,
    row.actor_name,
    row.actor_role,
    row.agency_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.ip,
  ]);
  return createHash("sha256").update(content).digest("hex");
}
