/**
 * The agencies the user may see (GET /api/agencies), loaded once per page, and their tree for antd's
 * Tree and TreeSelect.
 */
import { App } from "antd";
import { useCallback, useEffect, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Agency } from "../api/api-types.ts";

/** A node of antd's Tree / TreeSelect. */
export interface AgencyTreeNode {
  readonly key: number;
  readonly value: number;
  readonly title: string;
  readonly disabled?: boolean;
  readonly children: AgencyTreeNode[];
}

/** The agencies list and a way to reload it. */
export interface AgencyList {
  readonly agencies: readonly Agency[];
  readonly loading: boolean;
  reload(): Promise<void>;
}

/** Load the visible agencies (parents before children, as the server sends them). */
export function useAgencyList(): AgencyList {
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<readonly Agency[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await apiRequest<{ agencies: Agency[] }>("/api/agencies");
      setAgencies(answer.agencies);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, [message]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { agencies, loading, reload };
}

/**
 * The agencies as a forest: an agency whose parent is not visible is a root. With `enabled`, agencies
 * outside the set are shown but cannot be chosen (they give the path to those that can).
 */
export function agencyTree(agencies: readonly Agency[], enabled?: ReadonlySet<number>): AgencyTreeNode[] {
  const nodes = new Map<number, AgencyTreeNode>();
  for (const agency of agencies) {
    nodes.set(agency.id, {
      key: agency.id,
      value: agency.id,
      title: agency.name,
      ...(enabled && !enabled.has(agency.id) ? { disabled: true } : {}),
      children: [],
    });
  }
  const roots: AgencyTreeNode[] = [];
  for (const agency of agencies) {
    const node = nodes.get(agency.id);
    if (!node) continue;
    const parent = agency.parentId === null ? undefined : nodes.get(agency.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The agency's name by id (for tables). */
export function agencyNames(agencies: readonly Agency[]): Map<number, string> {
  return new Map(agencies.map((a) => [a.id, a.name]));
}
