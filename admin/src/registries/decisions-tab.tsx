/**
 * 行政决定: the decisions of an agency filtered by kind and year, with their S-1 status (公示 within 7
 * working days) as coloured tags; create and edit; import an XLSX/CSV (every row checked, nothing imported
 * when a row is bad — the rejected rows listed by row number); the import template.
 */
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Select, Space, Table, Tag, Upload } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { AdminDecision, DecisionPage, ImportProblem, S1Answer, S1Status } from "../api/report-types.ts";
import { UploadError, uploadFile } from "../requests/upload-file.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import { type ImportOutcome, importedOutcome, refusedOutcome } from "./import-report.ts";
import { DECISION_FIELDS, DECISION_KIND_NAMES, optionsOf, recordBody } from "./record-fields.ts";
import { RecordFormModal } from "./record-form-modal.tsx";

/** The colour of each S-1 status. */
const S1_COLORS: Readonly<Record<S1Status, string>> = {
  onTime: "green",
  late: "orange",
  pending: "blue",
  dueSoon: "gold",
  overdue: "red",
  notApplicable: "default",
};

/** Props of DecisionsTab. */
export interface DecisionsTabProps {
  readonly agencyId: number;
  readonly year: number;
  readonly mayManage: boolean;
  readonly focusId?: number;
  /** Called after records changed (the summary is stale). */
  readonly onChanged: () => void;
}

/** The decisions register. */
export function DecisionsTab({
  agencyId,
  year,
  mayManage,
  focusId,
  onChanged,
}: DecisionsTabProps): ReactNode {
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AdminDecision | null | undefined>(undefined);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [importing, setImporting] = useState(false);
  const read = useCallback(async () => {
    const [list, status] = await Promise.all([
      apiRequest<DecisionPage>("/api/registries/decisions", {
        query: { agencyId, year, kind, page, pageSize: 50 },
      }),
      apiRequest<S1Answer>("/api/registries/decisions/s1", { query: { agencyId } }),
    ]);
    return { answer: list, s1: status };
  }, [agencyId, year, kind, page]);
  const { data, loading, reload: load } = useApiQuery(read);
  const answer = data?.answer ?? null;
  const s1 = data?.s1 ?? null;
  useEffect(() => {
    if (focusId === undefined) return;
    apiRequest<AdminDecision>(`/api/registries/decisions/${focusId}`)
      .then(setEditing)
      .catch(() => undefined);
  }, [focusId]);

  const importFile = async (file: File) => {
    setImporting(true);
    try {
      const result = await uploadFile<{ imported: number }>(
        `/api/registries/decisions/import?agencyId=${agencyId}`,
        file,
      );
      setOutcome(importedOutcome(result));
      await load();
      onChanged();
    } catch (error) {
      setOutcome(refusedOutcome(messageOf(error), error instanceof UploadError ? error.body : null));
    } finally {
      setImporting(false);
    }
  };
  const save = async (values: Record<string, unknown>) => {
    if (editing) {
      await apiRequest(`/api/registries/decisions/${editing.id}`, {
        method: "PATCH",
        body: recordBody(DECISION_FIELDS, values, false),
      });
    } else {
      await apiRequest("/api/registries/decisions", {
        method: "POST",
        body: { agencyId, ...recordBody(DECISION_FIELDS, values, true) },
      });
    }
    await load();
    onChanged();
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }}>
      <Space wrap>
        <label htmlFor="decision-kind">决定类别：</label>
        <Select
          id="decision-kind"
          allowClear
          placeholder="全部"
          style={{ width: 140 }}
          options={optionsOf(DECISION_KIND_NAMES)}
          value={kind}
          onChange={(value: string | undefined) => {
            setKind(value);
            setPage(1);
          }}
        />
        {mayManage ? (
          <>
            <Button type="primary" onClick={() => setEditing(null)}>
              新增行政决定
            </Button>
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importing}>
                导入表格（XLSX/CSV）
              </Button>
            </Upload>
          </>
        ) : null}
        <a href="/api/registries/decisions/template.xlsx">
          <DownloadOutlined /> 下载导入模板（XLSX）
        </a>
        <a href="/api/registries/decisions/template.csv">CSV 模板</a>
      </Space>
      {s1 ? (
        <Space wrap>
          <span>{`公示时限（S-1，${s1.asOf}）：`}</span>
          <Tag color="red">{`已超期未公示 ${s1.overdue}`}</Tag>
          <Tag color="gold">{`即将到期 ${s1.dueSoon}`}</Tag>
          <Tag color="orange">{`逾期公示 ${s1.late}`}</Tag>
        </Space>
      ) : null}
      {outcome ? (
        <Alert
          type={outcome.kind === "imported" ? "success" : "error"}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          title={outcome.message}
          description={
            outcome.kind === "rejected" ? (
              <Table<ImportProblem>
                className="import-problems"
                size="small"
                rowKey={(p) => `${p.row}-${p.column ?? ""}-${p.message}`}
                pagination={false}
                dataSource={[...outcome.problems]}
                columns={[
                  { title: "行号", dataIndex: "row", width: 70 },
                  { title: "列", dataIndex: "column", width: 160, render: (c: string | null) => c ?? "—" },
                  { title: "问题", dataIndex: "message" },
                ]}
              />
            ) : null
          }
        />
      ) : null}
      <Table<AdminDecision>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={answer ? [...answer.items] : []}
        scroll={{ x: "max-content" }}
        pagination={{
          current: page,
          pageSize: 50,
          total: answer?.total ?? 0,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: "决定书文号", dataIndex: "docNo" },
          { title: "类别", dataIndex: "kindName", width: 90 },
          { title: "事项名称", dataIndex: "matter" },
          { title: "行政相对人", dataIndex: "partyName" },
          { title: "决定日期", dataIndex: "decidedOn", width: 110 },
          {
            title: "公示日期",
            dataIndex: "publishedOn",
            width: 110,
            render: (d: string | null) => d ?? "未公示",
          },
          {
            title: "公示时限（S-1）",
            key: "s1",
            render: (_: unknown, d: AdminDecision) => (
              <Tag color={S1_COLORS[d.s1.status]}>
                {d.s1.statusName}
                {d.s1.dueOn && (d.s1.status === "pending" || d.s1.status === "dueSoon")
                  ? `（${d.s1.dueOn} 前）`
                  : ""}
              </Tag>
            ),
          },
          ...(mayManage
            ? [
                {
                  title: "操作",
                  key: "actions",
                  render: (_: unknown, d: AdminDecision) => (
                    <Button size="small" onClick={() => setEditing(d)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RecordFormModal
        title={editing ? `编辑行政决定 ${editing.docNo}` : "新增行政决定"}
        fields={DECISION_FIELDS}
        record={editing ?? null}
        defaults={{ kind: "licensing", partyKind: "legalPerson", serious: false }}
        open={editing !== undefined}
        onSave={save}
        onClose={() => setEditing(undefined)}
      />
    </Space>
  );
}
