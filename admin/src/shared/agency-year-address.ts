/**
 * The agency and year a page is about, read from and written to its address (?agencyId=&year=), so a
 * report's drill-down and the browser's back button land on the same choice.
 */

/** The chosen agency (none until the list is loaded) and year. */
export interface AgencyYear {
  readonly agencyId: number | undefined;
  readonly year: number;
}

/** The years a page accepts and the one it takes when the address has none. */
export interface YearBounds {
  readonly first: number;
  readonly last: number;
  readonly fallback: number;
}

/** The choice in `search`: a positive whole agency id, else none; a year within bounds, else the fallback. */
export function agencyYearFromSearch(search: string, bounds: YearBounds): AgencyYear {
  const params = new URLSearchParams(search);
  const agencyId = Number(params.get("agencyId"));
  const year = Number(params.get("year"));
  return {
    agencyId: Number.isInteger(agencyId) && agencyId > 0 ? agencyId : undefined,
    year: Number.isInteger(year) && year >= bounds.first && year <= bounds.last ? year : bounds.fallback,
  };
}

/** `search` with the choice put in (other parameters kept), as "?…". */
export function searchWithAgencyYear(search: string, choice: AgencyYear): string {
  const params = new URLSearchParams(search);
  if (choice.agencyId !== undefined) params.set("agencyId", String(choice.agencyId));
  params.set("year", String(choice.year));
  return `?${params.toString()}`;
}
