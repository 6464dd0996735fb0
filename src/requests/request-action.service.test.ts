import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser } from "../auth/auth.test-support.ts";
import { DomainError } from "../core/domain-error.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { verifyTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { findRequest, loadEvents } from "./request.repository.ts";
import { officeInput, onlineInput, requestCounts } from "./request.test-support.ts";
import { type ActionInput, applyRequestAction } from "./request-action.service.ts";
import { registerOfficeRequest, submitOnlineRequest } from "./request-intake.service.ts";
import { getRequestCase } from "./request-query.service.ts";

const NOW = new Date("2024-12-31T02:00:00.000Z");
const OFFICER = { handle: true, approveExtension: false };
const HEAD = { handle: true, approveExtension: true };

/** The code of the DomainError a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
}

describe.each(testDialects())("request actions on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  let officer: Actor;
  let head: Actor;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
    const officerId = await insertTestUser(database, "officer", [
      { agencyId: tree.a1, role: "case_officer" },
    ]);
    const headId = await insertTestUser(database, "head", [{ agencyId: tree.a1, role: "office_head" }]);
    officer = { userId: officerId, name: "officer 的姓名", role: "case_officer", ip: "10.0.0.1" };
    head = { userId: headId, name: "head 的姓名", role: "office_head", ip: "10.0.0.2" };
  });
  afterEach(async () => {
    await database.dispose();
  });

  const act = (id: number, input: ActionInput, who = officer, may = OFFICER) =>
    applyRequestAction(database, id, input, who, may, NOW);

  it("R-31-4 confirming an online request sets the receipt date, who confirmed and when", async () => {
    const r = await submitOnlineRequest(database, onlineInput(tree.a1, "key-000000000000000001"), {
      ip: "203.0.113.1",
      now: new Date("2024-10-09T02:00:00.000Z"),
    });
    await act(r.requestId, { action: "confirm", date: "2024-10-10" });
    const row = await findRequest(database.db, r.requestId);
    expect(row).toMatchObject({
      received_on: "2024-10-10",
      confirmed_by: officer.userId,
      status: "in_progress",
      due_on: "2024-11-06",
    });
    expect(row?.confirmed_at).toBe(NOW.toISOString());
    const view = await getRequestCase(database, r.requestId, OFFICER, "2024-12-31");
    expect(view.confirmedByName).toBe("officer 的姓名");
    expect(view.events.map((e) => [e.seq, e.type, e.actorName])).toEqual([
      [1, "received", null],
      [2, "confirmed", "officer 的姓名"],
    ]);
  });

  it("a whole case: supplement, consultation, extension proposed and approved, partial disclosure", async () => {
    const id = await registerOfficeRequest(database, officeInput(tree.a1, "2024-09-27"), officer, NOW);
    await act(id, { action: "assign", caseOfficerId: officer.userId as number });
    await act(id, {
      action: "request_supplement",
      date: "2024-09-30",
      supplementBy: "2024-10-18",
      items: "项目名称",
    });
    expect((await findRequest(database.db, id))?.due_on).toBeNull();
    await act(id, { action: "receive_supplement", date: "2024-10-10" });
    await act(id, { action: "consult", date: "2024-10-14", party: "third-party", consultee: "某建设公司" });
    expect((await findRequest(database.db, id))?.status).toBe("consulting");
    await act(id, { action: "consultation_answered", date: "2024-10-18", consultationId: "C1" });
    await act(id, { action: "propose_extension", workdays: 15, reason: "涉及材料较多" });
    expect(
      await codeOf(
        act(id, { action: "approve_extension", approvedOn: "2024-11-08", notifiedOn: "2024-11-08" }),
      ),
    ).toBe("FORBIDDEN");
    await act(
      id,
      { action: "approve_extension", approvedOn: "2024-11-08", notifiedOn: "2024-11-08" },
      head,
      HEAD,
    );
    const extended = await findRequest(database.db, id);
    expect([extended?.extended, extended?.status]).toEqual([1, "in_progress"]);
    await act(id, { action: "close", date: "2024-11-20", outcome: "O-2", reason: "部分涉及商业秘密" });
    const row = await findRequest(database.db, id);
    expect(row).toMatchObject({
      status: "closed",
      outcome: "O-2",
      closed_on: "2024-11-20",
      case_officer_id: officer.userId,
    });
    const view = await getRequestCase(database, id, OFFICER, "2024-12-31");
    expect(view.allowedActions).toEqual([]);
    expect(view.deadline.risk).toBeNull();
    expect(view.events.map((e) => e.type)).toEqual([
      "received",
      "assigned",
      "supplement_requested",
      "supplement_received",
      "consultation_sent",
      "consultation_answered",
      "extension_proposed",
      "extension_approved",
      "closed",
    ]);
    const trail = await database.db
      .selectFrom("trail")
      .select("action")
      .where("entity_type", "=", "request")
      .orderBy("seq")
      .execute();
    expect(trail.map((t) => t.action)).toEqual([
      "request.create",
      "request.assign",
      "request.request_supplement",
      "request.receive_supplement",
      "request.consult",
      "request.consultation_answered",
      "request.propose_extension",
      "request.approve_extension",
      "request.close",
    ]);
    expect((await verifyTrail(database.db)).ok).toBe(true);
  });

  it("refused actions change nothing: second supplement, extension after due, close without reason, unknown outcome", async () => {
    const id = await registerOfficeRequest(database, officeInput(tree.a1, "2024-09-27"), officer, NOW);
    await act(id, {
      action: "request_supplement",
      date: "2024-09-30",
      supplementBy: "2024-10-18",
      items: "项目名称",
    });
    await act(id, { action: "receive_supplement", date: "2024-10-10" });
    const before = await requestCounts(database);
    expect(
      await codeOf(
        act(id, {
          action: "request_supplement",
          date: "2024-10-11",
          supplementBy: "2024-10-25",
          items: "再补",
        }),
      ),
    ).toBe("SUPPLEMENT_TWICE");
    expect(await codeOf(act(id, { action: "close", date: "2024-10-09", outcome: "O-1", reason: "" }))).toBe(
      "DATE_OUT_OF_ORDER",
    );
    expect(await codeOf(act(id, { action: "close", date: "2024-10-20", outcome: "O-3.1", reason: "" }))).toBe(
      "OUTCOME_REASON_REQUIRED",
    );
    expect(await codeOf(act(id, { action: "close", date: "2024-10-20", outcome: "O-99", reason: "x" }))).toBe(
      "OUTCOME_UNKNOWN",
    );
    await act(id, { action: "propose_extension", workdays: 10, reason: "材料多" });
    const afterProposal = await requestCounts(database);
    // Restarted 2024-10-10 → due 2024-11-07; approving on 2024-11-08 is too late (R-33-3).
    expect(
      await codeOf(
        act(
          id,
          { action: "approve_extension", approvedOn: "2024-11-08", notifiedOn: "2024-11-08" },
          head,
          HEAD,
        ),
      ),
    ).toBe("EXTENSION_LATE");
    expect(await requestCounts(database)).toEqual(afterProposal);
    expect(afterProposal.events).toBe(before.events + 1);
    expect(await codeOf(act(id, { action: "assign", caseOfficerId: (head.userId as number) + 1000 }))).toBe(
      "OFFICER_NOT_IN_AGENCY",
    );
    expect(await codeOf(act(99999, { action: "withdraw", date: "2024-10-20", reason: "x" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("two simultaneous actions on one case: exactly one applies", async () => {
    const id = await registerOfficeRequest(database, officeInput(tree.a1, "2024-09-27"), officer, NOW);
    const results = await Promise.allSettled([
      act(id, { action: "request_supplement", date: "2024-09-30", supplementBy: "2024-10-18", items: "甲" }),
      act(id, { action: "request_supplement", date: "2024-09-30", supplementBy: "2024-10-18", items: "乙" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["CONFLICT", "SUPPLEMENT_TWICE"]).toContain((failed.reason as DomainError).code);
    expect((await loadEvents(database.db, id)).map((e) => e.type)).toEqual([
      "received",
      "supplement_requested",
    ]);
  });

  it("R-FEE-1 per item counts the same applicant's earlier items in the month", async () => {
    const first = await registerOfficeRequest(database, officeInput(tree.a1, "2024-10-08"), officer, NOW);
    await act(first, { action: "notify_fee", date: "2024-10-10", method: "per_item", quantity: 12 });
    const second = await registerOfficeRequest(database, officeInput(tree.a1, "2024-10-08"), officer, NOW);
    await act(second, { action: "notify_fee", date: "2024-10-11", method: "per_item", quantity: 2 });
    const view = await getRequestCase(database, second, OFFICER, "2024-12-31");
    // Items 13 and 14 of the month: 100 yuan each.
    expect(view.fee).toMatchObject({ method: "per_item", quantity: 2, amountYuan: 200 });
    expect((await getRequestCase(database, first, OFFICER, "2024-12-31")).fee?.amountYuan).toBe(200);
  });
});
