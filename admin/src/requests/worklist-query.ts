/**
 * The worklist's filters: read from and written to the page address (so a filtered list can be bookmarked,
 * and table 三 can link to the cases behind a cell), and turned into the query of GET /api/requests.
 */
import { APPLICATION_ROWS, COLUMN_LABELS } from "../../../src/core/report/report-model.ts";
import type { RequestStatus } from "../api/request-types.ts";
import { STATUS_LABELS } from "./request-labels.ts";

/** The risk filter: overdue, or due within 3 working days. */
export type RiskFilter = "overdue" | "due_soon";

/** What the worklist is filtered by. */
export interface WorklistFilters {
  readonly agencyId?: number;
  readonly status?: RequestStatus;
  readonly risk?: RiskFilter;
  readonly year?: number;
  readonly q?: string;
  /** 我的案件: only the cases of the signed-in case officer. */
  readonly mine?: boolean;
  /** Drill-down from table 三: "YYYY:rowKey:column". */
  readonly table?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** The page size of the worklist unless the user picks another. */
export const DEFAULT_PAGE_SIZE = 20;

/** A table 三 cell a drill-down lists the cases of. */
export interface DrillDown {
  readonly year: number;
  readonly rowKey: string;
  readonly column: number;
}

const positiveInt = (text: string | null): number | undefined => {
  if (text === null || !/^[1-9]\d{0,8}$/.test(text)) return undefined;
  return Number(text);
};

/** Parses "YYYY:rowKey:column"; null unless the year, the row key and the column (0–6) are real. */
export function parseDrillDown(text: string): DrillDown | null {
  const match = /^(\d{4}):([A-Za-z.]+):([0-6])$/.exec(text);
  if (!match) return null;
  const rowKey = match[2] as string;
  if (!APPLICATION_ROWS.some((r) => r.key === rowKey)) return null;
  return { year: Number(match[1]), rowKey, column: Number(match[3]) };
}

/** The drill-down parameter of a table 三 cell. */
export function drillDownParam(cell: DrillDown): string {
  return `${cell.year}:${cell.rowKey}:${cell.column}`;
}

/** What a drill-down lists, in words: "2024 年表三「（一）予以公开」行「自然人」列". */
export function drillDownLabel(cell: DrillDown): string {
  const row = APPLICATION_ROWS.find((r) => r.key === cell.rowKey);
  const group = row && row.group !== "" && row.group !== "三、本年度办理结果" ? row.group : "";
  const column = COLUMN_LABELS[cell.column] ?? String(cell.column);
  return `${cell.year} 年表三「${group}${row?.label ?? cell.rowKey}」行「${column}」列`;
}

/** The filters in a page address's query string ("?status=closed&page=2"); unknown values are ignored. */
export function filtersFromSearch(search: string): WorklistFilters {
  const params = new URLSearchParams(search);
  const status = params.get("status");
  const risk = params.get("risk");
  const q = params.get("q")?.trim();
  const table = params.get("table");
  const year = positiveInt(params.get("year"));
  return {
    ...(positiveInt(params.get("agencyId")) !== undefined
      ? { agencyId: positiveInt(params.get("agencyId")) }
      : {}),
    ...(status !== null && Object.hasOwn(STATUS_LABELS, status) ? { status: status as RequestStatus } : {}),
    ...(risk === "overdue" || risk === "due_soon" ? { risk } : {}),
    ...(year !== undefined && year >= 1900 && year <= 2200 ? { year } : {}),
    ...(q ? { q } : {}),
    ...(params.get("officer") === "me" ? { mine: true } : {}),
    ...(table !== null && parseDrillDown(table) ? { table } : {}),
    page: positiveInt(params.get("page")) ?? 1,
    pageSize: positiveInt(params.get("pageSize")) ?? DEFAULT_PAGE_SIZE,
  };
}

/** The query parameters of the filters (also those of GET /api/requests); defaults are left out. */
export function queryOfFilters(filters: WorklistFilters): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  if (filters.agencyId !== undefined) query.agencyId = filters.agencyId;
  if (filters.status) query.status = filters.status;
  if (filters.risk) query.risk = filters.risk;
  if (filters.year !== undefined) query.year = filters.year;
  const q = filters.q?.trim();
  if (q) query.q = q;
  if (filters.mine) query.officer = "me";
  if (filters.table) query.table = filters.table;
  if (filters.page > 1) query.page = filters.page;
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) query.pageSize = filters.pageSize;
  return query;
}

/** The query string ("?status=closed", or "" without filters) for the page address. */
export function searchOfFilters(filters: WorklistFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(queryOfFilters(filters))) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The query of GET /api/requests: the filters with page and page size always given. */
export function apiQueryOf(filters: WorklistFilters): Record<string, string | number> {
  return { ...queryOfFilters(filters), page: filters.page, pageSize: filters.pageSize };
}

const REMEMBERED = "gongkai.worklist";

/** Remember the worklist's query string for this tab, so a case's 返回 comes back to the same list. */
export function rememberWorklist(search: string): void {
  try {
    window.sessionStorage.setItem(REMEMBERED, search);
  } catch {
    // Storage refused (private mode): 返回 opens the unfiltered list.
  }
}

/** The path of the worklist as last shown in this tab ("/requests?status=closed"). */
export function rememberedWorklistPath(): string {
  let search: string | null = null;
  try {
    search = window.sessionStorage.getItem(REMEMBERED);
  } catch {
    search = null;
  }
  return `/requests${search?.startsWith("?") ? search : ""}`;
}
