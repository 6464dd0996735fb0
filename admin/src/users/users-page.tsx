/**
 * 用户与角色: the users holding a role in the agencies the user may see (filter by agency), and for
 * 系统管理员 the management actions: 新建用户, 修改姓名, 修改角色, 重置密码, 停用/启用.
 */
import { PlusOutlined } from "@ant-design/icons";
import type { TableColumnsType as ColumnsType } from "antd";
import { App, Button, Dropdown, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { agencyIdsWhere, mayAnywhere } from "../access/user-access.ts";
import { agencyNames, agencyTree, useAgencyList } from "../agencies/agency-list.ts";
import { apiRequest } from "../api/api-client.ts";
import type { AdminUser } from "../api/api-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect } from "../shared/agency-year-picker.tsx";
import { localDayText } from "../shared/dates.ts";
import { ReloadButton } from "../shared/filter-bar.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { CreateUserModal } from "./create-user-modal.tsx";
import { EditRolesModal } from "./edit-roles-modal.tsx";
import { RenameUserModal } from "./rename-user-modal.tsx";
import { TemporaryPasswordNotice } from "./temporary-password-notice.tsx";
import { useUserAccountActions } from "./user-account-actions.ts";

/** The status of an account in words. */
function StatusTag({ user }: { readonly user: AdminUser }): ReactNode {
  if (user.disabled) return <Tag color="default">已停用</Tag>;
  if (user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs())) {
    return <Tag color="orange">锁定至 {dayjs(user.lockedUntil).format("HH:mm")}</Tag>;
  }
  if (user.mustChangePassword) return <Tag color="gold">待修改密码</Tag>;
  return <Tag color="green">正常</Tag>;
}

/** The users page. */
export function UsersPage(): ReactNode {
  usePageTitle("用户与角色");
  const me = useUser();
  const { modal } = App.useApp();
  const { agencies } = useAgencyList();
  const [agencyId, setAgencyId] = useState<number | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<AdminUser | null>(null);
  const [editingRoles, setEditingRoles] = useState<AdminUser | null>(null);

  const viewable = useMemo(() => agencyIdsWhere(me, "user.view", agencies), [me, agencies]);
  const manageable = useMemo(() => agencyIdsWhere(me, "user.manage", agencies), [me, agencies]);
  const manageTree = useMemo(() => agencyTree(agencies, manageable), [agencies, manageable]);
  const names = useMemo(() => agencyNames(agencies), [agencies]);
  const agencyName = useCallback((id: number) => names.get(id) ?? `机关 ${id}`, [names]);
  const mayManageSome = mayAnywhere(me, "user.manage");

  const read = useCallback(
    async () => (await apiRequest<{ users: AdminUser[] }>("/api/users", { query: { agencyId } })).users,
    [agencyId],
  );
  const { data, loading, reload: load } = useApiQuery(read);
  const users: readonly AdminUser[] = data ?? [];

  const { toggleDisabled, resetPassword } = useUserAccountActions(() => void load());
  const mayManage = (user: AdminUser): boolean =>
    user.id !== me.id && user.roles.some((r) => manageable.has(r.agencyId));

  const columns: ColumnsType<AdminUser> = [
    { title: "姓名", dataIndex: "displayName", key: "displayName" },
    { title: "用户名", dataIndex: "username", key: "username" },
    {
      title: "机关与角色",
      key: "roles",
      render: (_value, user) => (
        <Space size={[4, 4]} wrap>
          {user.roles.map((r) => (
            <Tag key={`${r.agencyId}-${r.role}`}>
              {r.agencyName} · {r.roleName}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: "状态", key: "status", width: 130, render: (_value, user) => <StatusTag user={user} /> },
    {
      title: "创建时间",
      dataIndex: "createdAt",
      key: "createdAt",
      width: 120,
      render: (value: string) => localDayText(value),
    },
  ];
  if (mayManageSome) {
    columns.push({
      title: "操作",
      key: "actions",
      width: 200,
      render: (_value, user) =>
        mayManage(user) ? (
          <Space size={0} wrap>
            <Button type="link" onClick={() => setEditingRoles(user)}>
              修改角色
            </Button>
            <Dropdown
              trigger={["click"]}
              menu={{
                items: [
                  { key: "rename", label: "修改姓名" },
                  { key: "reset", label: "重置密码" },
                  { key: "toggle", label: user.disabled ? "启用账号" : "停用账号", danger: !user.disabled },
                ],
                onClick: ({ key }) => {
                  if (key === "rename") setRenaming(user);
                  else if (key === "reset") resetPassword(user);
                  else toggleDisabled(user);
                },
              }}
            >
              <Button type="link" aria-label={`${user.displayName}的更多操作`}>
                更多
              </Button>
            </Dropdown>
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {user.id === me.id ? "本人（请在“我的账号”中修改）" : "—"}
          </Typography.Text>
        ),
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <label htmlFor="users-agency-filter">按机关筛选：</label>
        <AgencySelect
          id="users-agency-filter"
          agencies={agencies}
          allowed={viewable}
          allowClear
          value={agencyId}
          onChange={setAgencyId}
          width={280}
        />
        <ReloadButton onReload={() => void load()} />
        {mayManageSome && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            新建用户
          </Button>
        )}
      </Space>
      <Table<AdminUser>
        rowKey="id"
        columns={columns}
        dataSource={[...users]}
        loading={loading}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 人`, hideOnSinglePage: true }}
        locale={{ emptyText: "没有符合条件的用户" }}
      />
      <CreateUserModal
        open={creating}
        tree={manageTree}
        manageable={manageable}
        agencyName={agencyName}
        defaultAgencyId={agencyId}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          modal.success({
            title: "用户已新建",
            content: (
              <TemporaryPasswordNotice user={user} password={password} mustChange={user.mustChangePassword} />
            ),
            okText: "我已记下",
            width: 480,
          });
          void load();
        }}
      />
      <RenameUserModal
        user={renaming}
        onClose={() => setRenaming(null)}
        onSaved={() => {
          setRenaming(null);
          void load();
        }}
      />
      <EditRolesModal
        user={editingRoles}
        tree={manageTree}
        manageable={manageable}
        agencyName={agencyName}
        onClose={() => setEditingRoles(null)}
        onSaved={() => {
          setEditingRoles(null);
          void load();
        }}
      />
    </Space>
  );
}
