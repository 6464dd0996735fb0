/**
 * An agency's column tree (GET /api/columns), loaded when the agency changes, with a way to reload it.
 */
import { App } from "antd";
import { useCallback, useEffect, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { CatalogColumn } from "../api/publication-types.ts";

/** The columns of `agencyId` (empty while none is chosen). */
export function useColumns(agencyId: number | undefined): {
  readonly columns: readonly CatalogColumn[];
  readonly loading: boolean;
  reload(): Promise<void>;
} {
  const { message } = App.useApp();
  const [columns, setColumns] = useState<readonly CatalogColumn[]>([]);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    if (agencyId === undefined) {
      setColumns([]);
      return;
    }
    setLoading(true);
    try {
      const answer = await apiRequest<{ columns: CatalogColumn[] }>("/api/columns", { query: { agencyId } });
      setColumns(answer.columns);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, [agencyId, message]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { columns, loading, reload };
}
