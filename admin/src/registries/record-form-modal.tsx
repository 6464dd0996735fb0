/**
 * The create/edit dialog of a register entry, laid out from its field specs; the server's refusal (a
 * broken rule, a duplicate 文号) is shown in the dialog and nothing is saved.
 */
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select } from "antd";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { messageOf } from "../api/api-client.ts";
import { type FieldSpec, formValues } from "./record-fields.ts";

/** Props of RecordFormModal. */
export interface RecordFormModalProps {
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** The record edited, or null to create one (with `defaults`). */
  readonly record: object | null;
  readonly defaults?: Readonly<Record<string, unknown>>;
  readonly open: boolean;
  /** Save the form's values; a rejection keeps the dialog open with its message. */
  readonly onSave: (values: Record<string, unknown>) => Promise<void>;
  readonly onClose: () => void;
}

/** One field's input; Form.Item hands it the value, id and change handler, passed on to the control. */
function FieldInput({ spec, ...control }: { readonly spec: FieldSpec } & Record<string, unknown>): ReactNode {
  switch (spec.type) {
    case "textarea":
      return <Input.TextArea rows={3} {...control} />;
    case "date":
      return <Input type="date" {...control} />;
    case "select":
      return (
        <Select options={spec.options ? [...spec.options] : []} allowClear={!spec.required} {...control} />
      );
    case "integer":
      return <InputNumber min={0} precision={0} style={{ width: "100%" }} {...control} />;
    case "boolean":
      return <Checkbox {...control}>是</Checkbox>;
    default:
      return <Input {...control} />;
  }
}

/** The dialog. */
export function RecordFormModal({
  title,
  fields,
  record,
  defaults,
  open,
  onSave,
  onClose,
}: RecordFormModalProps): ReactNode {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The values are filled in each time the dialog opens, not on every render of the page behind it.
  const [opened, setOpened] = useState(0);
  const latest = useRef({ fields, record, defaults });
  latest.current = { fields, record, defaults };
  const [initial, setInitial] = useState<Record<string, unknown>>({});
  useEffect(() => {
    if (!open) return;
    const { fields: specs, record: shown, defaults: preset } = latest.current;
    setInitial({
      ...formValues(specs, shown as Readonly<Record<string, unknown>> | null),
      ...(shown ? {} : (preset ?? {})),
    });
    setOpened((n) => n + 1);
    setError(null);
  }, [open]);
  useEffect(() => {
    if (opened > 0) form.resetFields();
  }, [opened, form]);
  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await onSave(values);
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
    >
      <Form
        key={opened}
        form={form}
        initialValues={initial}
        layout="horizontal"
        labelCol={{ span: 7 }}
        wrapperCol={{ span: 17 }}
      >
        {fields.map((spec) => (
          <Form.Item
            key={spec.name}
            name={spec.name}
            label={spec.label}
            valuePropName={spec.type === "boolean" ? "checked" : "value"}
            rules={spec.required ? [{ required: true, message: `请填写${spec.label}` }] : []}
          >
            <FieldInput spec={spec} />
          </Form.Item>
        ))}
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
