import { describe, expect, it } from "vitest";
import { compute, RECEIVED_0928, refusal } from "./deadline-test.test-support.ts";

describe("deadline engine: receipt and the reply clock", () => {
  it("R-33-1 / R-31-1 received 2022-09-28 in person → due 2022-10-31 (National Day off, 10-08/09 worked)", () => {
    const r = compute([RECEIVED_0928]);
    expect(r.due).toBe("2022-10-31");
    expect(r.provisional).toBe(false);
    expect(r.status).toBe("open");
    expect(r.steps.map((s) => [s.rule, s.date])).toEqual([
      ["R-31-1", "2022-09-28"],
      ["R-33-1", "2022-10-31"],
      ["R-WD-4", "2022-10-31"],
    ]);
    expect(r.steps[1]?.text).toContain("2022-10-03至2022-10-07 为法定节假日，不计");
    expect(r.steps[1]?.text).toContain("2022-10-08至2022-10-09 为调休上班日，计入");
    expect(r.steps[2]?.text).toBe(`所用工作日历版本：${r.calendarVersion}。`);
  });

  it("R-31-2 / R-31-3 / R-31-4 the channel's rule is recorded with the receipt date", () => {
    const rule = (channel: "registered-post" | "ordinary-letter" | "online" | "fax") =>
      compute([{ type: "received", date: "2022-09-28", channel }]).steps[0];
    expect(rule("registered-post")?.rule).toBe("R-31-2");
    expect(rule("registered-post")?.text).toContain("签收之日");
    expect(rule("ordinary-letter")?.rule).toBe("R-31-3");
    expect(rule("ordinary-letter")?.text).toContain("确认之日");
    expect(rule("online")?.rule).toBe("R-31-4");
    expect(rule("fax")?.rule).toBe("R-31-4");
  });

  it("R-WD-2 / R-31-4 received on a holiday (2022-10-03): counting starts the next day → due 2022-11-02", () => {
    const r = compute([{ type: "received", date: "2022-10-03", channel: "online" }]);
    expect(r.due).toBe("2022-11-02");
    expect(r.steps[0]?.text).toContain("该日为非工作日");
  });

  it("R-33-1 Spring Festival 2023: received 2023-01-20 → due 2023-02-22", () => {
    expect(compute([{ type: "received", date: "2023-01-20", channel: "in-person" }]).due).toBe("2023-02-22");
  });

  it("R-33-1 National Day 2023: received 2023-09-27 → due 2023-10-31", () => {
    expect(compute([{ type: "received", date: "2023-09-27", channel: "in-person" }]).due).toBe("2023-10-31");
  });

  it("R-WD-3 received 2024-12-20, period reaches unknown 2025 → provisional due 2025-01-17", () => {
    const r = compute([{ type: "received", date: "2024-12-20", channel: "in-person" }]);
    expect(r.due).toBe("2025-01-17");
    expect(r.provisional).toBe(true);
    const step = r.steps.find((s) => s.rule === "R-WD-3");
    expect(step?.text).toContain("临时期限：期间涉及 2025 年");
  });

  it("R-33-0 answered on the spot: received and replied the same day", () => {
    const r = compute([RECEIVED_0928, { type: "answeredOnTheSpot", date: "2022-09-28" }]);
    expect([r.due, r.status]).toEqual(["2022-09-28", "answered"]);
    expect(r.steps[1]?.rule).toBe("R-33-0");
    refusal(
      [RECEIVED_0928, { type: "answeredOnTheSpot", date: "2022-09-29" }],
      "SPOT_ANSWER_NOT_SAME_DAY",
      "R-33-0",
    );
  });

  it("R-30-1 supplement notice within 7 working days (2022-10-11 is day 6; 2022-10-13 is late)", () => {
    const r = compute([
      RECEIVED_0928,
      { type: "supplementRequested", date: "2022-10-11", supplementBy: "2022-10-25" },
    ]);
    expect([r.due, r.status]).toEqual([null, "awaitingSupplement"]);
    expect(r.steps[1]?.text).toContain("收到申请后第 6 个工作日，不晚于 2022-10-12");
    const late = refusal(
      [RECEIVED_0928, { type: "supplementRequested", date: "2022-10-13" }],
      "SUPPLEMENT_LATE",
      "R-30-1",
    );
    expect(late).toContain("不晚于 2022-10-12");
  });

  it("R-30-1 a second supplement notice is refused (一次性告知)", () => {
    const msg = refusal(
      [
        RECEIVED_0928,
        { type: "supplementRequested", date: "2022-09-29" },
        { type: "supplementReceived", date: "2022-09-30" },
        { type: "supplementRequested", date: "2022-10-10" },
      ],
      "SUPPLEMENT_TWICE",
      "R-30-1",
    );
    expect(msg).toContain("一次性告知");
  });

  it("R-30-2 the clock restarts from the supplement: received 2022-10-20 → due 2022-11-17", () => {
    const r = compute([
      RECEIVED_0928,
      { type: "supplementRequested", date: "2022-10-10", supplementBy: "2022-10-25" },
      { type: "supplementReceived", date: "2022-10-20" },
    ]);
    expect([r.due, r.status]).toEqual(["2022-11-17", "open"]);
    expect(r.steps.at(-2)?.rule).toBe("R-30-2");
    expect(r.steps.at(-2)?.text).toContain("自收到补正申请之日（2022-10-20）的次日起重新计算");
  });

  it("R-30-3 no supplement by the period: closed as 三(六)1; not before the period ends", () => {
    const asked = [
      RECEIVED_0928,
      { type: "supplementRequested", date: "2022-10-10", supplementBy: "2022-10-25" },
    ] as const;
    const r = compute([...asked, { type: "supplementExpired", date: "2022-10-26" }]);
    expect([r.due, r.status, r.reportRow]).toEqual([null, "closed", "三(六)1"]);
    refusal(
      [...asked, { type: "supplementExpired", date: "2022-10-25" }],
      "SUPPLEMENT_NOT_EXPIRED",
      "R-30-3",
    );
    refusal(
      [...asked, { type: "supplementReceived", date: "2022-10-27" }],
      "SUPPLEMENT_RECEIVED_LATE",
      "R-30-3",
    );
    const excused = compute([
      ...asked,
      { type: "supplementReceived", date: "2022-10-27", lateReason: "邮路延误" },
    ]);
    expect(excused.due).toBe("2022-11-24");
  });

  it("R-30-2 a supplement without a notice, and a consultation while awaiting one, are refused", () => {
    refusal(
      [RECEIVED_0928, { type: "supplementReceived", date: "2022-10-10" }],
      "SUPPLEMENT_NOT_REQUESTED",
      "R-30-2",
    );
    refusal(
      [
        RECEIVED_0928,
        { type: "supplementRequested", date: "2022-09-29" },
        { type: "consultationSent", date: "2022-09-30", id: "A", party: "third-party" },
      ],
      "SUPPLEMENT_PENDING",
      "R-32-1",
    );
  });

  it("R-33-1 the reply is recorded as on time or late (replied 2022-11-02: 2 working days late)", () => {
    const r = compute([RECEIVED_0928, { type: "replied", date: "2022-11-02" }]);
    expect([r.due, r.status]).toEqual(["2022-10-31", "answered"]);
    expect(r.steps[1]?.text).toContain("超过答复期限 2022-10-31，逾期 2 个工作日");
    refusal(
      [RECEIVED_0928, { type: "replied", date: "2022-10-20" }, { type: "replied", date: "2022-10-21" }],
      "CASE_CLOSED",
      "ORDER",
    );
  });

  it("R-31-1 events out of order, before receipt, or with bad dates are refused", () => {
    refusal([{ type: "replied", date: "2022-10-20" }], "NOT_RECEIVED", "R-31-1");
    refusal([RECEIVED_0928, RECEIVED_0928], "ALREADY_RECEIVED", "R-31-1");
    refusal([RECEIVED_0928, { type: "replied", date: "2022-09-27" }], "EVENT_OUT_OF_ORDER", "ORDER");
    refusal([{ type: "received", date: "2022-02-30", channel: "in-person" }], "INVALID_DATE", "ORDER");
  });
});
