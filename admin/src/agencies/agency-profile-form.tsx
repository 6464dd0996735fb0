/**
 * The profile of one agency: its fields, 公开指南 contact and separation-of-duties settings, saved with
 * PATCH /api/agencies/:id; read-only for users who may not update it.
 */
import { LinkOutlined } from "@ant-design/icons";
import { App, Button, Form, Space, Typography } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Agency, AgencySettings } from "../api/api-types.ts";
import { AgencyDutySettings } from "./agency-duty-settings.tsx";
import { AgencyFields, type AgencyFormValues, EMPTY_CONTACT } from "./agency-fields.tsx";

/** Props of AgencyProfileForm. */
export interface AgencyProfileFormProps {
  readonly agency: Agency;
  readonly editable: boolean;
  /** Called with the saved agency. */
  readonly onSaved: (agency: Agency) => void;
}

/** The values of the profile form: the agency's fields and its settings. */
interface ProfileValues extends AgencyFormValues {
  readonly settings: AgencySettings;
}

/** The form values of an agency. */
function valuesOf(agency: Agency): ProfileValues {
  return {
    name: agency.name,
    kind: agency.kind,
    creditCode: agency.creditCode,
    contact: agency.contact,
    settings: agency.settings,
  };
}

/** The profile form of the selected agency. */
export function AgencyProfileForm({ agency, editable, onSaved }: AgencyProfileFormProps): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    form.setFieldsValue(valuesOf(agency));
    setDirty(false);
  }, [agency, form]);

  const save = async (values: ProfileValues): Promise<void> => {
    setSaving(true);
    try {
      const saved = await apiRequest<Agency>(`/api/agencies/${agency.id}`, {
        method: "PATCH",
        body: {
          name: values.name.trim(),
          creditCode: values.creditCode,
          contact: { ...EMPTY_CONTACT, ...values.contact },
          settings: {
            separateReviewDuties: values.settings.separateReviewDuties,
            letterSignOffByHead: values.settings.letterSignOffByHead,
          },
        },
      });
      message.success("已保存");
      setDirty(false);
      onSaved(saved);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<ProfileValues>
      form={form}
      layout="horizontal"
      labelCol={{ flex: "10.5em" }}
      labelWrap
      disabled={!editable || saving}
      onFinish={save}
      onValuesChange={() => setDirty(true)}
      aria-label={`${agency.name}的资料`}
    >
      {!editable && (
        <Typography.Paragraph type="secondary">
          您可以查看本机关资料，修改需由系统管理员或公开办负责人进行。
        </Typography.Paragraph>
      )}
      <AgencyFields kindEditable={false} />
      <AgencyDutySettings />
      <Space wrap>
        {editable && (
          <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>
            保存
          </Button>
        )}
        {editable && (
          <Button
            htmlType="button"
            disabled={!dirty || saving}
            onClick={() => form.setFieldsValue(valuesOf(agency))}
          >
            撤销修改
          </Button>
        )}
        <Typography.Link
          href={`/agencies/${agency.id}/disclosure/guide`}
          target="_blank"
          rel="noopener"
          disabled={false}
        >
          <LinkOutlined aria-hidden /> 查看公开指南（新窗口打开）
        </Typography.Link>
      </Space>
    </Form>
  );
}
