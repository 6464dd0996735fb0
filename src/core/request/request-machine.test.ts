import { describe, expect, it } from "vitest";
import { CALENDAR, caseOf, context, HEAD, OFFICER, refused } from "./request-machine.test-support.ts";
import {
  allowedActions,
  decide,
  openCase,
  type Permissions,
  type RequestState,
  recomputeDeadline,
} from "./request-machine.ts";

const R0928 = "2022-09-28";

describe("request machine: intake and receipt (R-31, R-33-0)", () => {
  it("R-31-1 / R-33-1 a request handed in 2022-09-28 is received, due 2022-10-31, all handling open", () => {
    const { state, events } = openCase({ channel: "in_person", receivedOn: R0928 }, context());
    expect(events.map((e) => e.type)).toEqual(["received"]);
    expect(state.status).toBe("received");
    expect(state.deadline.due).toBe("2022-10-31");
    expect(state.deadline.calendarVersion).toBe(CALENDAR.version);
    expect(allowed(state)).toEqual(
      expect.arrayContaining(["request_supplement", "consult", "notify_fee", "close", "withdraw"]),
    );
  });

  it("R-31-4 an online request waits for confirmation; the confirmation day becomes the receipt date", () => {
    const submitted = caseOf(R0928, [], "online");
    expect(submitted.status).toBe("received");
    expect(submitted.confirmed).toBe(false);
    expect(allowed(submitted)).toEqual(["confirm", "assign", "withdraw"]);
    expect(submitted.deadline.steps[0]?.rule).toBe("R-31-4");
    expect(submitted.deadline.steps[0]?.text).toContain("尚待公开工作机构与申请人确认");
    refused(
      () =>
        decide(submitted, { action: "consult", date: R0928, party: "agency", consultee: "甲局" }, context()),
      "NOT_CONFIRMED",
    );
    refused(
      () => decide(submitted, { action: "confirm", date: "2022-09-27" }, context()),
      "DATE_OUT_OF_ORDER",
    );
    const confirmed = decide(submitted, { action: "confirm", date: "2022-09-30" }, context()).state;
    expect([confirmed.receivedOn, confirmed.status, confirmed.deadline.due]).toEqual([
      "2022-09-30",
      "in_progress",
      "2022-11-02",
    ]);
    refused(
      () => decide(confirmed, { action: "confirm", date: "2022-09-30" }, context()),
      "CONFIRM_NOT_NEEDED",
    );
    refused(() => decide(caseOf(R0928), { action: "confirm", date: R0928 }, context()), "CONFIRM_NOT_NEEDED");
  });

  it("R-33-0 answered on the spot: received and closed the same day with its outcome", () => {
    const { state, events } = openCase(
      { channel: "in_person", receivedOn: R0928, onTheSpot: { outcome: "O-1" } },
      context(),
    );
    expect(events.map((e) => e.type)).toEqual(["received", "answered_on_the_spot"]);
    expect([state.status, state.outcome, state.closedOn, state.deadline.due]).toEqual([
      "closed",
      "O-1",
      R0928,
      R0928,
    ]);
    expect(allowed(state)).toEqual([]);
    refused(
      () => openCase({ channel: "online", receivedOn: R0928, onTheSpot: { outcome: "O-1" } }, context()),
      "SPOT_ANSWER_CHANNEL",
    );
    refused(
      () => openCase({ channel: "in_person", receivedOn: R0928, onTheSpot: { outcome: "O-9" } }, context()),
      "OUTCOME_UNKNOWN",
    );
    refused(
      () => openCase({ channel: "in_person", receivedOn: R0928, onTheSpot: { outcome: "O-6.1" } }, context()),
      "OUTCOME_NOT_BY_CLOSE",
    );
  });

  it("ORDER intake dates: invalid, in the future", () => {
    refused(() => openCase({ channel: "in_person", receivedOn: "2022-02-30" }, context()), "INVALID_DATE");
    refused(() => openCase({ channel: "in_person", receivedOn: "2025-01-02" }, context()), "DATE_IN_FUTURE");
  });
});

describe("request machine: supplement (R-30)", () => {
  const ask = {
    action: "request_supplement",
    date: "2022-09-30",
    supplementBy: "2022-10-14",
    items: "文件名称",
  } as const;

  it("R-30-1 one supplement notice within 7 working days stops the clock; a second is refused", () => {
    const s = caseOf(R0928, [ask]);
    expect([s.status, s.deadline.due]).toEqual(["supplement_requested", null]);
    expect(allowed(s)).toEqual(["assign", "receive_supplement", "supplement_expired", "withdraw"]);
    const back = decide(s, { action: "receive_supplement", date: "2022-10-10" }, context()).state;
    refused(() => decide(back, { ...ask, date: "2022-10-11" }, context()), "SUPPLEMENT_TWICE");
    expect(allowed(back)).not.toContain("request_supplement");
  });

  it("R-30-1 a notice after the 7th working day is refused (SUPPLEMENT_LATE); so is one without items", () => {
    refused(
      () => caseOf(R0928, [{ ...ask, date: "2022-10-13", supplementBy: "2022-10-20" }]),
      "SUPPLEMENT_LATE",
    );
    refused(() => caseOf(R0928, [{ ...ask, items: "  " }]), "SUPPLEMENT_INCOMPLETE");
  });

  it("R-30-2 the supplement restarts the 20 working days from its receipt", () => {
    const s = caseOf(R0928, [ask, { action: "receive_supplement", date: "2022-10-10" }]);
    expect(s.status).toBe("in_progress");
    expect(s.deadline.due).toBe("2022-11-07");
    expect(s.deadline.steps.some((x) => x.rule === "R-30-2")).toBe(true);
  });

  it("R-30-3 no supplement by the period: closed as O-6.1, not before the period ends", () => {
    const s = caseOf(R0928, [ask]);
    refused(
      () => decide(s, { action: "supplement_expired", date: "2022-10-14" }, context()),
      "SUPPLEMENT_NOT_EXPIRED",
    );
    const closed = decide(s, { action: "supplement_expired", date: "2022-10-17" }, context()).state;
    expect([closed.status, closed.outcome, closed.closedOn]).toEqual(["closed", "O-6.1", "2022-10-17"]);
  });
});

describe("request machine: consultation, extension, delay (R-32, R-33, R-34, R-35)", () => {
  it("R-33-4 / R-33-5 a consultation pauses the clock until its answer", () => {
    const s = caseOf(R0928, [
      { action: "consult", date: "2022-10-10", party: "third-party", consultee: "某公司" },
    ]);
    expect(s.status).toBe("consulting");
    expect(s.consultations).toEqual([{ id: "C1", answered: false }]);
    refused(
      () =>
        decide(s, { action: "consultation_answered", date: "2022-10-12", consultationId: "C9" }, context()),
      "ACTION_NOT_ALLOWED",
    );
    const answered = decide(
      s,
      { action: "consultation_answered", date: "2022-10-14", consultationId: "C1" },
      context(),
    ).state;
    expect(answered.status).toBe("in_progress");
    // 2022-10-11..10-14: 4 working days paused → 2022-10-31 + 4 = 2022-11-04.
    expect(answered.deadline.due).toBe("2022-11-04");
    refused(
      () => caseOf(R0928, [{ action: "consult", date: "2022-10-10", party: "agency", consultee: " " }]),
      "CONSULTEE_REQUIRED",
    );
  });

  it("R-33-2 extension in two steps: a case officer proposes, only the office head approves", () => {
    const proposed = caseOf(R0928, [{ action: "propose_extension", workdays: 10, reason: "材料较多" }]);
    expect(proposed.pendingExtension).toMatchObject({
      workdays: 10,
      reason: "材料较多",
      proposedByName: "李承办",
    });
    expect(allowed(proposed)).not.toContain("approve_extension");
    expect(allowed(proposed, HEAD)).toContain("approve_extension");
    const approve = {
      action: "approve_extension",
      approvedOn: "2022-10-28",
      notifiedOn: "2022-10-31",
    } as const;
    refused(() => decide(proposed, approve, context(OFFICER)), "FORBIDDEN");
    const extended = decide(proposed, approve, context(HEAD)).state;
    expect([extended.extended, extended.pendingExtension, extended.deadline.due]).toEqual([
      true,
      null,
      "2022-11-14",
    ]);
    expect(extended.deadline.steps.find((x) => x.rule === "R-33-2")?.text).toContain("王主任");
    refused(
      () => decide(extended, { action: "propose_extension", workdays: 5, reason: "再延" }, context()),
      "EXTENSION_ALREADY",
    );
    refused(() => decide(caseOf(R0928), approve, context(HEAD)), "EXTENSION_NOT_PROPOSED");
  });

  it("R-33-2 at most 20 working days and a reason; R-33-3 approval after the unextended due date is refused", () => {
    refused(
      () => caseOf(R0928, [{ action: "propose_extension", workdays: 21, reason: "多" }]),
      "EXTENSION_TOO_LONG",
    );
    refused(
      () => caseOf(R0928, [{ action: "propose_extension", workdays: 5, reason: "" }]),
      "EXTENSION_REASON_REQUIRED",
    );
    const proposed = caseOf(R0928, [{ action: "propose_extension", workdays: 20, reason: "材料较多" }]);
    refused(
      () =>
        decide(
          proposed,
          { action: "approve_extension", approvedOn: "2022-11-01", notifiedOn: "2022-11-01" },
          context(HEAD),
        ),
      "EXTENSION_LATE",
    );
    refused(
      () =>
        decide(
          proposed,
          { action: "approve_extension", approvedOn: "2022-10-31", notifiedOn: "2022-11-01" },
          context(HEAD),
        ),
      "EXTENSION_LATE",
    );
  });

  it("R-35-1 a delayed reply date becomes the due date; only once", () => {
    const s = caseOf(R0928, [
      { action: "delay", date: "2022-10-20", replyBy: "2022-12-30", reason: "数量巨大" },
    ]);
    expect(s.deadline.due).toBe("2022-12-30");
    expect(allowed(s)).not.toContain("delay");
    expect(allowed(s)).not.toContain("propose_extension");
  });
});

describe("request machine: processing fee (R-FEE-1/2/3)", () => {
  it("R-FEE-2 per volume: 150 pages cost 70×10 + 50×20 = 1700 yuan; the clock waits for payment", () => {
    const s = caseOf(R0928, [
      { action: "notify_fee", date: "2022-10-10", method: "per_volume", quantity: 150 },
    ]);
    expect(s.status).toBe("fee_notified");
    expect(s.fee).toEqual({
      method: "per_volume",
      quantity: 150,
      amountYuan: 1700,
      noticeOn: "2022-10-10",
      paidOn: null,
    });
    expect(s.deadline.due).toBeNull();
    const paid = decide(s, { action: "fee_paid", date: "2022-10-12" }, context()).state;
    expect([paid.status, paid.fee?.paidOn]).toEqual(["in_progress", "2022-10-12"]);
    expect(paid.deadline.due).toBe("2022-11-02");
  });

  it("R-FEE-1 per item counts the applicant's earlier items of the month; nothing due → refused; one method only", () => {
    const s = caseOf(R0928, [
      { action: "notify_fee", date: "2022-10-10", method: "per_item", quantity: 3, itemsBefore: 9 },
    ]);
    expect(s.fee?.amountYuan).toBe(200);
    refused(
      () => caseOf(R0928, [{ action: "notify_fee", date: "2022-10-10", method: "per_item", quantity: 10 }]),
      "FEE_NOT_DUE",
    );
    const paid = decide(s, { action: "fee_paid", date: "2022-10-11" }, context()).state;
    expect(allowed(paid)).not.toContain("notify_fee");
    refused(
      () =>
        decide(
          paid,
          { action: "notify_fee", date: "2022-10-12", method: "per_volume", quantity: 50 },
          context(),
        ),
      "ACTION_NOT_ALLOWED",
    );
  });

  it("R-FEE-3 / O-6.2 unpaid after 20 working days: closed, not earlier", () => {
    const s = caseOf(R0928, [
      { action: "notify_fee", date: "2022-10-10", method: "per_volume", quantity: 40 },
    ]);
    refused(() => decide(s, { action: "fee_expired", date: "2022-11-07" }, context()), "FEE_NOT_EXPIRED");
    const closed = decide(s, { action: "fee_expired", date: "2022-11-08" }, context()).state;
    expect([closed.status, closed.outcome]).toEqual(["closed", "O-6.2"]);
  });
});

describe("request machine: closing (O-1 … O-6.3)", () => {
  const close = (outcome: string, reason = "依据条例", extra: object = {}) =>
    ({ action: "close", date: "2022-10-20", outcome, reason, ...extra }) as const;

  it("O-2 closes with outcome and date; nothing is allowed on a closed case", () => {
    const s = caseOf(R0928, [close("O-2", "部分涉及商业秘密")]);
    expect([s.status, s.outcome, s.closedOn]).toEqual(["closed", "O-2", "2022-10-20"]);
    expect(allowed(s)).toEqual([]);
    refused(
      () => decide(s, { action: "withdraw", date: "2022-10-21", reason: "撤回" }, context()),
      "CASE_CLOSED",
    );
  });

  it("O-1 … O-6.3 an unknown outcome, a missing reason, O-6.1/O-6.2 by close, O-4.3 without supplement are refused", () => {
    refused(() => caseOf(R0928, [close("O-7")]), "OUTCOME_UNKNOWN");
    refused(() => caseOf(R0928, [close("O-3.4", " ")]), "OUTCOME_REASON_REQUIRED");
    refused(() => caseOf(R0928, [close("O-6.1")]), "OUTCOME_NOT_BY_CLOSE");
    refused(() => caseOf(R0928, [close("O-6.2")]), "OUTCOME_NOT_BY_CLOSE");
    refused(() => caseOf(R0928, [close("O-4.3")]), "OUTCOME_NEEDS_SUPPLEMENT");
    expect(caseOf(R0928, [close("O-1", "")]).outcome).toBe("O-1");
  });

  it("O-4.1 may name the responsible agency; other outcomes may not", () => {
    const s = caseOf(R0928, [close("O-4.1", "本机关不掌握", { responsibleAgency: "甲市自然资源局" })]);
    expect(s.events.at(-1)?.data).toEqual({
      outcome: "O-4.1",
      reason: "本机关不掌握",
      responsibleAgency: "甲市自然资源局",
    });
    refused(
      () => caseOf(R0928, [close("O-3.1", "涉密", { responsibleAgency: "某局" })]),
      "RESPONSIBLE_AGENCY_NOT_ALLOWED",
    );
  });

  it("R-30-4 / O-4.3 still unclear after the supplement", () => {
    const ask = {
      action: "request_supplement",
      date: "2022-09-30",
      supplementBy: "2022-10-14",
      items: "文号",
    } as const;
    const s = caseOf(R0928, [
      ask,
      { action: "receive_supplement", date: "2022-10-10" },
      close("O-4.3", "仍不明确"),
    ]);
    expect(s.outcome).toBe("O-4.3");
  });

  it("O-6.3 withdrawn by the applicant, also while a supplement is awaited; a reason is required", () => {
    const ask = {
      action: "request_supplement",
      date: "2022-09-30",
      supplementBy: "2022-10-14",
      items: "文号",
    } as const;
    const s = caseOf(R0928, [ask, { action: "withdraw", date: "2022-10-08", reason: "申请人书面撤回" }]);
    expect([s.status, s.outcome, s.closedOn]).toEqual(["closed", "O-6.3", "2022-10-08"]);
    refused(
      () => caseOf(R0928, [{ action: "withdraw", date: "2022-10-08", reason: "" }]),
      "WITHDRAW_REASON_REQUIRED",
    );
  });
});

describe("request machine: order, permissions, calendar changes", () => {
  it("ORDER a date before the last event, after today or malformed is refused", () => {
    const s = caseOf(R0928, [{ action: "consult", date: "2022-10-10", party: "agency", consultee: "乙局" }]);
    refused(
      () =>
        decide(s, { action: "consultation_answered", date: "2022-10-09", consultationId: "C1" }, context()),
      "DATE_OUT_OF_ORDER",
    );
    refused(
      () =>
        decide(s, { action: "consultation_answered", date: "2025-01-01", consultationId: "C1" }, context()),
      "DATE_IN_FUTURE",
    );
    refused(
      () =>
        decide(s, { action: "consultation_answered", date: "2022-13-01", consultationId: "C1" }, context()),
      "INVALID_DATE",
    );
  });

  it("allowedActions: read-only roles get none and are refused", () => {
    const s = caseOf(R0928);
    const none = { handle: false, approveExtension: false };
    expect(allowed(s, none)).toEqual([]);
    refused(() => decide(s, { action: "withdraw", date: R0928, reason: "x" }, context(none)), "FORBIDDEN");
  });

  it("assign records the case officer without moving the status", () => {
    const s = caseOf(R0928, [{ action: "assign", caseOfficerId: 12, caseOfficerName: "张三" }]);
    expect([s.caseOfficerId, s.status]).toEqual([12, "received"]);
  });

  it("R-WD-4 / R-WD-3 entering 2025 moves a provisional due date and logs it once", () => {
    const s = caseOf("2024-12-20");
    expect([s.deadline.due, s.deadline.provisional]).toEqual(["2025-01-17", true]);
    const withYear = CALENDAR.withYear({
      year: 2025,
      holidays: ["2025-01-01"],
      workdays: [],
      source: "test",
    });
    const ctx = { ...context(), calendar: withYear };
    const moved = recomputeDeadline(s, ctx);
    expect(moved?.events[0]?.data).toEqual({
      fromDue: "2025-01-17",
      toDue: "2025-01-20",
      fromProvisional: true,
      toProvisional: false,
      calendarVersion: withYear.version,
    });
    expect(moved?.state.deadline.due).toBe("2025-01-20");
    expect(recomputeDeadline(moved?.state ?? s, ctx)).toBeNull();
  });
});

/** The allowed actions for the permissions. */
function allowed(state: RequestState, may: Permissions = OFFICER): string[] {
  return allowedActions(state, may);
}
