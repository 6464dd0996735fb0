/**
 * The 收到申请 part of the intake form: the receiving agency, the channel, the channel's receipt-date rule
 * (条例第三十一条, R-31-1 … R-31-4) and the date the request counts as received.
 */
import type { TreeSelectProps } from "antd";
import { Alert, DatePicker, Form, Radio, TreeSelect } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import type { RequestChannel } from "../api/request-types.ts";
import { CHANNEL_LABELS, INTAKE_CHANNELS, receiptDateLabel, receiptRuleOf } from "./request-labels.ts";

/** Props of IntakeReceiptFields. */
export interface IntakeReceiptFieldsProps {
  /** The agencies the user registers requests for, as a tree. */
  readonly tree: TreeSelectProps["treeData"];
  readonly channel: RequestChannel;
  /** Today ("YYYY-MM-DD"): no later receipt date can be chosen. */
  readonly today: string;
}

/** The 收到申请 fieldset. */
export function IntakeReceiptFields({ tree, channel, today }: IntakeReceiptFieldsProps): ReactNode {
  const rule = receiptRuleOf(channel);
  return (
    <fieldset>
      <legend>收到申请</legend>
      <Form.Item label="受理机关" name="agencyId" rules={[{ required: true, message: "请选择受理机关" }]}>
        <TreeSelect
          treeData={tree}
          treeDefaultExpandAll
          placeholder="选择机关"
          style={{ maxWidth: 360 }}
          showSearch={{ treeNodeFilterProp: "title" }}
        />
      </Form.Item>
      <Form.Item label="提交方式" name="channel" rules={[{ required: true }]}>
        <Radio.Group options={INTAKE_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))} />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        title={`${rule.rule}：${rule.text}`}
        description={
          channel === "fax" ? "登记后请在申请页面点“确认收到申请”，以双方确认之日为收到申请之日。" : undefined
        }
        className="receipt-rule"
      />
      <Form.Item
        label={`${receiptDateLabel(channel)}（即收到申请之日）`}
        name="receivedOn"
        rules={[{ required: true, message: "请选择日期" }]}
        extra="答复期限从这一天起算：自次日起第 20 个工作日（R-33-1）。"
        style={{ marginTop: 12 }}
      >
        <DatePicker
          format="YYYY-MM-DD"
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(today), "day")}
        />
      </Form.Item>
    </fieldset>
  );
}
