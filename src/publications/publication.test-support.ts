/**
 * Test support for the catalog tests: an agency tree, the column to publish in, and an item taken through
 * 先审后发 to publication by actors holding each step's role.
 */
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import type { Database } from "../db/database.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { createColumn, proactiveRoot } from "./column.service.ts";
import type { PublicationRecord } from "./publication.repository.ts";
import { actOnPublication, createPublication } from "./publication.service.ts";
import type { PublicationInput } from "./publication-input.ts";

/** An actor of the tests (user id null: no account behind it). */
export const actor = (role: string): Actor => ({ userId: null, name: `测试${role}`, role, ip: "127.0.0.1" });

/** The tree and a 通知公告 column under A1's 法定主动公开内容. */
export async function catalogFixture(database: Database): Promise<{ tree: TestTree; columnId: number }> {
  const tree = await createTestTree(database);
  const root = await proactiveRoot(database, tree.a1);
  const column = await createColumn(
    database,
    tree.a1,
    { parentId: root.id, name: "通知公告" },
    actor("information_officer"),
  );
  return { tree, columnId: column.id };
}

/** A draft's content. */
export function draftInput(columnId: number, title: string, body = "<p>正文</p>"): PublicationInput {
  return {
    columnId,
    title,
    formedOn: "2022-03-01",
    writtenOn: "2022-02-28",
    bodyHtml: body,
    categoryItem: "（十二）",
  };
}

/** Creates a draft and takes it through the three reviews to publication on `publishedOn`. */
export async function publishItem(
  database: Database,
  agencyId: number,
  input: PublicationInput,
  publishedOn = "2022-03-10",
): Promise<PublicationRecord> {
  const draft = await createPublication(database, agencyId, input, actor("information_officer"));
  await actOnPublication(database, draft.id, { type: "submit" }, actor("information_officer"));
  await actOnPublication(
    database,
    draft.id,
    { type: "approve", opinion: "无涉密内容" },
    actor("secrecy_reviewer"),
  );
  await actOnPublication(database, draft.id, { type: "approve", opinion: "同意" }, actor("reviewer"));
  await actOnPublication(database, draft.id, { type: "approve", opinion: "同意发布" }, actor("office_head"));
  return actOnPublication(database, draft.id, { type: "publish", publishedOn }, actor("information_officer"));
}
