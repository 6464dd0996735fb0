import { describe, expect, it } from "vitest";
import { addMonths } from "../calendar/calendar-date.ts";
import { noticeCalendar } from "../calendar/official-notices.test-support.ts";
import { countDecisions } from "./decision-kinds.ts";
import { isOnShow, s1Verdict, s2TakenDownUpTo, s2Window } from "./decision-publication.ts";

const calendar = noticeCalendar();

describe("S-1 双公示: licensing and penalty decisions published within 7 working days", () => {
  // 2022-09-28 (Wed) + 7 working days over the National Day holiday (10-01..07 off, 10-08/09 worked) = 10-12.
  const decision = { kind: "penalty" as const, decidedOn: "2022-09-28", publishedOn: null };

  it("S-1 due date counts working days after the decision day (R-WD-2), across 调休", () => {
    expect(s1Verdict(decision, "2022-09-28", calendar)).toEqual({
      status: "pending",
      dueOn: "2022-10-12",
      provisional: false,
    });
  });

  it("S-1 warns when at most 2 working days are left and flags overdue after the due day", () => {
    expect(s1Verdict(decision, "2022-10-10", calendar).status).toBe("dueSoon");
    expect(s1Verdict(decision, "2022-10-12", calendar).status).toBe("dueSoon");
    expect(s1Verdict(decision, "2022-10-13", calendar).status).toBe("overdue");
  });

  it("S-1 published on the due day is on time, the day after is late", () => {
    expect(s1Verdict({ ...decision, publishedOn: "2022-10-12" }, "2023-01-01", calendar).status).toBe(
      "onTime",
    );
    expect(s1Verdict({ ...decision, publishedOn: "2022-10-13" }, "2023-01-01", calendar).status).toBe("late");
  });

  it("S-1 does not apply to enforcement and other decisions", () => {
    expect(s1Verdict({ ...decision, kind: "enforcement" }, "2023-01-01", calendar).status).toBe(
      "notApplicable",
    );
  });

  it("S-1 marks the due date provisional when it reaches a year without schedule (R-WD-3)", () => {
    expect(s1Verdict({ ...decision, decidedOn: "2024-12-27" }, "2024-12-27", calendar).provisional).toBe(
      true,
    );
  });
});

describe("S-2 [M] penalty display periods", () => {
  it("S-2 ordinary penalties 3 months to 1 year, serious ones 6 months to 3 years from publication", () => {
    expect(s2Window({ kind: "penalty", publishedOn: "2022-01-31", serious: false })).toEqual({
      minUntil: "2022-04-30",
      maxUntil: "2023-01-31",
    });
    expect(s2Window({ kind: "penalty", publishedOn: "2022-01-31", serious: true })).toEqual({
      minUntil: "2022-07-31",
      maxUntil: "2025-01-31",
    });
    expect(s2Window({ kind: "licensing", publishedOn: "2022-01-31", serious: false })).toBeNull();
  });

  it("S-2 takes a penalty down on the end of its period only when the setting is on", () => {
    const penalty = { kind: "penalty" as const, publishedOn: "2022-01-31", serious: false };
    expect(isOnShow(penalty, "2023-01-30", true)).toBe(true);
    expect(isOnShow(penalty, "2023-01-31", true)).toBe(false);
    expect(isOnShow(penalty, "2023-01-31", false)).toBe(true);
    expect(isOnShow({ ...penalty, publishedOn: null }, "2023-01-31", false)).toBe(false);
    expect(isOnShow(penalty, "2022-01-30", false)).toBe(false);
    expect(isOnShow({ ...penalty, kind: "licensing" }, "2030-01-01", true)).toBe(true);
  });

  it("adds calendar months clamped to the month's end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2022-11-15", 3)).toBe("2023-02-15");
  });
});

describe("table 二 (五)(六) 本年处理决定数量", () => {
  it("counts decisions by kind in the year of their 决定日期", () => {
    const counts = countDecisions(
      [
        { id: 1, kind: "licensing", decidedOn: "2022-01-01" },
        { id: 2, kind: "penalty", decidedOn: "2022-12-31" },
        { id: 3, kind: "penalty", decidedOn: "2023-01-01" },
        { id: 4, kind: "enforcement", decidedOn: "2022-06-01" },
        { id: 5, kind: "other", decidedOn: "2022-06-01" },
      ],
      2022,
    );
    expect(counts).toEqual({ licensing: [1], penalty: [2], enforcement: [4], other: [5] });
  });
});

describe("S-2 [M] take-down bound", () => {
  it("S-2 the bound agrees with isOnShow for every publication day around month ends", () => {
    for (const today of ["2025-02-28", "2024-02-29", "2023-03-31", "2023-01-31", "2022-12-01"]) {
      for (const serious of [false, true]) {
        const bound = s2TakenDownUpTo(today, serious ? 36 : 12);
        for (let n = -1200; n <= 0; n++) {
          const day = new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
          const shown = isOnShow({ kind: "penalty", publishedOn: day, serious }, today, true);
          expect(shown, `${today} ${day} ${serious}`).toBe(day > bound);
        }
      }
    }
  });
});
