/**
 * The fields of an agency's profile and of its 公开指南 contact, shared by the profile form and the
 * "新建下级机关" dialog, with the client-side checks (the server also verifies the credit code's check
 * character).
 */
import { Divider, Form, Input, Select } from "antd";
import type { ReactNode } from "react";
import type { AgencyContact, AgencyKind } from "../api/api-types.ts";

/** The values of the agency form. */
export interface AgencyFormValues {
  readonly name: string;
  readonly kind: AgencyKind;
  readonly creditCode: string;
  readonly contact: AgencyContact;
}

/** 统一社会信用代码 (GB 32100): 18 characters of digits and capital letters without I, O, S, V, Z. */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The agency kinds with their Chinese names. */
export const AGENCY_KINDS: readonly { readonly value: AgencyKind; readonly label: string }[] = [
  { value: "government", label: "人民政府" },
  { value: "department", label: "政府部门" },
];

/** The contact fields of the 公开指南, in the order the guide lists them. */
const CONTACT_FIELDS: readonly {
  readonly key: keyof AgencyContact;
  readonly label: string;
  readonly hint: string;
}[] = [
  { key: "officeName", label: "公开办名称", hint: "如：××市人民政府办公室政务公开科" },
  { key: "address", label: "办公地址", hint: "含邮政编码更便于申请人邮寄" },
  { key: "hours", label: "办公时间", hint: "如：工作日 9:00—12:00，13:30—17:30" },
  { key: "phone", label: "联系电话", hint: "如：010-12345678" },
  { key: "fax", label: "传真", hint: "" },
  { key: "email", label: "电子邮箱", hint: "" },
  { key: "website", label: "网址", hint: "如：https://www.example.gov.cn" },
];

/** Props of AgencyFields. */
export interface AgencyFieldsProps {
  /** The kind cannot be changed after creation. */
  readonly kindEditable: boolean;
}

/** The Form.Items of an agency (inside an antd Form of AgencyFormValues). */
export function AgencyFields({ kindEditable }: AgencyFieldsProps): ReactNode {
  return (
    <>
      <Form.Item
        label="机关名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: "请填写机关名称" }, { max: 100 }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label="机关类型"
        name="kind"
        rules={[{ required: true, message: "请选择机关类型" }]}
        extra={kindEditable ? undefined : "机关类型创建后不能修改"}
      >
        <Select options={[...AGENCY_KINDS]} disabled={!kindEditable} />
      </Form.Item>
      <Form.Item
        label="统一社会信用代码"
        name="creditCode"
        normalize={(value: string) => value.toUpperCase().replace(/\s/g, "")}
        rules={[
          { required: true, message: "请填写统一社会信用代码" },
          {
            pattern: CREDIT_CODE_PATTERN,
            message: "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）",
          },
        ]}
        extra="18 位，服务器会校验最后一位校验码"
      >
        <Input maxLength={18} className="mono-input" />
      </Form.Item>
      <Divider titlePlacement="start">公开指南联系方式</Divider>
      {CONTACT_FIELDS.map((field) => (
        <Form.Item
          key={field.key}
          label={field.label}
          name={["contact", field.key]}
          extra={field.hint || undefined}
          rules={
            field.key === "email"
              ? [{ type: "email", message: "电子邮箱格式不正确" }]
              : [{ max: 200, message: "不能超过 200 个字" }]
          }
        >
          <Input maxLength={200} />
        </Form.Item>
      ))}
    </>
  );
}

/** Empty contact fields (for a new agency). */
export const EMPTY_CONTACT: AgencyContact = {
  officeName: "",
  address: "",
  hours: "",
  phone: "",
  fax: "",
  email: "",
  website: "",
};
