/**
 * A password shown once (after a reset or to hand over a new account), with a copy button.
 */
import { Typography } from "antd";
import type { ReactNode } from "react";
import type { AdminUser } from "../api/api-types.ts";

/** Props of TemporaryPasswordNotice. */
export interface TemporaryPasswordNoticeProps {
  readonly user: Pick<AdminUser, "username" | "displayName">;
  readonly password: string;
  /** Whether the server makes the user change it at next login (true after a reset). */
  readonly mustChange: boolean;
}

/** The password and what to do with it. */
export function TemporaryPasswordNotice({
  user,
  password,
  mustChange,
}: TemporaryPasswordNoticeProps): ReactNode {
  return (
    <div>
      <Typography.Paragraph>
        用户 {user.displayName}（{user.username}）的{mustChange ? "临时密码" : "初始密码"}：
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: password, tooltips: ["复制", "已复制"] }}
        className="temporary-password"
      >
        <Typography.Text code>{password}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        该密码只显示这一次，关闭后无法再次查看。请当面或通过安全渠道告知本人，
        {mustChange ? "对方下次登录时须修改密码。" : "并提醒对方登录后在“我的账号”中修改密码。"}
      </Typography.Paragraph>
    </div>
  );
}
