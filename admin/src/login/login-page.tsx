/**
 * 登录: username and password; shows the server's message on failure. After a login whose password must be
 * changed, the user lands on 我的账号 with a notice.
 */
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { messageOf } from "../api/api-client.ts";
import { APP_NAME, usePageTitle } from "../layout/page-title.ts";
import { navigate } from "../navigation/navigation.ts";
import { useSession } from "../session/session-context.tsx";

interface LoginFields {
  readonly username: string;
  readonly password: string;
}

/** The login page. */
export function LoginPage(): ReactNode {
  usePageTitle("登录");
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (fields: LoginFields): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(fields.username.trim(), fields.password);
      if (user.mustChangePassword) navigate("/account", { replace: true });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          {APP_NAME}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle">
          请使用本机关分配的账号登录
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} className="login-error" role="alert" />}
        <Form<LoginFields> layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password
              prefix={<LockOutlined aria-hidden />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-help">
          忘记密码或账号被锁定，请联系本机关的系统管理员重置。
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
