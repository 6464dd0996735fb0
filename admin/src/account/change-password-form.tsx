/**
 * 修改密码: current password, new password (policy checked here and on the server) and its confirmation.
 * Other sessions of the user are signed out by the server.
 */
import { App, Button, Form, Input } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import { PASSWORD_POLICY_TEXT, PASSWORD_RULES } from "./password-policy.ts";

interface PasswordValues {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly confirmPassword: string;
}

/** Props of ChangePasswordForm. */
export interface ChangePasswordFormProps {
  /** Called after the password was changed. */
  readonly onChanged: () => void;
}

/** The change-password form. */
export function ChangePasswordForm({ onChanged }: ChangePasswordFormProps): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: PasswordValues): Promise<void> => {
    setSaving(true);
    try {
      await apiRequest<void>("/api/account/password", {
        method: "POST",
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      form.resetFields();
      message.success("密码已修改，您在其他设备上的登录已全部退出");
      onChanged();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={saving}
      style={{ maxWidth: 420 }}
      aria-label="修改密码"
    >
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: "请输入当前密码" }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={PASSWORD_RULES} extra={PASSWORD_POLICY_TEXT}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirmPassword"
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: "请再次输入新密码" },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value && value !== getFieldValue("newPassword")) throw new Error("两次输入的新密码不一致");
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        修改密码
      </Button>
    </Form>
  );
}
