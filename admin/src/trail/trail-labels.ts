/**
 * Chinese names for what the audit trail records: actions and the fields of the objects changed. Unknown
 * codes are shown as recorded.
 */
import { isRole, ROLES } from "../../../src/core/access/permissions.ts";

/** Names of the actions recorded by the platform. */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  "session.login": "登录",
  "session.logout": "退出登录",
  "session.revoke": "注销会话",
  "user.lock": "账号因多次登录失败被锁定",
  "user.change_password": "修改本人密码",
  "user.create": "新建用户",
  "user.update": "修改用户（姓名或停用/启用）",
  "user.roles": "修改用户角色",
  "user.reset_password": "重置用户密码",
  "agency.create": "新建机关",
  "agency.update": "修改机关资料",
};

/** Names of the recorded fields (nested fields joined with "."). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: "名称",
  kind: "机关类型",
  creditCode: "统一社会信用代码",
  parentId: "上级机关",
  "contact.officeName": "公开办名称",
  "contact.address": "办公地址",
  "contact.hours": "办公时间",
  "contact.phone": "联系电话",
  "contact.fax": "传真",
  "contact.email": "电子邮箱",
  "contact.website": "网址",
  username: "用户名",
  displayName: "姓名",
  disabled: "已停用",
  mustChangePassword: "须修改密码",
  roles: "角色",
  otherSessionsRevoked: "注销的其他会话数",
};

/** Names of the kinds of objects recorded. */
const ENTITY_LABELS: Readonly<Record<string, string>> = {
  agency: "机关",
  user: "用户",
  session: "会话",
};

/** The Chinese name of the role an entry was made under ("system" for the platform itself). */
export function actorRoleLabel(role: string): string {
  if (role === "system") return "系统";
  return isRole(role) ? ROLES[role] : role;
}

/** The Chinese name of a kind of object, or its code. */
export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

/** The Chinese name of an action, or the code itself. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** Suggestions for the action filter: the known actions with their names. */
export const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));

/** The Chinese name of a recorded field, or its path. */
export function fieldLabel(path: string): string {
  return FIELD_LABELS[path] ?? path;
}
