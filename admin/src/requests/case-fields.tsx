/**
 * The particulars of a case as registered (条例第二十九条): the applicant, the information asked for, how
 * it is to be provided, how and when it was received (with the rule of 条例第三十一条), fee and outcome.
 */
import { Card, Descriptions, type DescriptionsProps, Typography } from "antd";
import type { ReactNode } from "react";
import type { RequestCase } from "../api/request-types.ts";
import { instantText } from "../shared/dates.ts";
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  DELIVERY_METHOD_OPTIONS,
  ID_TYPE_OPTIONS,
  labelOf,
  PROVISION_FORM_OPTIONS,
  receiptRuleOf,
} from "./request-labels.ts";

const text = (value: string | null | undefined): string =>
  value === null || value === undefined || value === "" ? "—" : value;

/** The particulars card. */
export function CaseFields({ request }: { readonly request: RequestCase }): ReactNode {
  const { applicant } = request;
  const person = applicant.kind === "naturalPerson";
  const receipt = CHANNEL_LABELS[request.channel] ? receiptRuleOf(request.channel) : null;
  const items: DescriptionsProps["items"] = [
    { key: "kind", label: "申请人类型", children: APPLICANT_KIND_LABELS[applicant.kind] ?? applicant.kind },
    { key: "name", label: person ? "姓名" : "名称", children: text(applicant.name) },
    ...(person
      ? [
          {
            key: "id",
            label: "身份证件",
            children: applicant.idNumber
              ? `${labelOf(ID_TYPE_OPTIONS, applicant.idType)} ${applicant.idNumber}`
              : "—",
          },
        ]
      : [
          { key: "code", label: "统一社会信用代码", children: text(applicant.orgCreditCode) },
          { key: "rep", label: "法定代表人或联系人", children: text(applicant.orgRepresentative) },
        ]),
    { key: "phone", label: "联系电话", children: text(applicant.phone) },
    { key: "email", label: "电子邮箱", children: text(applicant.email) },
    { key: "address", label: "通信地址", children: text(applicant.address), span: 2 },
    { key: "postcode", label: "邮政编码", children: text(applicant.postcode) },
    {
      key: "description",
      label: "所需信息",
      span: "filled" as const,
      children: (
        <Typography.Paragraph className="case-description">{request.description}</Typography.Paragraph>
      ),
    },
    { key: "form", label: "提供形式", children: labelOf(PROVISION_FORM_OPTIONS, request.provisionForm) },
    {
      key: "delivery",
      label: "获取方式",
      children: labelOf(DELIVERY_METHOD_OPTIONS, request.deliveryMethod),
    },
    { key: "channel", label: "提交方式", children: CHANNEL_LABELS[request.channel] ?? request.channel },
    {
      key: "receipt",
      label: "收到申请之日",
      span: "filled" as const,
      children: (
        <span>
          {request.receivedOn}
          <Typography.Text type="secondary">
            {" "}
            （{request.receiptRule || receipt?.rule}：{receipt?.text}）
          </Typography.Text>
          {request.confirmedAt && (
            <Typography.Text type="secondary">
              {" "}
              {text(request.confirmedByName)} 于 {instantText(request.confirmedAt)} 确认
            </Typography.Text>
          )}
        </span>
      ),
    },
    ...(request.fee
      ? [
          {
            key: "fee",
            label: "信息处理费",
            span: "filled" as const,
            children: `${request.fee.method === "per_item" ? "按件" : "按量"}计收 ${request.fee.quantity}${
              request.fee.method === "per_item" ? " 件" : " 页"
            }，${request.fee.amountYuan} 元；通知 ${text(request.fee.noticeOn)}，缴费 ${text(request.fee.paidOn)}`,
          },
        ]
      : []),
    ...(request.outcome
      ? [
          {
            key: "outcome",
            label: "办理结果",
            span: "filled" as const,
            children: `${request.outcome} ${text(request.outcomeName)}`,
          },
        ]
      : []),
  ];
  return (
    <Card title="申请信息" size="small">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xxl: 3 }}
        styles={{ label: { whiteSpace: "nowrap", width: 112 } }}
        items={items}
      />
    </Card>
  );
}
