/**
 * The "新建用户" dialog: username, name, an initial password (typed or generated) and the roles.
 */
import { App, Button, Form, Input, Modal, Space } from "antd";
import { type ReactNode, useState } from "react";
import { generatePassword, PASSWORD_POLICY_TEXT, PASSWORD_RULES } from "../account/password-policy.ts";
import type { AgencyTreeNode } from "../agencies/agency-list.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { AdminUser, RoleGrant } from "../api/api-types.ts";
import { RoleGrantsField } from "./role-grants-field.tsx";

interface CreateUserValues {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: RoleGrant[];
}

/** Props of CreateUserModal. */
export interface CreateUserModalProps {
  readonly open: boolean;
  readonly tree: readonly AgencyTreeNode[];
  readonly manageable: ReadonlySet<number>;
  readonly agencyName: (id: number) => string;
  /** Agency preselected for the first role (the filter of the list). */
  readonly defaultAgencyId: number | undefined;
  readonly onClose: () => void;
  readonly onCreated: (user: AdminUser, password: string) => void;
}

/** The dialog creating a user. */
export function CreateUserModal(props: CreateUserModalProps): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserValues>();
  const [saving, setSaving] = useState(false);

  const create = async (values: CreateUserValues): Promise<void> => {
    setSaving(true);
    try {
      const user = await apiRequest<AdminUser>("/api/users", {
        method: "POST",
        body: {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          roles: values.roles.map((r) => ({ agencyId: r.agencyId, role: r.role })),
        },
      });
      message.success(`已新建用户“${user.displayName}”`);
      props.onCreated(user, values.password);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  const firstAgency =
    props.defaultAgencyId !== undefined && props.manageable.has(props.defaultAgencyId)
      ? props.defaultAgencyId
      : undefined;

  return (
    <Modal
      open={props.open}
      title="新建用户"
      okText="新建"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={680}
    >
      <Form<CreateUserValues>
        form={form}
        layout="vertical"
        onFinish={create}
        disabled={saving}
        initialValues={{ roles: [{ agencyId: firstAgency }] }}
      >
        <Form.Item
          label="用户名（登录用）"
          name="username"
          rules={[
            { required: true, whitespace: true, message: "请填写用户名" },
            { pattern: /^[A-Za-z0-9._-]{2,40}$/, message: "用户名为 2—40 位字母、数字或 . _ -" },
          ]}
        >
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: "请填写姓名" }, { max: 50 }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="初始密码" required extra={`${PASSWORD_POLICY_TEXT}；新建后请提醒本人登录后修改。`}>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name="password" noStyle rules={PASSWORD_RULES}>
              <Input autoComplete="new-password" aria-label="初始密码" />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>
              生成随机密码
            </Button>
          </Space.Compact>
        </Form.Item>
        <RoleGrantsField tree={props.tree} manageable={props.manageable} agencyName={props.agencyName} />
      </Form>
    </Modal>
  );
}
