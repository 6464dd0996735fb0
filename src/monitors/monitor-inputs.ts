/**
 * The column facts of the daily monitors W-3 … W-5: the agency's columns with their published items, read
 * through the catalog's repositories. The other monitors' inputs come from their modules' repositories too:
 * the portal's newest item and the items R-26-1 watches (publications), the new-media accounts (channels),
 * the decisions S-1 watches (registries), the messages (W-7) and the agency profile (G-12).
 */
import type { Kysely } from "kysely";
import type { Schema } from "../db/schema.ts";
import { columnsForMonitors } from "../publications/publication-facts.repository.ts";
import { publishedPerColumn } from "../publications/publication-query.repository.ts";
import type { ColumnFacts } from "./watched-columns.ts";

/** The agency's columns with the items published directly in each up to `today`. */
export async function columnFacts(
  db: Kysely<Schema>,
  agencyId: number,
  today: string,
): Promise<ColumnFacts[]> {
  const columns = await columnsForMonitors(db, agencyId);
  const byColumn = await publishedPerColumn(db, agencyId, today);
  return columns.map((c) => {
    const stats = byColumn.get(c.id);
    return {
      id: c.id,
      parentId: c.parent_id,
      name: c.name,
      rootKind: c.root_kind,
      cadence: c.cadence,
      openedOn: c.created_at.slice(0, 10),
      items: stats?.count ?? 0,
      lastItemOn: stats?.lastOn ?? null,
    };
  });
}
