/**
 * The catalog worklist's filters: read from and written to the page address, and turned into the query of
 * GET /api/publications.
 */
import type { PublicationStatus } from "../api/publication-types.ts";
import { CATEGORY_OPTIONS, STATUS_LABELS } from "./publication-labels.ts";

/** What the catalog worklist is filtered by. */
export interface CatalogFilters {
  readonly agencyId?: number;
  readonly columnId?: number;
  readonly status?: PublicationStatus;
  readonly year?: number;
  readonly categoryItem?: string;
  readonly q?: string;
  /** 我的待办: only items waiting for a step the user takes. */
  readonly mine?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** The page size unless the user picks another. */
export const CATALOG_PAGE_SIZE = 20;

const positiveInt = (text: string | null): number | undefined =>
  text !== null && /^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined;

/** The filters of a query string; unknown values are ignored. */
export function catalogFiltersFromSearch(search: string): CatalogFilters {
  const params = new URLSearchParams(search);
  const status = params.get("status");
  const category = params.get("categoryItem");
  const year = positiveInt(params.get("year"));
  const q = params.get("q")?.trim();
  const agencyId = positiveInt(params.get("agencyId"));
  const columnId = positiveInt(params.get("columnId"));
  return {
    ...(agencyId !== undefined ? { agencyId } : {}),
    ...(columnId !== undefined ? { columnId } : {}),
    ...(status !== null && Object.hasOwn(STATUS_LABELS, status)
      ? { status: status as PublicationStatus }
      : {}),
    ...(year !== undefined && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(category !== null && CATEGORY_OPTIONS.some((c) => c.value === category)
      ? { categoryItem: category }
      : {}),
    ...(q ? { q: q.slice(0, 100) } : {}),
    ...(params.get("mine") === "1" ? { mine: true } : {}),
    page: positiveInt(params.get("page")) ?? 1,
    pageSize: Math.min(positiveInt(params.get("pageSize")) ?? CATALOG_PAGE_SIZE, 200),
  };
}

/** The query string of the filters ("" when none); defaults are left out. */
export function searchOfCatalogFilters(filters: CatalogFilters): string {
  const params = new URLSearchParams();
  if (filters.agencyId !== undefined) params.set("agencyId", String(filters.agencyId));
  if (filters.columnId !== undefined) params.set("columnId", String(filters.columnId));
  if (filters.status) params.set("status", filters.status);
  if (filters.year !== undefined) params.set("year", String(filters.year));
  if (filters.categoryItem) params.set("categoryItem", filters.categoryItem);
  if (filters.q?.trim()) params.set("q", filters.q.trim());
  if (filters.mine) params.set("mine", "1");
  if (filters.page > 1) params.set("page", String(filters.page));
  if (filters.pageSize !== CATALOG_PAGE_SIZE) params.set("pageSize", String(filters.pageSize));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The queries of GET /api/publications for the filters. 我的待办 asks once per waiting status the user takes
 * (intersected with a chosen status); none when the user takes no step or the chosen status is not theirs.
 */
export function catalogApiQueries(
  filters: CatalogFilters,
  myStatuses: readonly PublicationStatus[],
): Record<string, string | number>[] {
  const base: Record<string, string | number> = { page: filters.page, pageSize: filters.pageSize };
  if (filters.agencyId !== undefined) base.agencyId = filters.agencyId;
  if (filters.columnId !== undefined) base.columnId = filters.columnId;
  if (filters.year !== undefined) base.year = filters.year;
  if (filters.categoryItem) base.categoryItem = filters.categoryItem;
  if (filters.q?.trim()) base.q = filters.q.trim();
  if (!filters.mine) return [filters.status ? { ...base, status: filters.status } : base];
  const statuses = filters.status ? myStatuses.filter((s) => s === filters.status) : myStatuses;
  return statuses.map((status) => ({ ...base, status }));
}
