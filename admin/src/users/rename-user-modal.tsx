/**
 * The "修改姓名" dialog: PATCH /api/users/:id { displayName }.
 */
import { App, Form, Input, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { AdminUser } from "../api/api-types.ts";

/** Props of RenameUserModal. */
export interface RenameUserModalProps {
  /** The user renamed; the dialog is open while it is set. */
  readonly user: AdminUser | null;
  readonly onClose: () => void;
  readonly onSaved: (user: AdminUser) => void;
}

/** The dialog changing a user's name. */
export function RenameUserModal({ user, onClose, onSaved }: RenameUserModalProps): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string }>();
  const [saving, setSaving] = useState(false);

  const save = async ({ displayName }: { displayName: string }): Promise<void> => {
    if (!user) return;
    setSaving(true);
    try {
      const saved = await apiRequest<AdminUser>(`/api/users/${user.id}`, {
        method: "PATCH",
        body: { displayName: displayName.trim() },
      });
      message.success("姓名已修改");
      onSaved(saved);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`修改姓名：${user?.username ?? ""}`}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ displayName: user?.displayName }}>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: "请填写姓名" }, { max: 50 }]}
        >
          <Input maxLength={50} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
