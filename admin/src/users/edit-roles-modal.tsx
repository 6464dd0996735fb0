/**
 * The "修改角色" dialog: PUT /api/users/:id/roles with the whole list (roles in agencies the editor may not
 * manage are sent back unchanged).
 */
import { App, Form, Modal, Typography } from "antd";
import { type ReactNode, useState } from "react";
import type { AgencyTreeNode } from "../agencies/agency-list.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { AdminUser, RoleGrant } from "../api/api-types.ts";
import { RoleGrantsField } from "./role-grants-field.tsx";

/** Props of EditRolesModal. */
export interface EditRolesModalProps {
  /** The user whose roles are edited; the dialog is open while it is set. */
  readonly user: AdminUser | null;
  readonly tree: readonly AgencyTreeNode[];
  readonly manageable: ReadonlySet<number>;
  readonly agencyName: (id: number) => string;
  readonly onClose: () => void;
  readonly onSaved: (user: AdminUser) => void;
}

/** The dialog editing a user's roles. */
export function EditRolesModal(props: EditRolesModalProps): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: RoleGrant[] }>();
  const [saving, setSaving] = useState(false);
  const { user } = props;

  const save = async (values: { roles: RoleGrant[] }): Promise<void> => {
    if (!user) return;
    setSaving(true);
    try {
      const saved = await apiRequest<AdminUser>(`/api/users/${user.id}/roles`, {
        method: "PUT",
        body: { roles: values.roles.map((r) => ({ agencyId: r.agencyId, role: r.role })) },
      });
      message.success("角色已保存");
      props.onSaved(saved);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`修改角色：${user?.displayName ?? ""}`}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={680}
    >
      <Typography.Paragraph type="secondary">
        同一人可在不同机关担任不同角色。灰色的行属于您无权管理的机关，不会改变。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={saving}
        initialValues={{ roles: user?.roles.map((r) => ({ agencyId: r.agencyId, role: r.role })) ?? [] }}
      >
        <RoleGrantsField tree={props.tree} manageable={props.manageable} agencyName={props.agencyName} />
      </Form>
    </Modal>
  );
}
