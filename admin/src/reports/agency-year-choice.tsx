/**
 * The agency and year a register or report page is about, kept in the page address (?agencyId=&year=):
 * the agencies where the user may take the page's action (others shown greyed as the path to them) and
 * the years from 2008 (the first 条例) to this year.
 */
import { Select, Space, TreeSelect } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import type { Action } from "../../../src/core/access/permissions.ts";
import { agencyIdsWhere } from "../access/user-access.ts";
import { agencyTree, useAgencyList } from "../agencies/agency-list.ts";
import type { Agency } from "../api/api-types.ts";
import { todayInShanghai } from "../requests/request-format.ts";
import { useUser } from "../session/session-context.tsx";

/** The chosen agency (none until the list is loaded) and year. */
export interface AgencyYear {
  readonly agencyId: number | undefined;
  readonly year: number;
}

/** The years offered, newest first. */
function years(): { value: number; label: string }[] {
  const current = Number(todayInShanghai().slice(0, 4));
  const list: { value: number; label: string }[] = [];
  for (let year = current; year >= 2008; year--) list.push({ value: year, label: `${year} 年` });
  return list;
}

/** The choice in the page address, else none and last year. */
function fromAddress(): AgencyYear {
  const params = new URLSearchParams(window.location.search);
  const agencyId = Number(params.get("agencyId"));
  const year = Number(params.get("year"));
  const current = Number(todayInShanghai().slice(0, 4));
  return {
    agencyId: Number.isInteger(agencyId) && agencyId > 0 ? agencyId : undefined,
    year: Number.isInteger(year) && year >= 2008 && year <= current ? year : current - 1,
  };
}

/** The page's choice of agency and year, the agencies and those where `action` is allowed. */
export function useAgencyYear(action: Action): {
  readonly choice: AgencyYear;
  readonly choose: (next: AgencyYear) => void;
  readonly agencies: readonly Agency[];
  readonly allowed: ReadonlySet<number>;
} {
  const me = useUser();
  const { agencies } = useAgencyList();
  const allowed = useMemo(() => agencyIdsWhere(me, action, agencies), [me, action, agencies]);
  const [choice, setChoice] = useState(fromAddress);
  const choose = useCallback((next: AgencyYear) => {
    setChoice(next);
    const params = new URLSearchParams(window.location.search);
    if (next.agencyId !== undefined) params.set("agencyId", String(next.agencyId));
    params.set("year", String(next.year));
    window.history.replaceState(null, "", `${window.location.pathname}?${params.toString()}`);
  }, []);
  useEffect(() => {
    if (choice.agencyId !== undefined) return;
    const first = agencies.find((a) => allowed.has(a.id));
    if (first) choose({ agencyId: first.id, year: choice.year });
  }, [choice, agencies, allowed, choose]);
  return { choice, choose, agencies, allowed };
}

/** Props of AgencyYearChoice. */
export interface AgencyYearChoiceProps {
  readonly choice: AgencyYear;
  readonly onChange: (next: AgencyYear) => void;
  readonly agencies: readonly Agency[];
  readonly allowed: ReadonlySet<number>;
  readonly idPrefix: string;
  /** Leave the year out (pages that list every year). */
  readonly noYear?: boolean;
}

/** Two labelled selects: 机关 and 年度. */
export function AgencyYearChoice({
  choice,
  onChange,
  agencies,
  allowed,
  idPrefix,
  noYear,
}: AgencyYearChoiceProps): ReactNode {
  const tree = useMemo(() => agencyTree(agencies, allowed), [agencies, allowed]);
  return (
    <Space wrap>
      <label htmlFor={`${idPrefix}-agency`}>机关：</label>
      <TreeSelect
        id={`${idPrefix}-agency`}
        treeData={tree}
        treeDefaultExpandAll
        value={choice.agencyId}
        onChange={(value: number) => onChange({ ...choice, agencyId: value })}
        style={{ width: 260 }}
        showSearch={{ treeNodeFilterProp: "title" }}
        placeholder="选择机关"
      />
      {noYear ? null : (
        <>
          <label htmlFor={`${idPrefix}-year`}>年度：</label>
          <Select
            id={`${idPrefix}-year`}
            options={years()}
            value={choice.year}
            onChange={(value: number) => onChange({ ...choice, year: value })}
            style={{ width: 110 }}
          />
        </>
      )}
    </Space>
  );
}
