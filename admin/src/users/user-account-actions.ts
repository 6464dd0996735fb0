/**
 * The confirmed account actions on a user: 停用/启用 (PATCH disabled) and 重置密码 (the temporary password
 * is shown once, with a copy button).
 */
import { App } from "antd";
import { createElement } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { AdminUser } from "../api/api-types.ts";
import { TemporaryPasswordNotice } from "./temporary-password-notice.tsx";

/** The two actions, bound to the App's dialogs; `onChanged` reloads the list. */
export function useUserAccountActions(onChanged: () => void): {
  toggleDisabled(user: AdminUser): void;
  resetPassword(user: AdminUser): void;
} {
  const { modal, message } = App.useApp();

  const toggleDisabled = (user: AdminUser): void => {
    const disabling = !user.disabled;
    modal.confirm({
      title: disabling ? `停用账号“${user.displayName}”？` : `启用账号“${user.displayName}”？`,
      content: disabling
        ? "停用后该用户无法登录，已登录的会话也将失效。可随时重新启用。"
        : "启用后该用户可以重新登录。",
      okText: disabling ? "停用" : "启用",
      okButtonProps: disabling ? { danger: true } : {},
      cancelText: "取消",
      onOk: async () => {
        try {
          await apiRequest<AdminUser>(`/api/users/${user.id}`, {
            method: "PATCH",
            body: { disabled: disabling },
          });
          message.success(disabling ? "账号已停用" : "账号已启用");
          onChanged();
        } catch (error) {
          message.error(messageOf(error));
        }
      },
    });
  };

  const resetPassword = (user: AdminUser): void => {
    modal.confirm({
      title: `重置“${user.displayName}”的密码？`,
      content: "系统将生成一个临时密码，该用户的所有登录会话立即失效，下次登录时须修改密码。",
      okText: "重置密码",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        try {
          const { temporaryPassword } = await apiRequest<{ temporaryPassword: string }>(
            `/api/users/${user.id}/reset-password`,
            { method: "POST" },
          );
          modal.success({
            title: "密码已重置",
            content: createElement(TemporaryPasswordNotice, {
              user,
              password: temporaryPassword,
              mustChange: true,
            }),
            okText: "我已记下",
            width: 480,
          });
          onChanged();
        } catch (error) {
          message.error(messageOf(error));
        }
      },
    });
  };

  return { toggleDisabled, resetPassword };
}
