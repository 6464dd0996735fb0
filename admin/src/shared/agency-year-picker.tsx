/**
 * The agency (and year) a page is about, in one place: the agencies where the user may take the page's
 * action as a searchable tree (the others greyed, as the path to them), the years from 2019 (the revised
 * 条例) or 2008 (the first 条例) to this year, the first allowed agency chosen by default, and optionally
 * the choice kept in the page address (?agencyId=&year=).
 */
import { Select, Space, TreeSelect } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import type { Action } from "../../../src/core/access/permissions.ts";
import { agencyIdsWhere } from "../access/user-access.ts";
import { agencyTree, useAgencyList } from "../agencies/agency-list.ts";
import type { Agency } from "../api/api-types.ts";
import { useUser } from "../session/session-context.tsx";
import { type AgencyYear, agencyYearFromSearch, searchWithAgencyYear } from "./agency-year-address.ts";
import { currentYear, FIRST_REGULATION_YEAR, REVISED_REGULATION_YEAR, yearOptions } from "./dates.ts";

/** The agencies the user may see, those where `action` is allowed and the first of these. */
export interface AgenciesWhere {
  readonly agencies: readonly Agency[];
  readonly allowed: ReadonlySet<number>;
  readonly first: number | undefined;
  readonly loading: boolean;
}

/** The agencies the user may take `action` in. */
export function useAgenciesWhere(action: Action): AgenciesWhere {
  const me = useUser();
  const { agencies, loading } = useAgencyList();
  const allowed = useMemo(() => agencyIdsWhere(me, action, agencies), [me, action, agencies]);
  const first = agencies.find((a) => allowed.has(a.id))?.id;
  return { agencies, allowed, first, loading };
}

/** Props of AgencySelect. */
export interface AgencySelectProps {
  readonly agencies: readonly Agency[];
  readonly allowed: ReadonlySet<number>;
  /** The chosen agency (given by Form.Item when inside one). */
  readonly value?: number | undefined;
  /** The agency chosen, undefined once cleared (given by Form.Item when inside one). */
  readonly onChange?: (agencyId: number | undefined) => void;
  readonly allowClear?: boolean;
  /** The id a <label htmlFor> names it by; without one it is labelled "机关". */
  readonly id?: string;
  readonly width?: number;
}

/** A searchable tree of the agencies; those outside `allowed` only lead to the ones inside. */
export function AgencySelect({
  agencies,
  allowed,
  value,
  onChange,
  allowClear = false,
  id,
  width = 240,
}: AgencySelectProps): ReactNode {
  const tree = useMemo(() => agencyTree(agencies, allowed), [agencies, allowed]);
  return (
    <TreeSelect
      id={id}
      aria-label={id ? undefined : "机关"}
      treeData={tree}
      treeDefaultExpandAll
      allowClear={allowClear}
      placeholder={allowClear ? "全部机关" : "选择机关"}
      value={value}
      onChange={(next: number | undefined) => onChange?.(next ?? undefined)}
      style={{ width }}
      showSearch={{ treeNodeFilterProp: "title" }}
    />
  );
}

/** Options of useAgencyYear. */
export interface AgencyYearOptions {
  /** The first year offered and accepted (default 2019). */
  readonly firstYear?: number;
  /** The year chosen at first (default this year). */
  readonly defaultYear?: number;
  /** Keep the choice in the page address (?agencyId=&year=) and start from it. */
  readonly inAddress?: boolean;
}

/** Register and report pages: years from 2008, last year at first, the choice kept in the address. */
export function registerYears(): AgencyYearOptions {
  return { firstYear: FIRST_REGULATION_YEAR, defaultYear: currentYear() - 1, inAddress: true };
}

/** The page's choice of agency and year, the agencies and those where `action` is allowed. */
export interface AgencyYearState {
  readonly choice: AgencyYear;
  readonly choose: (next: AgencyYear) => void;
  readonly agencies: readonly Agency[];
  readonly allowed: ReadonlySet<number>;
  /** The picker's props for this choice: `<AgencyYearPicker {...picker} idPrefix="…" />`. */
  readonly picker: AgencyYearPickerProps;
}

/** The page's choice of agency and year; the first allowed agency is chosen once the list is loaded. */
export function useAgencyYear(action: Action, options: AgencyYearOptions = {}): AgencyYearState {
  const { firstYear = REVISED_REGULATION_YEAR, defaultYear = currentYear(), inAddress = false } = options;
  const { agencies, allowed } = useAgenciesWhere(action);
  const [choice, setChoice] = useState<AgencyYear>(() =>
    inAddress
      ? agencyYearFromSearch(window.location.search, {
          first: firstYear,
          last: currentYear(),
          fallback: defaultYear,
        })
      : { agencyId: undefined, year: defaultYear },
  );
  const choose = useCallback(
    (next: AgencyYear) => {
      setChoice(next);
      if (!inAddress) return;
      const search = searchWithAgencyYear(window.location.search, next);
      window.history.replaceState(null, "", `${window.location.pathname}${search}`);
    },
    [inAddress],
  );
  useEffect(() => {
    if (choice.agencyId !== undefined) return;
    const first = agencies.find((a) => allowed.has(a.id));
    if (first) choose({ agencyId: first.id, year: choice.year });
  }, [choice, agencies, allowed, choose]);
  const picker = { choice, onChange: choose, agencies, allowed, firstYear };
  return { choice, choose, agencies, allowed, picker };
}

/** Props of AgencyYearPicker. */
export interface AgencyYearPickerProps {
  readonly choice: AgencyYear;
  readonly onChange: (next: AgencyYear) => void;
  readonly agencies: readonly Agency[];
  readonly allowed: ReadonlySet<number>;
  /**
   * The prefix of the two controls' ids, named by their <label>s ("dashboard" gives dashboard-agency and
   * dashboard-year); without one the selects carry their names (机关, 年度) themselves.
   */
  readonly idPrefix?: string;
  /** The first year offered (default 2019). */
  readonly firstYear?: number;
  /** What follows on the same row (刷新, 登记 …). */
  readonly children?: ReactNode;
}

/** Two selects: 机关 and 年度. */
export function AgencyYearPicker({
  choice,
  onChange,
  agencies,
  allowed,
  idPrefix,
  firstYear = REVISED_REGULATION_YEAR,
  children,
}: AgencyYearPickerProps): ReactNode {
  const agencyId = idPrefix ? `${idPrefix}-agency` : undefined;
  const yearId = idPrefix ? `${idPrefix}-year` : undefined;
  return (
    <Space wrap>
      {agencyId ? <label htmlFor={agencyId}>机关：</label> : <span>机关：</span>}
      <AgencySelect
        agencies={agencies}
        allowed={allowed}
        value={choice.agencyId}
        onChange={(next) => onChange({ ...choice, agencyId: next })}
        {...(agencyId ? { id: agencyId, width: 260 } : {})}
      />
      {yearId ? <label htmlFor={yearId}>年度：</label> : null}
      <Select
        {...(yearId ? { id: yearId } : { "aria-label": "年度" })}
        options={yearOptions(firstYear)}
        value={choice.year}
        onChange={(year: number) => onChange({ ...choice, year })}
        style={{ width: 110 }}
      />
      {children}
    </Space>
  );
}
