/**
 * One register of an agency as a table with 新增 and 编辑 (规章和规范性文件, 收费, 培训, 政策解读): the list
 * from GET `path`, a dialog laid out from the field specs, POST to create and PATCH to edit.
 */
import { Button, Space, Table, type TableColumnsType, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import type { FieldSpec } from "./record-fields.ts";
import { RecordFormModal } from "./record-form-modal.tsx";

/** A register record: an id and its fields. */
export type RegisterRecord = { readonly id: number };

/** Props of RegisterTab. */
export interface RegisterTabProps<T extends RegisterRecord> {
  /** The record kind, in dialog titles ("收费项目"). */
  readonly noun: string;
  /** The API collection, e.g. "/api/registries/fees". */
  readonly path: string;
  readonly agencyId: number;
  /** Query beyond the agency (e.g. { year }). */
  readonly query?: Readonly<Record<string, string | number>>;
  readonly fields: readonly FieldSpec[];
  readonly columns: TableColumnsType<T>;
  readonly mayManage: boolean;
  /** The body of the form's values (creating or editing). */
  readonly toBody: (values: Readonly<Record<string, unknown>>, creating: boolean) => Record<string, unknown>;
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** A line under the table from the list answer (totals). */
  readonly footer?: (answer: Readonly<Record<string, unknown>>) => ReactNode;
  /** The record to open for editing on arrival (from a report's drill-down). */
  readonly focusId?: number;
}

/** The register's table and dialog. */
export function RegisterTab<T extends RegisterRecord>({
  noun,
  path,
  agencyId,
  query,
  fields,
  columns,
  mayManage,
  toBody,
  defaults,
  footer,
  focusId,
}: RegisterTabProps<T>): ReactNode {
  const [editing, setEditing] = useState<T | null | undefined>(undefined);
  const queryKey = JSON.stringify(query ?? {});
  const read = useCallback(() => {
    const extra = JSON.parse(queryKey) as Record<string, string | number>;
    return apiRequest<Record<string, unknown>>(path, { query: { agencyId, ...extra } });
  }, [path, agencyId, queryKey]);
  const { data: answer, loading, error: loadError, reload: load } = useApiQuery(read, { quiet: true });
  const items = ((answer?.items as T[] | undefined) ?? []) as T[];
  useEffect(() => {
    if (focusId === undefined) return;
    const found = items.find((item) => item.id === focusId);
    if (found) setEditing(found);
  }, [focusId, items]);
  const save = async (values: Record<string, unknown>) => {
    if (editing) {
      await apiRequest(`${path}/${editing.id}`, { method: "PATCH", body: toBody(values, false) });
    } else {
      await apiRequest(path, { method: "POST", body: { agencyId, ...toBody(values, true) } });
    }
    await load();
  };
  const actions: TableColumnsType<T> = mayManage
    ? [
        {
          title: "操作",
          key: "actions",
          width: 80,
          render: (_: unknown, record: T) => (
            <Button size="small" onClick={() => setEditing(record)}>
              编辑
            </Button>
          ),
        },
      ]
    : [];
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }}>
      {mayManage ? <Button type="primary" onClick={() => setEditing(null)}>{`新增${noun}`}</Button> : null}
      {loadError ? <Typography.Text type="danger">{loadError}</Typography.Text> : null}
      <Table<T>
        rowKey="id"
        size="small"
        loading={loading}
        columns={[...columns, ...actions]}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
      />
      {answer && footer ? footer(answer) : null}
      <RecordFormModal
        title={editing ? `编辑${noun}` : `新增${noun}`}
        fields={fields}
        record={editing ?? null}
        {...(defaults ? { defaults } : {})}
        open={editing !== undefined}
        onSave={save}
        onClose={() => setEditing(undefined)}
      />
    </Space>
  );
}
