/**
 * The small form of one case action: exactly the fields of the action (dates default to today), the rule
 * it applies in one sentence, and POST /api/requests/:id/actions/:action. The server's refusal (dates out
 * of order, a second supplement notice …) is shown in the dialog and nothing changes.
 */
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { requestFee } from "../../../src/core/deadline/processing-fee.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { AdminUser } from "../api/api-types.ts";
import type { RequestCase } from "../api/request-types.ts";
import { useUser } from "../session/session-context.tsx";
import { todayInShanghai } from "../shared/dates.ts";
import { type ActionField, type ActionSpec, actionBody, fieldShown, initialValues } from "./case-actions.ts";

/** Field kinds picked from a list or a calendar rather than typed. */
const CHOSEN = new Set(["date", "select", "officer", "consultation"]);

/** Props of ActionModal. */
export interface ActionModalProps {
  /** The action; the dialog is open while it is set. */
  readonly spec: ActionSpec | null;
  readonly request: RequestCase;
  readonly onClose: () => void;
  readonly onDone: (updated: RequestCase) => void;
}

/** The consultations of a case still awaiting an answer, from its log. */
function consultationOptions(request: RequestCase): { value: string; label: string }[] {
  const answered = new Set(
    request.events
      .filter((e) => e.type.toLowerCase().includes("answered"))
      .map((e) => String(e.data?.consultationId ?? e.data?.id ?? "")),
  );
  return request.events
    .filter((e) => /consult/i.test(e.type) && !/answered/i.test(e.type))
    .map((e) => {
      const id = String(e.data?.consultationId ?? e.data?.id ?? e.seq);
      const who = typeof e.data?.consultee === "string" ? e.data.consultee : e.typeName;
      return { value: id, label: `${e.occurredOn} 发函：${who}` };
    })
    .filter((o) => !answered.has(o.value));
}

/** The case officers of the agency (or the user alone when the user list is not theirs to see). */
function useOfficers(request: RequestCase, needed: boolean): { value: number; label: string }[] {
  const me = useUser();
  const [users, setUsers] = useState<readonly AdminUser[] | null>(null);
  useEffect(() => {
    if (!needed) return;
    apiRequest<{ users: AdminUser[] }>("/api/users", { query: { agencyId: request.agencyId } })
      .then((answer) => setUsers(answer.users))
      .catch(() => setUsers([]));
  }, [needed, request.agencyId]);
  const handlers = (users ?? []).filter(
    (u) =>
      !u.disabled &&
      u.roles.some(
        (r) => r.agencyId === request.agencyId && (r.role === "case_officer" || r.role === "office_head"),
      ),
  );
  const options = handlers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  if (!options.some((o) => o.value === me.id))
    options.unshift({ value: me.id, label: `${me.displayName}（本人）` });
  return options;
}

/** The fee of a notice by R-FEE-1/2 (per item: counted after the applicant's earlier items this month). */
function FeeEstimate({
  method,
  quantity,
  itemsBefore,
}: {
  readonly method: unknown;
  readonly quantity: unknown;
  readonly itemsBefore: unknown;
}): ReactNode {
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 0) return null;
  if (method !== "per_item" && method !== "per_volume") return null;
  const fee =
    method === "per_item"
      ? requestFee({
          method: "item",
          itemsBefore: typeof itemsBefore === "number" ? itemsBefore : 0,
          items: quantity,
        })
      : requestFee({ method: "volume", pages: quantity });
  return (
    <Typography.Paragraph type="secondary">
      按 {fee.rule} 计算应收 {fee.yuan} 元
      {method === "per_item" && typeof itemsBefore !== "number" ? "（按本月此前没有其他申请估算）" : ""}。
    </Typography.Paragraph>
  );
}

/** The input of one field. */
function FieldInput({
  field,
  request,
  officers,
  ...control
}: {
  readonly field: ActionField;
  readonly request: RequestCase;
  readonly officers: { value: number; label: string }[];
  /** What Form.Item hands its input: id, value, onChange … */
  readonly [prop: string]: unknown;
}): ReactNode {
  switch (field.kind) {
    case "date":
      return <DatePicker {...control} format="YYYY-MM-DD" style={{ width: 180 }} allowClear={false} />;
    case "text":
      return <Input {...control} maxLength={200} />;
    case "textarea":
      return <Input.TextArea {...control} rows={3} maxLength={2000} showCount />;
    case "workdays":
      return (
        <InputNumber {...control} min={1} max={20} precision={0} suffix="个工作日" style={{ width: 180 }} />
      );
    case "quantity":
      return (
        <InputNumber {...control} min={1} max={100000} precision={0} suffix="件/页" style={{ width: 180 }} />
      );
    case "count":
      return (
        <InputNumber {...control} min={0} max={100000} precision={0} suffix="件" style={{ width: 180 }} />
      );
    case "select":
      return (
        <Select
          {...control}
          options={[...(field.options ?? [])]}
          placeholder="请选择"
          showSearch={{ optionFilterProp: "label" }}
        />
      );
    case "officer":
      return (
        <Select
          {...control}
          options={officers}
          placeholder="请选择承办人"
          showSearch={{ optionFilterProp: "label" }}
        />
      );
    case "consultation":
      return (
        <Select
          {...control}
          options={consultationOptions(request)}
          placeholder="请选择"
          notFoundContent="没有待答复的征求意见"
        />
      );
  }
}

/** The dialog of one action. */
export function ActionModal({ spec, request, onClose, onDone }: ActionModalProps): ReactNode {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const values = Form.useWatch([], form) ?? {};
  const officers = useOfficers(request, spec?.action === "assign");
  const initial = useMemo(() => {
    if (!spec) return {};
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(initialValues(spec, todayInShanghai())))
      out[name] = dayjs(value);
    return out;
  }, [spec]);

  const submit = async (raw: Record<string, unknown>): Promise<void> => {
    if (!spec) return;
    const plain: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw)) {
      plain[name] = dayjs.isDayjs(value) ? (value as Dayjs).format("YYYY-MM-DD") : value;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await apiRequest<RequestCase>(`/api/requests/${request.id}/actions/${spec.action}`, {
        method: "POST",
        body: actionBody(spec, plain),
      });
      message.success(`${spec.label}：已保存`);
      onDone(updated);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={spec !== null}
      title={spec ? `${spec.label}${spec.rule ? `（${spec.rule}）` : ""}` : ""}
      okText={spec?.danger ? `确认${spec.label}` : "保存"}
      okButtonProps={{ danger: spec?.danger ?? false }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      {spec && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false}>
          <Typography.Paragraph type="secondary">{spec.note}</Typography.Paragraph>
          {spec.fields.map((field) =>
            fieldShown(field, values) ? (
              <Form.Item
                key={field.name}
                name={field.name}
                label={field.label}
                extra={field.help}
                rules={
                  field.required
                    ? [
                        {
                          required: true,
                          message: `请${CHOSEN.has(field.kind) ? "选择" : "填写"}${field.label}`,
                        },
                      ]
                    : []
                }
              >
                <FieldInput field={field} request={request} officers={officers} />
              </Form.Item>
            ) : null,
          )}
          {spec.action === "notify_fee" && (
            <FeeEstimate method={values.method} quantity={values.quantity} itemsBefore={values.itemsBefore} />
          )}
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      )}
    </Modal>
  );
}
