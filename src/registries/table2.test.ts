import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { countDecisions } from "../core/registry/decision-kinds.ts";
import type { DecisionText } from "../core/registry/decision-row.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { decisionGroupsOfYear, listDecisions } from "./decision.repository.ts";
import { importDecisions } from "./decision.service.ts";
import { decisionCsv, licenceRow, penaltyRow } from "./registry.test-support.ts";
import { computeTable2 } from "./table2.ts";

/** A decision of the kind (by its Chinese name) on the day, 文号 serial n. */
function decisionOf(kind: string, n: number, decidedOn: string): DecisionText {
  return kind === "行政处罚" ? penaltyRow(n, decidedOn) : { ...licenceRow(n, decidedOn), kind };
}

describe.each(testDialects())("table 二's decisions on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  /** Imports the rows into the agency's register through the service. */
  const load = async (agencyId: number, rows: DecisionText[]) => {
    await importDecisions(database, agencyId, { name: "决定.csv", bytes: decisionCsv(rows) }, SYSTEM_ACTOR);
  };

  it("counts each kind decided in the year, with its ids ascending, from one grouped pass", async () => {
    // Rows entered newest decision first, so the ids run against the decision days; the edges of the year
    // and another agency's decisions are left out.
    const days = ["2023-01-01", "2022-12-31", "2022-07-15", "2022-07-15", "2022-01-01", "2021-12-31"];
    const kinds = ["行政许可", "行政处罚", "行政强制", "其他"];
    const rows = days.flatMap((day, d) => kinds.map((kind, k) => decisionOf(kind, 10 * d + k + 1, day)));
    await load(tree.a1, rows);
    await load(tree.a2, [licenceRow(900, "2022-05-05"), penaltyRow(901, "2022-05-05")]);
    const all = (await listDecisions(database.db, tree.a1)).items;
    const inYear = (kind: string) =>
      all
        .filter((d) => d.kind === kind && d.decidedOn.startsWith("2022-"))
        .map((d) => d.id)
        .sort((a, b) => a - b);

    const table = await computeTable2(database, tree.a1, 2022);
    expect(table.proactive).toMatchObject({ licensing: 4, penalty: 4, enforcement: 4 });
    expect(table.records.licensing).toEqual(inYear("licensing"));
    expect(table.records.penalty).toEqual(inYear("penalty"));
    expect(table.records.enforcement).toEqual(inYear("enforcement"));
    expect(table.otherDecisions).toEqual(inYear("other"));
    // The same as the row-by-row count of 本年处理决定数量 over every decision of the agency.
    const byRows = countDecisions(all, 2022);
    expect({ ...table.records, other: table.otherDecisions }).toMatchObject({
      licensing: [...byRows.licensing].sort((a, b) => a - b),
      penalty: [...byRows.penalty].sort((a, b) => a - b),
      enforcement: [...byRows.enforcement].sort((a, b) => a - b),
      other: [...byRows.other].sort((a, b) => a - b),
    });
  });

  it("gives no group for a kind without decisions in the year, and empty cells in table 二", async () => {
    await load(tree.a1, [licenceRow(1, "2022-03-01"), licenceRow(2, "2021-03-01")]);
    const groups = await decisionGroupsOfYear(database, tree.a1, 2022);
    expect(groups.map((g) => g.kind)).toEqual(["licensing"]);
    const table = await computeTable2(database, tree.a1, 2022);
    expect(table.proactive).toMatchObject({ licensing: 1, penalty: 0, enforcement: 0 });
    expect(table.records.penalty).toEqual([]);
    expect(table.otherDecisions).toEqual([]);
    const empty = await computeTable2(database, tree.a1, 2020);
    expect(empty.proactive).toMatchObject({ licensing: 0, penalty: 0, enforcement: 0 });
    expect(empty.records.licensing).toEqual([]);
  });
});
