/**
 * The letters of a case (答复书 and the notices): make a draft of a kind from the template, edit its title
 * and text, issue it (after a confirmation: an issued letter is frozen and cannot change), download DOCX or
 * PDF of an issued letter.
 */
import { FileAddOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Letter, LetterKind, RequestCase } from "../api/request-types.ts";
import { instantText } from "../shared/dates.ts";
import { suggestedLetterKind } from "./letter-kind.ts";
import { LETTER_KIND_LABELS, OUTCOME_OPTIONS } from "./request-labels.ts";

const KIND_OPTIONS = (Object.keys(LETTER_KIND_LABELS) as LetterKind[]).map((value) => ({
  value,
  label: LETTER_KIND_LABELS[value],
}));

/** Props of LettersPanel. */
export interface LettersPanelProps {
  readonly request: RequestCase;
  readonly mayHandle: boolean;
  readonly onChanged: () => void;
}

/** The dialog editing a draft's title and text. */
function EditLetterModal({
  letter,
  onClose,
  onSaved,
}: {
  readonly letter: Letter | null;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [saving, setSaving] = useState(false);
  const save = async (values: { title: string; body: string }): Promise<void> => {
    if (!letter) return;
    setSaving(true);
    try {
      await apiRequest<Letter>(`/api/requests/${letter.requestId}/letters/${letter.id}`, {
        method: "PUT",
        body: { title: values.title.trim(), body: values.body },
      });
      message.success("文书草稿已保存");
      onSaved();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={letter !== null}
      title={`修改文书草稿：${letter?.kindName ?? ""}`}
      okText="保存草稿"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={760}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ title: letter?.title, body: letter?.body }}
      >
        <Form.Item
          label="标题"
          name="title"
          rules={[{ required: true, whitespace: true, message: "请填写标题" }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="正文"
          name="body"
          rules={[{ required: true, whitespace: true, message: "请填写正文" }]}
        >
          <Input.TextArea rows={18} className="letter-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The letters card. */
export function LettersPanel({ request, mayHandle, onChanged }: LettersPanelProps): ReactNode {
  const { message, modal } = App.useApp();
  const [kind, setKind] = useState<LetterKind>(() => suggestedLetterKind(request));
  const [outcome, setOutcome] = useState<string | undefined>(request.outcome ?? undefined);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Letter | null>(null);

  const create = async (): Promise<void> => {
    setCreating(true);
    try {
      await apiRequest<Letter>(`/api/requests/${request.id}/letters`, {
        method: "POST",
        body: kind === "reply" && outcome ? { kind, outcome } : { kind },
      });
      message.success(`已生成“${LETTER_KIND_LABELS[kind]}”草稿`);
      onChanged();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setCreating(false);
    }
  };

  const issue = (letter: Letter): void => {
    modal.confirm({
      title: `签发“${letter.title}”？`,
      content: "签发后文书即定稿，生成 DOCX 和 PDF，不能再修改。请确认内容无误。",
      okText: "确认签发",
      cancelText: "再检查一下",
      onOk: async () => {
        try {
          await apiRequest<Letter>(`/api/requests/${request.id}/letters/${letter.id}/issue`, {
            method: "POST",
          });
          message.success("文书已签发");
          onChanged();
        } catch (error) {
          message.error(messageOf(error));
        }
      },
    });
  };

  const base = `/api/requests/${request.id}/letters`;
  return (
    <Card title="文书" size="small">
      <Table<Letter>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...request.letters]}
        locale={{ emptyText: "暂无文书" }}
        columns={[
          { title: "文书", dataIndex: "kindName" },
          { title: "标题", dataIndex: "title" },
          {
            title: "状态",
            key: "status",
            render: (_v, letter) =>
              letter.status === "issued" ? (
                <span>
                  <Tag color="green">已签发</Tag>
                  <Typography.Text type="secondary">
                    {letter.issuedByName ?? ""} {instantText(letter.issuedAt)}
                  </Typography.Text>
                </span>
              ) : (
                <Tag color="gold">草稿</Tag>
              ),
          },
          {
            title: "操作",
            key: "actions",
            render: (_v, letter) =>
              letter.status === "issued" ? (
                <Space size={4} wrap>
                  <a href={`${base}/${letter.id}/download.docx`} download>
                    下载 DOCX
                  </a>
                  <a href={`${base}/${letter.id}/download.pdf`} download>
                    下载 PDF
                  </a>
                </Space>
              ) : mayHandle ? (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => setEditing(letter)}>
                    修改
                  </Button>
                  <Button type="link" onClick={() => issue(letter)}>
                    签发
                  </Button>
                </Space>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {mayHandle && (
        <Space wrap className="letter-create">
          <Select
            aria-label="文书种类"
            options={KIND_OPTIONS}
            value={kind}
            onChange={setKind}
            style={{ width: 220 }}
          />
          {kind === "reply" && (
            <Select
              aria-label="答复书对应的办理结果"
              options={[...OUTCOME_OPTIONS]}
              value={outcome}
              onChange={setOutcome}
              allowClear
              placeholder="办理结果（默认按已办结结果）"
              style={{ width: 300 }}
              showSearch={{ optionFilterProp: "label" }}
            />
          )}
          <Button icon={<FileAddOutlined aria-hidden />} onClick={() => void create()} loading={creating}>
            按模板生成草稿
          </Button>
        </Space>
      )}
      <EditLetterModal
        letter={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
    </Card>
  );
}
