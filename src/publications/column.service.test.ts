import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import {
  changeColumn,
  columnIssues,
  columnTree,
  createColumn,
  proactiveRoot,
  removeColumn,
} from "./column.service.ts";
import { actor, draftInput, publishItem } from "./publication.test-support.ts";

describe.each(testDialects())("columns on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  const officer = actor("information_officer");

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("every agency's tree starts with the four first-level columns, created once, in the trail", async () => {
    const first = await columnTree(database, tree.a1);
    const again = await columnTree(database, tree.a1);
    expect(first.map((c) => [c.rootKind, c.name])).toEqual([
      ["guide", "政府信息公开指南"],
      ["rules", "政府信息公开制度"],
      ["proactive", "法定主动公开内容"],
      ["annual_reports", "政府信息公开年报"],
    ]);
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    const trail = await database.db
      .selectFrom("trail")
      .select("action")
      .where("action", "=", "column.create")
      .execute();
    expect(trail).toHaveLength(4);
  });

  it("sub-columns: names unique among siblings, first-level columns fixed, a column in use is kept", async () => {
    const root = await proactiveRoot(database, tree.a1);
    const weekly = await createColumn(
      database,
      tree.a1,
      { parentId: root.id, name: "周警情播报", cadence: "weekly" },
      officer,
    );
    await expect(
      createColumn(database, tree.a1, { parentId: root.id, name: "周警情播报" }, officer),
    ).rejects.toMatchObject({
      code: "DUPLICATE_NAME",
    });
    await expect(changeColumn(database, root.id, { name: "改名" }, officer)).rejects.toMatchObject({
      code: "ROOT_COLUMN_FIXED",
    });
    await expect(changeColumn(database, weekly.id, { parentId: weekly.id }, officer)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      createColumn(database, tree.a1, { parentId: root.id, name: "x", categoryItem: "（十六）" }, officer),
    ).rejects.toMatchObject({
      code: "INVALID_CATEGORY",
    });
    const otherRoot = await proactiveRoot(database, tree.a2);
    await expect(
      createColumn(database, tree.a1, { parentId: otherRoot.id, name: "越界" }, officer),
    ).rejects.toMatchObject({
      code: "INVALID_COLUMN",
    });
    await publishItem(database, tree.a1, draftInput(weekly.id, "第1期周警情播报"), "2022-01-03");
    await expect(removeColumn(database, weekly.id, officer)).rejects.toMatchObject({
      code: "COLUMN_NOT_EMPTY",
    });
    const empty = await createColumn(database, tree.a1, { parentId: root.id, name: "空栏目" }, officer);
    await removeColumn(database, empty.id, officer);
    expect((await columnTree(database, tree.a1)).some((c) => c.id === empty.id)).toBe(false);
  });

  it("周警情播报 weekly: issues counted per year, overdue after 7 days without a new issue", async () => {
    const root = await proactiveRoot(database, tree.a1);
    const weekly = await createColumn(
      database,
      tree.a1,
      { parentId: root.id, name: "周警情播报", cadence: "weekly" },
      officer,
    );
    for (const [n, on] of [
      [1, "2022-01-03"],
      [2, "2022-01-10"],
      [3, "2022-01-17"],
    ] as const) {
      await publishItem(
        database,
        tree.a1,
        { ...draftInput(weekly.id, `2022年第${n}期周警情播报`), issueNo: n },
        on,
      );
    }
    const onTime = await columnIssues(database, weekly, 2022, "2022-01-24");
    expect(onTime).toMatchObject({ expectedPerYear: 52, lastPublishedOn: "2022-01-17", overdue: false });
    expect(onTime.issues.map((i) => i.issueNo)).toEqual([1, 2, 3]);
    expect((await columnIssues(database, weekly, 2022, "2022-01-25")).overdue).toBe(true);
    expect((await columnIssues(database, weekly, 2021, "2022-01-24")).issues).toEqual([]);
  });
});
