/**
 * The portal benchmark's data: the demo government seeded by first run (no demo year), and one column of
 * 示范市公安局 holding BENCH_PORTAL_ITEMS (default 3,000) published items with the fields the platform's
 * publishing fills in (文号, 索引号, 主题分类, 体裁, 条例第二十条 item, several paragraphs of body), inserted in
 * batches the way the catalog search benchmark loads its corpus.
 */
import { listAgencies } from "../src/agencies/agency.service.ts";
import { formatIndexNumber } from "../src/core/publication/publication-rules.ts";
import type { Database } from "../src/db/database.ts";
import { createColumn, proactiveRoot } from "../src/publications/column.service.ts";
import { DEMO_BUREAU_NAME, runFirstRun } from "../src/setup/first-run.ts";
import { SYSTEM_ACTOR } from "../src/trail/trail-actor.ts";
import { corpusItem, random } from "./catalog-corpus.ts";

/** Rows per insert (well under SQLite's and PostgreSQL's bound-parameter limits). */
const BATCH = 200;

/** What the portal benchmark fetches: the agency, its seeded column and the newest item in it. */
export interface PortalSeed {
  readonly agencyId: number;
  readonly columnId: number;
  readonly itemId: number;
  readonly items: number;
}

/** Seeds the demo government and one column of `total` published items of the bureau. */
export async function seedPortal(database: Database, total: number): Promise<PortalSeed> {
  await runFirstRun(database, () => {}, false);
  const bureau = (await listAgencies(database)).find((a) => a.name === DEMO_BUREAU_NAME);
  if (!bureau) throw new Error("first run made no demo bureau");
  const root = await proactiveRoot(database, bureau.id);
  const column = await createColumn(
    database,
    bureau.id,
    { parentId: root.id, name: "通知公告", categoryItem: "（六）" },
    SYSTEM_ACTOR,
  );
  const next = random(2024);
  const serials = new Map<number, number>();
  const now = new Date().toISOString();
  for (let from = 0; from < total; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) {
      const item = corpusItem(next, i);
      const year = Number(item.publishedOn.slice(0, 4));
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      const paragraphs = Array.from(
        { length: 6 },
        () => `<p>${corpusItem(next, i + 1).body}${item.summary}</p>`,
      );
      rows.push({
        agency_id: bureau.id,
        column_id: column.id,
        status: "published" as const,
        title: item.title,
        summary: item.summary,
        publisher: bureau.name,
        written_on: item.publishedOn,
        formed_on: item.publishedOn,
        published_on: item.publishedOn,
        published_at: `${item.publishedOn}T02:00:00.000Z`,
        document_no: `示公通〔${year}〕${serial}号`,
        topic: "公安、安全、司法",
        genre: "通知",
        validity: "有效",
        category_item: "（六）",
        body_html: `<h2>${item.title}</h2>${paragraphs.join("")}`,
        index_no: formatIndexNumber(bureau.creditCode, year, serial),
        index_year: year,
        index_serial: serial,
        issue_no: null,
        amends_id: null,
        amended_by_id: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    }
    await database.db.insertInto("publications").values(rows).execute();
  }
  const newest = await database.db
    .selectFrom("publications")
    .select("id")
    .where("column_id", "=", column.id)
    .orderBy("published_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return { agencyId: bureau.id, columnId: column.id, itemId: newest.id, items: total };
}
