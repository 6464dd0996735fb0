/**
 * The 申请人 part of the intake form (条例第二十九条): the applicant's kind (fixed once registered), name and
 * identity document or credit code, and how to reach them; an e-mail is required when the information is
 * to be sent by e-mail.
 */
import { Form, Input, Radio, Select, Space } from "antd";
import type { ReactNode } from "react";
import { isValidCreditCode, normaliseCreditCode } from "../../../src/core/agency/credit-code.ts";
import { APPLICANT_KIND_OPTIONS, ID_TYPE_OPTIONS } from "./request-labels.ts";

/** Props of IntakeApplicantFields. */
export interface IntakeApplicantFieldsProps {
  /** A natural person (else a legal person or other organisation). */
  readonly person: boolean;
  readonly deliveryMethod: string;
}

/** The 申请人 fieldset. */
export function IntakeApplicantFields({ person, deliveryMethod }: IntakeApplicantFieldsProps): ReactNode {
  return (
    <fieldset>
      <legend>申请人</legend>
      <Form.Item
        label="申请人类型"
        name="applicantKind"
        extra="决定计入年度报告表三的哪一列，登记后不能修改。"
        rules={[{ required: true }]}
      >
        <Radio.Group options={[...APPLICANT_KIND_OPTIONS]} />
      </Form.Item>
      <Form.Item
        label={person ? "姓名" : "单位名称"}
        name="name"
        rules={[{ required: true, whitespace: true, message: person ? "请填写姓名" : "请填写单位名称" }]}
      >
        <Input maxLength={100} style={{ maxWidth: 360 }} />
      </Form.Item>
      {person ? (
        <Space wrap align="start">
          <Form.Item label="证件类型" name="idType">
            <Select options={[...ID_TYPE_OPTIONS]} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            label="证件号码"
            name="idNumber"
            rules={[{ required: true, whitespace: true, message: "请填写证件号码" }, { max: 30 }]}
          >
            <Input className="mono-input" style={{ width: 260 }} />
          </Form.Item>
        </Space>
      ) : (
        <Space wrap align="start">
          <Form.Item
            label="统一社会信用代码"
            name="orgCreditCode"
            rules={[
              { required: true, whitespace: true, message: "请填写统一社会信用代码" },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (value && value.trim() !== "" && !isValidCreditCode(normaliseCreditCode(value))) {
                    throw new Error("统一社会信用代码应为 18 位且校验位正确，请核对");
                  }
                },
              },
            ]}
          >
            <Input className="mono-input" style={{ width: 260 }} maxLength={20} />
          </Form.Item>
          <Form.Item
            label="法定代表人或联系人"
            name="orgRepresentative"
            rules={[{ required: true, whitespace: true, message: "请填写法定代表人或联系人" }, { max: 50 }]}
          >
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
      )}
      <Space wrap align="start">
        <Form.Item
          label="联系电话"
          name="phone"
          rules={[
            { required: true, whitespace: true, message: "请填写联系电话" },
            { pattern: /^[0-9+\-() ]{7,20}$/, message: "请填写有效的电话号码" },
          ]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="电子邮箱"
          name="email"
          dependencies={["deliveryMethod"]}
          rules={[
            {
              required: deliveryMethod === "email",
              whitespace: true,
              message: "选择电子邮件获取时，请填写电子邮箱",
            },
            { type: "email", message: "请填写有效的电子邮箱" },
          ]}
        >
          <Input style={{ width: 260 }} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item label="通信地址" name="address" rules={[{ max: 200 }]}>
          <Input style={{ width: 420 }} />
        </Form.Item>
        <Form.Item
          label="邮政编码"
          name="postcode"
          rules={[{ pattern: /^\d{6}$/, message: "邮政编码为 6 位数字" }]}
        >
          <Input style={{ width: 120 }} maxLength={6} />
        </Form.Item>
      </Space>
    </fieldset>
  );
}
