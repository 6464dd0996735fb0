/**
 * The agency a catalog, channel or message page is about: the agencies where the user may take an action
 * (as a tree to pick from), the first of them chosen by default.
 */
import { TreeSelect } from "antd";
import { type ReactNode, useMemo } from "react";
import type { Action } from "../../../src/core/access/permissions.ts";
import { agencyIdsWhere } from "../access/user-access.ts";
import { agencyTree, useAgencyList } from "../agencies/agency-list.ts";
import type { Agency } from "../api/api-types.ts";
import { useUser } from "../session/session-context.tsx";

/** The agencies the user may take `action` in. */
export function useAgenciesWhere(action: Action): {
  readonly agencies: readonly Agency[];
  readonly allowed: ReadonlySet<number>;
  readonly first: number | undefined;
  readonly loading: boolean;
} {
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
  readonly value: number | undefined;
  readonly onChange: (agencyId: number | undefined) => void;
  readonly allowClear?: boolean;
  readonly id?: string;
}

/** A searchable tree of the agencies; those outside `allowed` only lead to the ones inside. */
export function AgencySelect({
  agencies,
  allowed,
  value,
  onChange,
  allowClear = false,
  id,
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
      onChange={(next: number | undefined) => onChange(next ?? undefined)}
      style={{ width: 240 }}
      showSearch={{ treeNodeFilterProp: "title" }}
    />
  );
}
