/**
 * The "新建下级机关" dialog: POST /api/agencies under the selected agency.
 */
import { App, Form, Modal, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Agency } from "../api/api-types.ts";
import { AgencyFields, type AgencyFormValues, EMPTY_CONTACT } from "./agency-fields.tsx";

/** Props of CreateAgencyModal. */
export interface CreateAgencyModalProps {
  /** The parent of the new agency; the dialog is open while it is set. */
  readonly parent: Agency | null;
  readonly onClose: () => void;
  readonly onCreated: (agency: Agency) => void;
}

/** The dialog creating a child agency. */
export function CreateAgencyModal({ parent, onClose, onCreated }: CreateAgencyModalProps): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<AgencyFormValues>();
  const [saving, setSaving] = useState(false);

  const create = async (values: AgencyFormValues): Promise<void> => {
    if (!parent) return;
    setSaving(true);
    try {
      const created = await apiRequest<Agency>("/api/agencies", {
        method: "POST",
        body: {
          parentId: parent.id,
          name: values.name.trim(),
          kind: values.kind,
          creditCode: values.creditCode,
          contact: { ...EMPTY_CONTACT, ...values.contact },
        },
      });
      message.success(`已新建“${created.name}”`);
      form.resetFields();
      onCreated(created);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={parent !== null}
      title="新建下级机关"
      okText="新建"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>
        上级机关：<Typography.Text strong>{parent?.name}</Typography.Text>
      </Typography.Paragraph>
      <Form<AgencyFormValues>
        form={form}
        // Its own field ids: the profile form behind the dialog has the same fields, and labels need unique ids.
        name="create-agency"
        layout="vertical"
        initialValues={{ kind: "department", contact: EMPTY_CONTACT }}
        onFinish={create}
        disabled={saving}
      >
        <AgencyFields kindEditable />
      </Form>
    </Modal>
  );
}
