/**
 * `gongkai user create --username U --name N --agency ID --role ROLE [--password P]` and
 * `gongkai user reset-password --username U`: operator access when nobody can sign in. Generated passwords
 * are printed once; the user must change them at the next login.
 */
import { parseArgs } from "node:util";
import { generateTemporaryPassword } from "../auth/password-hashing.ts";
import { findUserByUsername } from "../auth/user.repository.ts";
import { isRole, ROLE_KEYS, ROLES, type Role } from "../core/access/permissions.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createUser, resetUserPassword } from "../users/user.service.ts";
import { withCliDatabase } from "./cli-database.ts";
import type { CommandIo } from "./command-io.ts";
import { positiveId, UsageError, withUsage } from "./command-line.ts";

/** Usage of the user commands. */
export const USER_USAGE = `用法：
  gongkai user create --username 用户名 --name 姓名 --agency 机关ID --role 角色 [--password 密码]
      角色：${ROLE_KEYS.map((k) => `${k}（${ROLES[k]}）`).join("、")}
      不给 --password 时生成随机密码并显示一次。
  gongkai user reset-password --username 用户名
`;

/** A role given by key (system_admin) or by Chinese name (系统管理员). */
function roleOf(value: string): Role | undefined {
  if (isRole(value)) return value;
  return ROLE_KEYS.find((k) => ROLES[k] === value);
}

/** Runs `gongkai user …`; returns the exit status. */
export async function runUser(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, USER_USAGE, () => {
    const [sub, ...rest] = args;
    if (sub === "create") return createCommand(rest, io);
    if (sub === "reset-password") return resetCommand(rest, io);
    throw new UsageError(
      sub === undefined ? "缺少子命令（create 或 reset-password）" : `不认识的子命令“${sub}”`,
    );
  });
}

/** `user create`. */
async function createCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      username: { type: "string" },
      name: { type: "string" },
      agency: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
    },
    strict: true,
  });
  if (!values.username) throw new UsageError("缺少 --username");
  if (!values.name) throw new UsageError("缺少 --name");
  const agencyId = positiveId(values.agency, "--agency");
  if (values.role === undefined) throw new UsageError("缺少 --role");
  const role = roleOf(values.role);
  if (!role) throw new UsageError(`--role 应为 ${ROLE_KEYS.join("、")} 之一，收到“${values.role}”`);
  const password = values.password ?? generateTemporaryPassword();
  return withCliDatabase(io, async (database) => {
    const { user } = await createUser(
      database,
      {
        username: values.username ?? "",
        displayName: values.name ?? "",
        password,
        roles: [{ agencyId, role }],
        mustChangePassword: true,
      },
      SYSTEM_ACTOR,
    );
    io.out(`已创建用户 ${user.username}（ID ${user.id}，${ROLES[role]}，机关ID ${agencyId}）\n`);
    if (values.password === undefined) {
      io.out(`初始密码：${password}\n该密码只显示这一次，请转交本人；首次登录后须修改密码。\n`);
    }
    return 0;
  });
}

/** `user reset-password`. */
async function resetCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { username: { type: "string" } }, strict: true });
  if (!values.username) throw new UsageError("缺少 --username");
  const username = values.username;
  return withCliDatabase(io, async (database) => {
    const user = await findUserByUsername(database.db, username);
    if (!user) {
      io.err(`错误：用户不存在：${username}\n`);
      return 1;
    }
    const temporaryPassword = await resetUserPassword(database, user.id, SYSTEM_ACTOR);
    io.out(
      `已重置用户 ${user.username} 的密码，其所有登录会话已失效。\n临时密码：${temporaryPassword}\n该密码只显示这一次；下次登录后须修改密码。\n`,
    );
    return 0;
  });
}
