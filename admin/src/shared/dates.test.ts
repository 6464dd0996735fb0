import { describe, expect, it } from "vitest";
import {
  addDays,
  currentYear,
  instantText,
  localDayText,
  localMinuteText,
  todayInShanghai,
  yearOptions,
  yearRange,
} from "./dates.ts";

describe("Beijing dates", () => {
  it("gives today in Asia/Shanghai, turning at 16:00 UTC", () => {
    expect(todayInShanghai(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01-01");
    expect(todayInShanghai(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
  });

  it("gives an instant in Beijing time, a dash without one, an unreadable one as given", () => {
    expect(instantText("2024-03-01T17:30:00.000Z")).toBe("2024-03-02 01:30");
    expect(instantText(null)).toBe("—");
    expect(instantText("昨天")).toBe("昨天");
  });

  it("takes the year of a day", () => {
    expect(currentYear("2026-01-01")).toBe(2026);
  });
});

describe("day arithmetic", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });
});

describe("year options", () => {
  it("lists the years newest first, labelled 年", () => {
    expect(yearRange(2022, 2024)).toEqual([
      { value: 2024, label: "2024 年" },
      { value: 2023, label: "2023 年" },
      { value: 2022, label: "2022 年" },
    ]);
  });

  it("offers 2019 to this year by default, or from the year asked", () => {
    const years = yearOptions(undefined, "2026-06-30");
    expect(years[0]).toEqual({ value: 2026, label: "2026 年" });
    expect(years.at(-1)).toEqual({ value: 2019, label: "2019 年" });
    expect(years).toHaveLength(8);
    expect(yearOptions(2008, "2026-06-30")).toHaveLength(19);
  });

  it("offers nothing when the first year is after this year", () => {
    expect(yearRange(2030, 2026)).toEqual([]);
  });
});

describe("local times", () => {
  it("formats an instant in the browser's zone", () => {
    const at = new Date(2024, 2, 1, 9, 5).toISOString();
    expect(localDayText(at)).toBe("2024-03-01");
    expect(localMinuteText(at)).toBe("2024-03-01 09:05");
  });
});
