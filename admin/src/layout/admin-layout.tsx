/**
 * The frame of every signed-in page: side menu (built from the route table), header with the user, their
 * roles and 退出登录, and the page itself.
 */
import { LogoutOutlined } from "@ant-design/icons";
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import type { User } from "../api/api-types.ts";
import { navigate } from "../navigation/navigation.ts";
import type { AdminRoute } from "../navigation/route-table.tsx";
import { useSession } from "../session/session-context.tsx";
import { APP_NAME } from "./page-title.ts";

/** Props of AdminLayout. */
export interface AdminLayoutProps {
  readonly user: User;
  readonly routes: readonly AdminRoute[];
  readonly current: AdminRoute;
  readonly children: ReactNode;
}

/** Up to three role badges, the rest in a tooltip. */
function RoleBadges({ user }: { readonly user: User }): ReactNode {
  const labels = user.roles.map((r) => `${r.agencyName} · ${r.roleName}`);
  const shown = labels.slice(0, 3);
  const rest = labels.slice(3);
  return (
    <span className="role-badges">
      {shown.map((label) => (
        <Tag key={label} color="blue">
          {label}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.join("；")}>
          <Tag tabIndex={0}>另有 {rest.length} 项</Tag>
        </Tooltip>
      )}
    </span>
  );
}

/** The signed-in frame. */
export function AdminLayout({ user, routes, current, children }: AdminLayoutProps): ReactNode {
  const { signOut } = useSession();
  return (
    <Layout className="admin-layout">
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} className="admin-sider">
        <div className="admin-brand">{APP_NAME}</div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[current.path]}
            items={routes.map((route) => ({ key: route.path, icon: route.icon, label: route.title }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="admin-header">
          <Space size="middle" wrap className="admin-header-user">
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary">（{user.username}）</Typography.Text>
            <RoleBadges user={user} />
          </Space>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            退出登录
          </Button>
        </Layout.Header>
        {/* Layout.Content is the page's one <main> landmark, named by the page title. */}
        <Layout.Content className="admin-content" aria-labelledby="page-title">
          <Typography.Title level={2} id="page-title" className="page-title">
            {current.title}
          </Typography.Title>
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
