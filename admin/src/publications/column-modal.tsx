/**
 * Adding a sub-column or changing one: its name, the 条例第二十条 item it holds, and the cadence of a
 * periodic column (e.g. 周警情播报 每周).
 */
import { Alert, App, Form, Input, Modal, Select } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Cadence, CatalogColumn } from "../api/publication-types.ts";
import { CATEGORY_OPTIONS } from "./publication-labels.ts";

/** The cadence options (每周, 每月, 每季度, 每年). */
export const CADENCE_OPTIONS: readonly { value: Cadence; label: string }[] = [
  { value: "weekly", label: "每周" },
  { value: "monthly", label: "每月" },
  { value: "quarterly", label: "每季度" },
  { value: "yearly", label: "每年" },
];

/** What the modal does: add a child of `parent`, or change `column`. */
export type ColumnEdit =
  | { readonly mode: "add"; readonly agencyId: number; readonly parent: CatalogColumn }
  | { readonly mode: "change"; readonly column: CatalogColumn };

/** Props of ColumnModal. */
export interface ColumnModalProps {
  readonly edit: ColumnEdit | null;
  readonly onClose: (changed: boolean) => void;
}

/** The modal. */
export function ColumnModal({ edit, onClose }: ColumnModalProps): ReactNode {
  const { message } = App.useApp();
  const [name, setName] = useState("");
  const [categoryItem, setCategoryItem] = useState<string | undefined>();
  const [cadence, setCadence] = useState<Cadence | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const column = edit?.mode === "change" ? edit.column : undefined;
    setName(column?.name ?? "");
    setCategoryItem(
      column?.categoryItem ?? (edit?.mode === "add" ? (edit.parent.categoryItem ?? undefined) : undefined),
    );
    setCadence(column?.cadence ?? undefined);
    setProblem(null);
  }, [edit]);
  if (!edit) return null;
  const isRoot = edit.mode === "change" && edit.column.rootKind !== null;

  const save = async (): Promise<void> => {
    if (name.trim() === "") {
      setProblem("请填写栏目名称");
      return;
    }
    setSaving(true);
    try {
      const fields = { categoryItem: categoryItem ?? null, cadence: cadence ?? null };
      if (edit.mode === "add") {
        await apiRequest("/api/columns", {
          method: "POST",
          body: { agencyId: edit.agencyId, parentId: edit.parent.id, name: name.trim(), ...fields },
        });
      } else {
        await apiRequest(`/api/columns/${edit.column.id}`, {
          method: "PATCH",
          body: isRoot ? fields : { name: name.trim(), ...fields },
        });
      }
      message.success("已保存");
      onClose(true);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={edit.mode === "add" ? `在“${edit.parent.name}”下添加子栏目` : `修改栏目“${edit.column.name}”`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        <Form.Item label="栏目名称" htmlFor="column-name" required>
          <Input
            id="column-name"
            value={name}
            maxLength={100}
            disabled={isRoot}
            onChange={(event) => setName(event.target.value)}
          />
        </Form.Item>
        <Form.Item label="条例第二十条事项" htmlFor="column-category">
          <Select
            id="column-category"
            allowClear
            options={CATEGORY_OPTIONS}
            value={categoryItem}
            onChange={(v: string | undefined) => setCategoryItem(v)}
            placeholder="不对应具体事项"
          />
        </Form.Item>
        <Form.Item label="更新周期（定期栏目）" htmlFor="column-cadence">
          <Select
            id="column-cadence"
            allowClear
            options={[...CADENCE_OPTIONS]}
            value={cadence}
            onChange={(v: Cadence | undefined) => setCadence(v)}
            placeholder="不定期"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
