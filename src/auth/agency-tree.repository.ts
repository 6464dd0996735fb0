/**
 * The agency tree as the permission module needs it: (id, parentId, name) of every agency.
 */
import type { Kysely } from "kysely";
import type { Schema } from "../db/schema.ts";

/** One node of the agency tree. */
export interface AgencyNode {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
}

/** Every agency as a tree node. */
export async function loadAgencyTree(db: Kysely<Schema>): Promise<AgencyNode[]> {
  return db.selectFrom("agencies").select(["id", "parent_id as parentId", "name"]).orderBy("id").execute();
}
