/**
 * 登记申请: intake of a request handed in at the counter, posted or faxed. The receipt-date rule of the
 * channel (条例第三十一条, R-31-1 … R-31-4) is stated beside the date; the applicant's kind is fixed here; the
 * 条例第二十九条 particulars; optionally 当场答复 (R-33-0). The new case opens when it is saved.
 */
import "./requests-styles.css";
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import type { ApplicantKind } from "../../../src/core/request/outcomes.ts";
import { agencyIdsWhere } from "../access/user-access.ts";
import { agencyTree, useAgencyList } from "../agencies/agency-list.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { RequestCase, RequestChannel } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { navigate } from "../navigation/navigation.ts";
import { useUser } from "../session/session-context.tsx";
import { todayInShanghai } from "../shared/dates.ts";
import { IntakeApplicantFields } from "./intake-applicant-fields.tsx";
import { type IntakeValues, intakeBody, onTheSpotPossible } from "./intake-body.ts";
import { IntakeReceiptFields } from "./intake-receipt-fields.tsx";
import { deliveryOptionsFor, OUTCOME_OPTIONS, PROVISION_FORM_OPTIONS } from "./request-labels.ts";

type FormValues = Omit<IntakeValues, "receivedOn"> & { readonly receivedOn: Dayjs };

/** The intake page. */
export function IntakePage(): ReactNode {
  usePageTitle("登记申请");
  const me = useUser();
  const { message } = App.useApp();
  const { agencies } = useAgencyList();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const handling = useMemo(() => agencyIdsWhere(me, "request.handle", agencies), [me, agencies]);
  const tree = useMemo(() => agencyTree(agencies, handling), [agencies, handling]);
  const today = todayInShanghai();
  const channel: RequestChannel = Form.useWatch("channel", form) ?? "in_person";
  const kind: ApplicantKind = Form.useWatch("applicantKind", form) ?? "naturalPerson";
  const receivedOn: Dayjs | undefined = Form.useWatch("receivedOn", form);
  const onTheSpot: boolean = Form.useWatch("onTheSpot", form) ?? false;
  const provisionForm: string = Form.useWatch("provisionForm", form) ?? "paper";
  const deliveryMethod: string = Form.useWatch("deliveryMethod", form) ?? "post";
  const receivedText = receivedOn ? receivedOn.format("YYYY-MM-DD") : today;
  const spotPossible = onTheSpotPossible(channel, receivedText, today);
  const person = kind === "naturalPerson";
  const onlyAgency = handling.size === 1 ? [...handling][0] : undefined;
  useEffect(() => {
    // The agencies arrive after the form is shown: preselect the only one the user registers for.
    if (onlyAgency !== undefined && form.getFieldValue("agencyId") === undefined) {
      form.setFieldValue("agencyId", onlyAgency);
    }
  }, [onlyAgency, form]);

  const save = async (values: FormValues): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      const body = intakeBody({ ...values, receivedOn: values.receivedOn.format("YYYY-MM-DD") }, today);
      const created = await apiRequest<RequestCase>("/api/requests", { method: "POST", body });
      message.success(`已登记，申请编号 ${created.trackingNo}`);
      navigate(`/requests/${created.id}`);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      className="intake-form"
      onFinish={save}
      scrollToFirstError
      onValuesChange={(changed: Partial<FormValues>) => {
        // 纸质 is posted or picked up: a delivery by e-mail or online view no longer fits.
        if (
          changed.provisionForm === "paper" &&
          !deliveryOptionsFor("paper").some((o) => o.value === form.getFieldValue("deliveryMethod"))
        ) {
          form.setFieldValue("deliveryMethod", "post");
        }
      }}
      initialValues={{
        channel: "in_person",
        receivedOn: dayjs(today),
        applicantKind: "naturalPerson",
        idType: "resident_id",
        provisionForm: "paper",
        deliveryMethod: "post",
        onTheSpot: false,
      }}
    >
      <Typography.Paragraph type="secondary">
        登记当面提交、邮寄和传真提交的申请；在线申请由申请人在政府信息公开专栏提交，无需在此登记。身份证明等材料可在登记后的申请页面上传。
      </Typography.Paragraph>
      <IntakeReceiptFields tree={tree} channel={channel} today={today} />
      <IntakeApplicantFields person={person} deliveryMethod={deliveryMethod} />
      <fieldset>
        <legend>所需信息</legend>
        <Form.Item
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          name="description"
          rules={[{ required: true, whitespace: true, message: "请填写所需信息的描述" }, { max: 2000 }]}
        >
          <Input.TextArea rows={5} showCount maxLength={2000} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item label="提供形式" name="provisionForm" rules={[{ required: true }]}>
            <Radio.Group options={[...PROVISION_FORM_OPTIONS]} />
          </Form.Item>
          <Form.Item label="获取方式" name="deliveryMethod" rules={[{ required: true }]}>
            <Radio.Group options={deliveryOptionsFor(provisionForm)} />
          </Form.Item>
        </Space>
      </fieldset>
      {spotPossible && (
        <fieldset>
          <legend>当场答复（R-33-0）</legend>
          <Form.Item
            name="onTheSpot"
            valuePropName="checked"
            extra="能够当场答复的，应当当场予以答复；记为当天收到并答复。"
          >
            <Checkbox>当场答复</Checkbox>
          </Form.Item>
          {onTheSpot && (
            <Form.Item
              label="答复结果"
              name="onTheSpotOutcome"
              rules={[{ required: true, message: "请选择答复结果" }]}
            >
              <Select
                options={[...OUTCOME_OPTIONS]}
                showSearch={{ optionFilterProp: "label" }}
                style={{ maxWidth: 480 }}
              />
            </Form.Item>
          )}
        </fieldset>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          登记
        </Button>
        <Button onClick={() => navigate("/requests")}>取消</Button>
      </Space>
    </Form>
  );
}
