/**
 * The agency and year a statistics page is about: the agencies where the user may view requests (as a tree)
 * and the years from 2019 (the revised 条例) to this year. The first visible agency is chosen by default.
 */
import { Select, Space, TreeSelect } from "antd";
import { type ReactNode, useEffect, useMemo } from "react";
import { agencyIdsWhere } from "../access/user-access.ts";
import { agencyTree, useAgencyList } from "../agencies/agency-list.ts";
import type { Agency } from "../api/api-types.ts";
import { useUser } from "../session/session-context.tsx";
import { todayInShanghai } from "./request-format.ts";

/** The first year the pages offer. */
const FIRST_YEAR = 2019;

/** The years offered, newest first. */
export function yearOptions(today: string = todayInShanghai()): { value: number; label: string }[] {
  const current = Number(today.slice(0, 4));
  const years: { value: number; label: string }[] = [];
  for (let year = current; year >= FIRST_YEAR; year--) years.push({ value: year, label: `${year} 年` });
  return years;
}

/** The agencies where the signed-in user may view requests, and the tree to pick one. */
export function useRequestAgencies(): {
  readonly agencies: readonly Agency[];
  readonly viewable: ReadonlySet<number>;
  readonly loading: boolean;
} {
  const me = useUser();
  const { agencies, loading } = useAgencyList();
  const viewable = useMemo(() => agencyIdsWhere(me, "request.view", agencies), [me, agencies]);
  return { agencies, viewable, loading };
}

/** Props of AgencyYearPicker. */
export interface AgencyYearPickerProps {
  readonly agencyId: number | undefined;
  readonly year: number;
  readonly onChange: (agencyId: number | undefined, year: number) => void;
  readonly idPrefix: string;
}

/** Two labelled selects: 机关 and 年度. */
export function AgencyYearPicker({ agencyId, year, onChange, idPrefix }: AgencyYearPickerProps): ReactNode {
  const { agencies, viewable } = useRequestAgencies();
  const tree = useMemo(() => agencyTree(agencies, viewable), [agencies, viewable]);
  useEffect(() => {
    if (agencyId === undefined) {
      const first = agencies.find((a) => viewable.has(a.id));
      if (first) onChange(first.id, year);
    }
  }, [agencyId, agencies, viewable, year, onChange]);
  return (
    <Space wrap>
      <label htmlFor={`${idPrefix}-agency`}>机关：</label>
      <TreeSelect
        id={`${idPrefix}-agency`}
        treeData={tree}
        treeDefaultExpandAll
        value={agencyId}
        onChange={(value: number) => onChange(value, year)}
        style={{ width: 260 }}
        showSearch={{ treeNodeFilterProp: "title" }}
        placeholder="选择机关"
      />
      <label htmlFor={`${idPrefix}-year`}>年度：</label>
      <Select
        id={`${idPrefix}-year`}
        options={yearOptions()}
        value={year}
        onChange={(value: number) => onChange(agencyId, value)}
        style={{ width: 110 }}
      />
    </Space>
  );
}
