/**
 * 复议诉讼: the reconsideration and litigation cases of an agency (kind, case no., the request it concerns,
 * dates, result), create and edit, and table 四 of the year with the cases behind each value.
 */
import "../reports/reports-styles.css";
import { Button, Card, Checkbox, Space, Table } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { agencyIdsWhere } from "../access/user-access.ts";
import { ApiError, apiRequest } from "../api/api-client.ts";
import type { CellRecords, ReviewCase, Table4Result } from "../api/report-types.ts";
import type { RequestSummary } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { RecordFormModal } from "../registries/record-form-modal.tsx";
import { reviewPath } from "../reports/cell-records.ts";
import { Table4 } from "../reports/report-tables.tsx";
import { useUser } from "../session/session-context.tsx";
import { AgencyYearPicker, registerYears, useAgencyYear } from "../shared/agency-year-picker.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { CASE_FIELDS, caseBody, TRACKING_FIELD, trackingNoOf } from "./case-form.ts";

/** No tracking numbers (nothing loaded yet). */
const NO_TRACKING: ReadonlyMap<number, string> = new Map();

/** The id of the agency's request with this tracking number, or an error saying none is. */
async function requestIdOf(agencyId: number, trackingNo: string | null): Promise<number | null> {
  if (trackingNo === null) return null;
  const answer = await apiRequest<{ items: RequestSummary[] }>("/api/requests", {
    query: { agencyId, q: trackingNo, pageSize: 20 },
  });
  const found = answer.items.find((r) => r.trackingNo === trackingNo);
  if (!found) throw new ApiError(400, "UNKNOWN_REQUEST", `本机关没有编号为 ${trackingNo} 的申请`);
  return found.id;
}

/** The litigation page. */
export function LitigationPage(): ReactNode {
  usePageTitle("复议诉讼");
  const me = useUser();
  const { choice, agencies, picker } = useAgencyYear("registry.view", registerYears());
  const manageable = useMemo(() => agencyIdsWhere(me, "registry.manage", agencies), [me, agencies]);
  const [allYears, setAllYears] = useState(false);
  const [editing, setEditing] = useState<ReviewCase | null | undefined>(undefined);
  const { agencyId, year } = choice;
  const read = useCallback(async () => {
    const [list, four] = await Promise.all([
      apiRequest<{ items: ReviewCase[] }>("/api/litigation", {
        query: { agencyId, year: allYears ? undefined : year },
      }),
      apiRequest<Table4Result>("/api/litigation/table", { query: { agencyId, year } }),
    ]);
    const ids = [...new Set(list.items.map((c) => c.requestId).filter((id): id is number => id !== null))];
    const pairs = await Promise.all(
      ids.map(async (id) => {
        try {
          const r = await apiRequest<{ trackingNo: string }>(`/api/requests/${id}`);
          return [id, r.trackingNo] as const;
        } catch {
          return [id, `#${id}`] as const;
        }
      }),
    );
    return { cases: list.items, table: four, tracking: new Map(pairs) };
  }, [agencyId, year, allYears]);
  const { data, loading, reload: load } = useApiQuery(agencyId === undefined ? undefined : read);
  const cases: readonly ReviewCase[] = data?.cases ?? [];
  const table = data?.table ?? null;
  const tracking: ReadonlyMap<number, string> = data?.tracking ?? NO_TRACKING;
  useEffect(() => {
    const id = Number(new URLSearchParams(window.location.search).get("caseId"));
    if (!Number.isInteger(id) || id <= 0) return;
    apiRequest<ReviewCase>(`/api/litigation/${id}`)
      .then(setEditing)
      .catch(() => undefined);
  }, []);
  const cells = useMemo(() => {
    const out: Record<string, CellRecords> = {};
    for (const [group, fields] of Object.entries(table?.cases ?? {})) {
      for (const [field, ids] of Object.entries(fields))
        out[reviewPath(group, field)] = { kind: "reviewCase", ids };
    }
    return out;
  }, [table]);

  if (agencyId === undefined) {
    return <AgencyYearPicker {...picker} idPrefix="litigation" />;
  }
  const mayManage = manageable.has(agencyId);
  const save = async (values: Record<string, unknown>) => {
    const requestId = await requestIdOf(agencyId, trackingNoOf(values));
    if (editing) {
      await apiRequest(`/api/litigation/${editing.id}`, {
        method: "PATCH",
        body: caseBody(values, requestId, false),
      });
    } else {
      await apiRequest("/api/litigation", {
        method: "POST",
        body: { agencyId, ...caseBody(values, requestId, true) },
      });
    }
    await load();
  };
  const record = editing
    ? { ...editing, trackingNo: editing.requestId === null ? "" : (tracking.get(editing.requestId) ?? "") }
    : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <AgencyYearPicker {...picker} idPrefix="litigation" />
      <Card size="small" title={`表四 ${year} 年政府信息公开行政复议、行政诉讼情况`}>
        {table ? <Table4 review={table.review} cells={cells} /> : null}
      </Card>
      <Card
        size="small"
        title="案件"
        extra={
          <Space>
            <Checkbox checked={allYears} onChange={(e) => setAllYears(e.target.checked)}>
              显示全部年度
            </Checkbox>
            {mayManage ? (
              <Button type="primary" onClick={() => setEditing(null)}>
                登记案件
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<ReviewCase>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={[...cases]}
          scroll={{ x: "max-content" }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: "类别", dataIndex: "kindName" },
            { title: "案号", dataIndex: "caseNo", render: (t: string) => t || "—" },
            {
              title: "关联申请",
              dataIndex: "requestId",
              render: (id: number | null) =>
                id === null ? (
                  "—"
                ) : (
                  <a
                    href={`${ADMIN_BASE}/requests/${id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/requests/${id}`);
                    }}
                  >
                    {tracking.get(id) ?? `#${id}`}
                  </a>
                ),
            },
            { title: "申请人/原告", dataIndex: "applicantName", render: (t: string) => t || "—" },
            { title: "受理/立案日期", dataIndex: "filedOn" },
            { title: "审结日期", dataIndex: "decidedOn", render: (d: string | null) => d ?? "—" },
            {
              title: "结果",
              dataIndex: "resultName",
              render: (t: string, c: ReviewCase) => (c.result ? t : "尚未审结"),
            },
            ...(mayManage
              ? [
                  {
                    title: "操作",
                    key: "actions",
                    render: (_: unknown, c: ReviewCase) => (
                      <Button size="small" onClick={() => setEditing(c)}>
                        编辑
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RecordFormModal
        title={editing ? "编辑案件" : "登记复议诉讼案件"}
        fields={[CASE_FIELDS[0] as (typeof CASE_FIELDS)[number], TRACKING_FIELD, ...CASE_FIELDS.slice(1)]}
        record={record}
        defaults={{ kind: "reconsideration" }}
        open={editing !== undefined}
        onSave={save}
        onClose={() => setEditing(undefined)}
      />
    </Space>
  );
}
