/**
 * The item editor: the standard metadata (名称, 内容概述, 发布机构, 成文日期, 形成日期, 文号, 主题分类, 体裁,
 * 条例第二十条 item, column, 期号) and the body. Saves a new draft (POST) or the changed fields (PATCH).
 */
import { Alert, App, Button, Col, Form, Input, Row, Select, TreeSelect } from "antd";
import { type ReactNode, useMemo, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { CatalogColumn, PublicationView } from "../api/publication-types.ts";
import { BodyEditor } from "./body-editor.tsx";
import { columnForest } from "./column-tree.ts";
import {
  changedContent,
  contentOfForm,
  formOfPublication,
  formProblem,
  type PublicationFormValues,
} from "./publication-form.ts";
import { CATEGORY_OPTIONS } from "./publication-labels.ts";

/** Props of PublicationEditor. */
export interface PublicationEditorProps {
  readonly initial: PublicationFormValues;
  readonly columns: readonly CatalogColumn[];
  /** The item edited; undefined for a new one in `agencyId`. */
  readonly item?: PublicationView;
  readonly agencyId: number | undefined;
  readonly onSaved: (item: PublicationView) => void;
}

type TextField = Exclude<keyof PublicationFormValues, "columnId" | "categoryItem">;

/** The editor. */
export function PublicationEditor({
  initial,
  columns,
  item,
  agencyId,
  onSaved,
}: PublicationEditorProps): ReactNode {
  const { message } = App.useApp();
  const [values, setValues] = useState<PublicationFormValues>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tree = useMemo(() => columnForest(columns), [columns]);
  const set = (change: Partial<PublicationFormValues>): void => setValues((v) => ({ ...v, ...change }));
  const text = (field: TextField, label: string, extra: { type?: string; maxLength?: number } = {}) => (
    <Form.Item label={label} htmlFor={`pub-${field}`}>
      <Input
        id={`pub-${field}`}
        value={values[field]}
        type={extra.type}
        maxLength={extra.maxLength}
        onChange={(event) => set({ [field]: event.target.value })}
      />
    </Form.Item>
  );

  const save = async (): Promise<void> => {
    const found = formProblem(values);
    setProblem(found);
    if (found) return;
    const content = contentOfForm(values);
    setSaving(true);
    try {
      if (item) {
        const changes = changedContent(contentOfForm(formOfPublication(item)), content);
        if (Object.keys(changes).length === 0) {
          message.info("没有修改");
          return;
        }
        onSaved(
          await apiRequest<PublicationView>(`/api/publications/${item.id}`, {
            method: "PATCH",
            body: changes,
          }),
        );
      } else {
        if (agencyId === undefined) {
          setProblem("请选择机关");
          return;
        }
        onSaved(
          await apiRequest<PublicationView>("/api/publications", {
            method: "POST",
            body: { agencyId, ...content },
          }),
        );
      }
      message.success("已保存");
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" component="div" className="publication-editor">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Form.Item label="名称" htmlFor="pub-title" required>
            <Input
              id="pub-title"
              value={values.title}
              maxLength={300}
              onChange={(event) => set({ title: event.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item label="栏目" htmlFor="pub-column" required>
            <TreeSelect
              id="pub-column"
              treeData={tree}
              treeDefaultExpandAll
              value={values.columnId}
              onChange={(columnId: number) => set({ columnId })}
              placeholder="选择栏目"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="内容概述" htmlFor="pub-summary">
        <Input.TextArea
          id="pub-summary"
          value={values.summary}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(event) => set({ summary: event.target.value })}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          {text("publisher", "发布机构（留空为本机关）", { maxLength: 200 })}
        </Col>
        <Col xs={12} md={4}>
          {text("writtenOn", "成文日期", { type: "date" })}
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            label="形成日期"
            htmlFor="pub-formedOn"
            required
            tooltip="R-26-1：自形成之日起 20 个工作日内公开"
          >
            <Input
              id="pub-formedOn"
              type="date"
              value={values.formedOn}
              onChange={(event) => set({ formedOn: event.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {text("documentNo", "文号", { maxLength: 100 })}
        </Col>
        <Col xs={12} md={6}>
          {text("topic", "主题分类", { maxLength: 100 })}
        </Col>
        <Col xs={12} md={6}>
          {text("genre", "体裁", { maxLength: 100 })}
        </Col>
        <Col xs={16} md={8}>
          <Form.Item label="条例第二十条事项" htmlFor="pub-category">
            <Select
              id="pub-category"
              allowClear
              options={CATEGORY_OPTIONS}
              value={values.categoryItem}
              onChange={(categoryItem: string | undefined) => set({ categoryItem })}
              placeholder="不属于第二十条所列事项"
              popupMatchSelectWidth={420}
            />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          {text("issueNo", "期号（定期栏目）", { maxLength: 6 })}
        </Col>
      </Row>
      <Form.Item label="正文" htmlFor="pub-body">
        <BodyEditor id="pub-body" value={values.bodyHtml} onChange={(bodyHtml) => set({ bodyHtml })} />
      </Form.Item>
      <Button type="primary" loading={saving} onClick={() => void save()}>
        {item ? "保存修改" : "保存草稿"}
      </Button>
    </Form>
  );
}
