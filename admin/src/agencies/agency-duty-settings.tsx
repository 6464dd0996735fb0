/**
 * The agency's separation-of-duties switches (SOD-1 先审后发分人办理, SOD-2 答复书须由负责人签发), both on by
 * default; shown inside the profile form and saved with it.
 */
import { Divider, Form, Switch } from "antd";
import type { ReactNode } from "react";

/** The Form.Items of the two settings (inside an antd Form whose values have `settings`). */
export function AgencyDutySettings(): ReactNode {
  return (
    <>
      <Divider titlePlacement="start">分人办理</Divider>
      <Form.Item
        label="先审后发分人办理"
        name={["settings", "separateReviewDuties"]}
        valuePropName="checked"
        extra="开启后，提交信息的人不能审查该信息，同一人不能办理同一信息的两个审查环节（保密审查、审核、审签）；退回后重新提交的，重新计算。人员较少的机关可以关闭。"
      >
        <Switch checkedChildren="开" unCheckedChildren="关" />
      </Form.Item>
      <Form.Item
        label="答复书须由负责人签发"
        name={["settings", "letterSignOffByHead"]}
        valuePropName="checked"
        extra="开启后，答复书等文书只能由本机关的公开办负责人签发，且签发人不能是起草人。关闭后，承办人可以签发。"
      >
        <Switch checkedChildren="开" unCheckedChildren="关" />
      </Form.Item>
    </>
  );
}
