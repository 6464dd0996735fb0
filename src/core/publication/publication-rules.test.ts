import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../calendar/work-calendar.ts";
import { cadenceOverdue, formatIndexNumber, parseIndexNumber, r26Status } from "./publication-rules.ts";

// 2022 as published by the State Council (国办发明电〔2021〕11号): the holidays and working weekend days in March–May.
const calendar = WorkCalendar.fromSchedules(
  [
    {
      year: 2022,
      holidays: ["2022-04-04", "2022-04-05", "2022-05-02", "2022-05-03", "2022-05-04"],
      workdays: ["2022-04-02", "2022-04-24", "2022-05-07"],
      source: "test",
    },
  ],
  "test",
);

describe("catalog rules", () => {
  it("索引号 is {credit code}/{YYYY}-{NNNNN} and parses back", () => {
    const code = "11410881MB1234567X";
    expect(formatIndexNumber(code, 2022, 52)).toBe(`${code}/2022-00052`);
    expect(parseIndexNumber(`${code}/2022-00052`)).toEqual({ creditCode: code, year: 2022, serial: 52 });
    expect(parseIndexNumber("abc/2022-1")).toBeUndefined();
    expect(() => formatIndexNumber(code, 2022, 0)).toThrow();
  });

  it("R-26-1 publication due 20 working days after formation, counting the calendar's holidays", () => {
    // Formed Friday 2022-03-25: the count skips 清明 (04-04, 04-05), counts the working Saturday 04-02 and
    // ends on the working Sunday 04-24.
    const s = r26Status(calendar, "2022-03-25", null, "2022-03-28");
    expect(s.dueOn).toBe("2022-04-24");
    expect(s).toMatchObject({ elapsedWorkdays: 1, flag: "ok" });
  });

  it("R-26-1 flagged near from 15 working days, overdue past 20, late when published after the limit", () => {
    const at = (today: string, publishedOn: string | null = null) =>
      r26Status(calendar, "2022-03-25", publishedOn, today);
    expect(at("2022-04-15")).toMatchObject({ flag: "ok", elapsedWorkdays: 14 });
    expect(at("2022-04-18")).toMatchObject({ flag: "near", elapsedWorkdays: 15 });
    expect(at("2022-04-24")).toMatchObject({ flag: "near", elapsedWorkdays: 20 });
    expect(at("2022-04-25")).toMatchObject({ flag: "overdue", elapsedWorkdays: 21 });
    expect(at("2022-06-01", "2022-04-24").flag).toBe("ok");
    expect(at("2022-06-01", "2022-04-25").flag).toBe("late");
  });

  it("periodic column 周警情播报 (weekly) is overdue after more than 7 days without an issue", () => {
    expect(cadenceOverdue("weekly", "2022-03-07", "2022-03-14")).toBe(false);
    expect(cadenceOverdue("weekly", "2022-03-07", "2022-03-15")).toBe(true);
    expect(cadenceOverdue("monthly", "2022-01-31", "2022-03-03")).toBe(false);
    expect(cadenceOverdue("monthly", "2022-01-31", "2022-03-04")).toBe(true);
  });
});
