import { describe, expect, it } from "vitest";
import type { RequestEvent } from "./deadline-events.ts";
import { compute, RECEIVED_0928, refusal } from "./deadline-test.test-support.ts";

const EXTEND = (date: string, notifiedOn = date, workdays = 20): RequestEvent => ({
  type: "extension",
  date,
  workdays,
  approvedBy: "李主任",
  notifiedOn,
  reason: "需调取多年档案",
});

describe("deadline engine: pauses, extension, delayed reply, fee", () => {
  it("R-33-5 / R-32-1 a pause across the year end: 2022-12-20 → 2023-01-05 adds 11 working days → due 2023-01-16", () => {
    const r = compute([
      { type: "received", date: "2022-12-01", channel: "in-person" },
      { type: "consultationSent", date: "2022-12-20", id: "函1", party: "third-party" },
      { type: "consultationAnswered", date: "2023-01-05", id: "函1" },
    ]);
    expect(r.due).toBe("2023-01-16");
    expect(r.provisional).toBe(false);
    expect(r.steps[2]?.text).toContain("2022-12-20 次日至 2023-01-05 共 11 个工作日不计入答复期限");
    expect(r.steps.at(-2)?.text).toContain("20 个工作日（条例第三十三条第一款） + 中止 11 个工作日");
  });

  it("R-33-5 / R-34-1 overlapping pauses count once: 5 + 4 days overlapping → 7 → due 2022-11-09", () => {
    const r = compute([
      RECEIVED_0928,
      { type: "consultationSent", date: "2022-09-30", id: "A", party: "third-party" },
      { type: "consultationSent", date: "2022-10-10", id: "B", party: "agency" },
      { type: "consultationAnswered", date: "2022-10-12", id: "A" },
      { type: "consultationAnswered", date: "2022-10-14", id: "B" },
    ]);
    expect(r.due).toBe("2022-11-09");
    expect(r.steps.map((s) => s.rule)).toEqual([
      "R-31-1",
      "R-32-1",
      "R-34-1",
      "R-33-5",
      "R-33-5",
      "R-33-1",
      "R-WD-4",
    ]);
    expect(r.steps.at(-2)?.text).toContain("中止 7 个工作日");
  });

  it("R-33-5 a late answer ends the pause at the 15th working day (2022-11-22) → due 2022-12-08", () => {
    const base: RequestEvent[] = [
      { type: "received", date: "2022-10-20", channel: "in-person" },
      { type: "consultationSent", date: "2022-11-01", id: "C", party: "third-party" },
    ];
    const answered = compute([...base, { type: "consultationAnswered", date: "2022-12-30", id: "C" }]);
    expect(answered.due).toBe("2022-12-08");
    expect(answered.steps[2]?.text).toContain("答复晚于答复期届满日 2022-11-22");
    const open = compute(base);
    expect(open.due).toBe("2022-12-08");
    expect(open.steps.find((s) => s.date === "2022-11-22")?.text).toContain("尚未收到答复");
  });

  it("R-33-4 a consultation after the due date, a duplicate letter and an unknown answer are refused", () => {
    refusal(
      [RECEIVED_0928, { type: "consultationSent", date: "2022-11-01", id: "A", party: "agency" }],
      "PAUSE_AFTER_DUE",
      "R-34-1",
    );
    const sent: RequestEvent = { type: "consultationSent", date: "2022-10-10", id: "A", party: "agency" };
    refusal([RECEIVED_0928, sent, sent], "CONSULTATION_DUPLICATE", "R-34-1");
    refusal(
      [RECEIVED_0928, { type: "consultationAnswered", date: "2022-10-10", id: "X" }],
      "CONSULTATION_UNKNOWN",
      "R-33-5",
    );
  });

  it("R-33-2 an extension of 20 working days approved on the due date 2022-10-31 → due 2022-11-28", () => {
    const r = compute([RECEIVED_0928, EXTEND("2022-10-31")]);
    expect(r.due).toBe("2022-11-28");
    expect(r.steps[1]?.rule).toBe("R-33-2");
    expect(r.steps[1]?.text).toContain("李主任 批准延长答复期限 20 个工作日");
    expect(r.steps[1]?.text).toContain("需调取多年档案");
  });

  it("R-33-3 an extension approved or notified after the unextended due date is refused", () => {
    expect(refusal([RECEIVED_0928, EXTEND("2022-11-01")], "EXTENSION_LATE", "R-33-3")).toContain(
      "2022-10-31",
    );
    refusal([RECEIVED_0928, EXTEND("2022-10-31", "2022-11-01")], "EXTENSION_LATE", "R-33-3");
  });

  it("R-33-2 a second extension, one over 20 working days, or one without approver is refused", () => {
    refusal(
      [RECEIVED_0928, EXTEND("2022-10-20", "2022-10-20", 5), EXTEND("2022-10-21")],
      "EXTENSION_TWICE",
      "R-33-2",
    );
    refusal([RECEIVED_0928, EXTEND("2022-10-20", "2022-10-20", 21)], "EXTENSION_TOO_LONG", "R-33-2");
    refusal(
      [
        RECEIVED_0928,
        {
          type: "extension",
          date: "2022-10-20",
          workdays: 20,
          approvedBy: " ",
          notifiedOn: "2022-10-20",
          reason: "档案多",
        },
      ],
      "EXTENSION_INCOMPLETE",
      "R-33-2",
    );
  });

  it("R-35-1 a delayed reply date becomes the due date; it must be later and set in time", () => {
    const r = compute([RECEIVED_0928, { type: "delayedReply", date: "2022-10-20", replyBy: "2022-12-30" }]);
    expect(r.due).toBe("2022-12-30");
    expect(r.steps.at(-2)?.rule).toBe("R-35-1");
    refusal(
      [RECEIVED_0928, { type: "delayedReply", date: "2022-10-20", replyBy: "2022-10-28" }],
      "DELAYED_REPLY_NOT_LATER",
      "R-35-1",
    );
    refusal(
      [RECEIVED_0928, { type: "delayedReply", date: "2022-11-01", replyBy: "2022-12-30" }],
      "DELAYED_REPLY_LATE",
      "R-35-1",
    );
    refusal(
      [
        RECEIVED_0928,
        { type: "delayedReply", date: "2022-10-20", replyBy: "2022-12-30" },
        EXTEND("2022-10-21"),
      ],
      "DELAYED_REPLY_SET",
      "R-35-1",
    );
  });

  it("R-FEE-3 notice 2022-10-10 to payment 2022-10-14 is not counted → due 2022-11-04; unpaid → 三(六)2", () => {
    const notice: RequestEvent = { type: "feeNoticeSent", date: "2022-10-10" };
    const waiting = compute([RECEIVED_0928, notice]);
    expect([waiting.due, waiting.status]).toEqual([null, "awaitingFee"]);
    expect(waiting.steps[1]?.text).toContain("应于 2022-11-07 前缴费");
    expect(compute([RECEIVED_0928, notice, { type: "feePaid", date: "2022-10-14" }]).due).toBe("2022-11-04");
    const closed = compute([RECEIVED_0928, notice, { type: "feeExpired", date: "2022-11-08" }]);
    expect([closed.due, closed.status, closed.reportRow]).toEqual([null, "closed", "三(六)2"]);
    refusal(
      [RECEIVED_0928, notice, { type: "feeExpired", date: "2022-11-07" }],
      "FEE_NOT_EXPIRED",
      "R-FEE-3",
    );
    refusal([RECEIVED_0928, notice, { type: "feePaid", date: "2022-11-08" }], "FEE_PAID_LATE", "R-FEE-3");
    refusal([RECEIVED_0928, notice, notice], "FEE_NOTICE_TWICE", "R-FEE-3");
  });

  it("R-FEE-3 [M] the fee rule is a setting: switched off, a fee notice is refused", () => {
    expect(() =>
      compute([RECEIVED_0928, { type: "feeNoticeSent", date: "2022-10-10" }], { applyFeeRule: false }),
    ).toThrow("待核实");
  });

  it("R-33-5 / R-FEE-3 a fee pause overlapping a consultation counts once", () => {
    const r = compute([
      RECEIVED_0928,
      { type: "consultationSent", date: "2022-10-10", id: "A", party: "third-party" },
      { type: "feeNoticeSent", date: "2022-10-12" },
      { type: "consultationAnswered", date: "2022-10-14", id: "A" },
      { type: "feePaid", date: "2022-10-17" },
    ]);
    // (10-10, 10-17] = 10-11..14, 10-17: 5 working days → 25th working day after 2022-09-28
    expect(r.due).toBe("2022-11-07");
  });
});
