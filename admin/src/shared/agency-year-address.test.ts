import { describe, expect, it } from "vitest";
import { agencyYearFromSearch, searchWithAgencyYear } from "./agency-year-address.ts";

const BOUNDS = { first: 2008, last: 2026, fallback: 2025 };

describe("agency and year in the address", () => {
  it("reads a valid agency and year", () => {
    expect(agencyYearFromSearch("?agencyId=3&year=2022", BOUNDS)).toEqual({ agencyId: 3, year: 2022 });
  });

  it("takes no agency and the fallback year for missing or hostile values", () => {
    expect(agencyYearFromSearch("", BOUNDS)).toEqual({ agencyId: undefined, year: 2025 });
    for (const bad of ["0", "-4", "1.5", "abc", "1e400"])
      expect(agencyYearFromSearch(`?agencyId=${bad}&year=${bad}`, BOUNDS)).toEqual({
        agencyId: undefined,
        year: 2025,
      });
  });

  it("refuses a year outside the bounds", () => {
    expect(agencyYearFromSearch("?year=2007", BOUNDS).year).toBe(2025);
    expect(agencyYearFromSearch("?year=2027", BOUNDS).year).toBe(2025);
    expect(agencyYearFromSearch("?year=2008", BOUNDS).year).toBe(2008);
    expect(agencyYearFromSearch("?year=2026", BOUNDS).year).toBe(2026);
  });

  it("writes the choice and keeps the other parameters", () => {
    expect(searchWithAgencyYear("?tab=fees&year=2020", { agencyId: 7, year: 2024 })).toBe(
      "?tab=fees&year=2024&agencyId=7",
    );
    expect(searchWithAgencyYear("", { agencyId: undefined, year: 2024 })).toBe("?year=2024");
  });
});
