/**
 * 我的账号: who the user is, 修改密码 (required after a reset or for a new account) and the user's own
 * login sessions (shown once the password no longer has to be changed).
 */
import { Alert, Card, Descriptions, Space, Tag } from "antd";
import { type ReactNode, useState } from "react";
import { usePageTitle } from "../layout/page-title.ts";
import { useSession, useUser } from "../session/session-context.tsx";
import { ChangePasswordForm } from "./change-password-form.tsx";
import { SessionsTable } from "./sessions-table.tsx";

/** The account page. */
export function AccountPage(): ReactNode {
  usePageTitle("我的账号");
  const user = useUser();
  const { reload } = useSession();
  const [refreshKey, setRefreshKey] = useState(0);

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title="请先修改密码"
          description="您的密码是由管理员设置的临时密码。为保障账号安全，请修改密码后再使用其他功能。"
        />
      )}
      <Card title="账号信息">
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="机关与角色">
            <Space size={[4, 4]} wrap>
              {user.roles.map((r) => (
                <Tag key={`${r.agencyId}-${r.role}`} color="blue">
                  {r.agencyName} · {r.roleName}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm
          onChanged={() => {
            setRefreshKey((k) => k + 1);
            void reload();
          }}
        />
      </Card>
      {/* The server opens nothing but the password change until it is done (PASSWORD_CHANGE_REQUIRED). */}
      {!user.mustChangePassword && (
        <Card title="登录会话">
          <SessionsTable refreshKey={refreshKey} />
        </Card>
      )}
    </Space>
  );
}
