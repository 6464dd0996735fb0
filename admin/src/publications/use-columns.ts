/**
 * An agency's column tree (GET /api/columns), loaded when the agency changes, with a way to reload it.
 */
import { useCallback } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { CatalogColumn } from "../api/publication-types.ts";
import { useApiQuery } from "../shared/use-api-query.ts";

/** No columns (no agency chosen). */
const NONE: readonly CatalogColumn[] = [];

/** The columns of `agencyId` (empty while none is chosen). */
export function useColumns(agencyId: number | undefined): {
  readonly columns: readonly CatalogColumn[];
  readonly loading: boolean;
  reload(): Promise<void>;
} {
  const read = useCallback(async (): Promise<readonly CatalogColumn[]> => {
    if (agencyId === undefined) return NONE;
    const answer = await apiRequest<{ columns: CatalogColumn[] }>("/api/columns", { query: { agencyId } });
    return answer.columns;
  }, [agencyId]);
  const { data, loading, reload } = useApiQuery(read);
  return { columns: data ?? NONE, loading, reload };
}
