import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agency, findAgency } from "../agencies/agency.repository.ts";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { importDecisions } from "../registries/decision.service.ts";
import { decisionCsv, licenceRow, penaltyRow } from "../registries/registry.test-support.ts";
import { loadEvents } from "../requests/request.repository.ts";
import { officeInput } from "../requests/request.test-support.ts";
import { applyRequestAction } from "../requests/request-action.service.ts";
import { registerOfficeRequest } from "../requests/request-intake.service.ts";
import { eventsOfRequestsClosedInYear } from "../requests/request-year.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { gatherReportRecords, gatherReportTables } from "./report-sources.ts";

const NOW = new Date("2024-12-31T02:00:00.000Z");
const MAY = { handle: true, approveExtension: true };

describe.each(testDialects())("the report's sources on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  let bureau: Agency;
  let officer: Actor;
  const ids = { onTime: 0, late: 0, carriedOverLate: 0, closedNextYear: 0, open: 0, elsewhere: 0 };

  /** A request received on the day, closed (O-3.5) on `closedOn` unless null. */
  const request = async (agencyId: number, receivedOn: string, closedOn: string | null) => {
    const id = await registerOfficeRequest(database, officeInput(agencyId, receivedOn), officer, NOW);
    if (closedOn !== null) {
      const close = {
        action: "close",
        date: closedOn,
        outcome: "O-3.5",
        reason: "属于内部事务信息",
      } as const;
      await applyRequestAction(database, id, close, officer, MAY, NOW);
    }
    return id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
    const userId = await insertTestUser(database, "head", [
      { agencyId: tree.a1, role: "office_head" },
      { agencyId: tree.a2, role: "office_head" },
    ]);
    officer = { userId, name: "head 的姓名", role: "office_head", ip: "10.0.0.1" };
    const agency = await findAgency(database.db, tree.a1);
    if (!agency) throw new Error("no agency");
    bureau = agency;
    // Due 20 working days after receipt (R-33-1): closed in time, late, late but carried over from 2021,
    // late in 2023, still open, and late at another agency.
    ids.onTime = await request(tree.a1, "2022-03-01", "2022-03-07");
    ids.late = await request(tree.a1, "2022-03-01", "2022-06-30");
    ids.carriedOverLate = await request(tree.a1, "2021-12-01", "2022-02-28");
    ids.closedNextYear = await request(tree.a1, "2022-11-01", "2023-03-01");
    ids.open = await request(tree.a1, "2022-12-26", null);
    ids.elsewhere = await request(tree.a2, "2022-03-01", "2022-06-30");
    const decisions = [licenceRow(1, "2021-05-01"), licenceRow(2, "2022-05-01"), penaltyRow(3, "2022-06-01")];
    await importDecisions(
      database,
      tree.a1,
      { name: "决定.csv", bytes: decisionCsv(decisions) },
      SYSTEM_ACTOR,
    );
  }, 120_000);

  afterAll(async () => {
    await database.dispose();
  });

  it("loads the case logs of the requests closed in the year in one query, as each case's own log", async () => {
    const events = await eventsOfRequestsClosedInYear(database.db, tree.a1, 2022);
    expect([...events.keys()].sort((a, b) => a - b)).toEqual(
      [ids.onTime, ids.late, ids.carriedOverLate].sort((a, b) => a - b),
    );
    for (const [id, log] of events) expect(log).toEqual(await loadEvents(database.db, id));
    expect((await eventsOfRequestsClosedInYear(database.db, tree.a1, 2020)).size).toBe(0);
  });

  it("counts the late replies of the year: closed after their due date, carried-over cases included", async () => {
    const records = await gatherReportRecords(database, bureau, 2022);
    expect(records.figures.requests.late).toBe(2);
    expect(records.figures.requests.processed).toBe(3);
  });

  it("gathers for the year before the same tables as the full gathering, without the drill-down", async () => {
    for (const year of [2021, 2022]) {
      const full = await gatherReportRecords(database, bureau, year);
      expect(await gatherReportTables(database, tree.a1, year)).toEqual(full.tables);
    }
    const tables = await gatherReportTables(database, tree.a1, 2021);
    expect(tables.proactive.licensing).toBe(1);
    expect(tables.applications.carriedForward?.[6]).toBe(1);
  });
});
