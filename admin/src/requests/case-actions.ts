/**
 * The actions of a case (POST /api/requests/:id/actions/:action): each one's button label, the rule it
 * applies, and exactly the fields of its body. Dates default to today; the body holds only what the action
 * takes, with optional fields left out when empty.
 */
import { type LabelledOption, OUTCOME_OPTIONS } from "./request-labels.ts";

/** The kind of input a field needs. */
export type FieldKind =
  | "date"
  | "text"
  | "textarea"
  | "workdays"
  | "quantity"
  | "count"
  | "select"
  | "officer"
  | "consultation";

/** One field of an action's form. */
export interface ActionField {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly options?: readonly LabelledOption[];
  /** A hint under the field. */
  readonly help?: string;
  /** A date still to come (a period's end): left for the user to choose instead of today. */
  readonly future?: boolean;
  /** Shown only when another field has one of these values. */
  readonly when?: { readonly field: string; readonly values: readonly string[] };
}

/** An action: its label, the rule it applies, a note, its fields; `danger` asks for a second look. */
export interface ActionSpec {
  readonly action: string;
  readonly label: string;
  readonly rule: string;
  readonly note: string;
  readonly fields: readonly ActionField[];
  readonly danger?: boolean;
}

const date = (name: string, label: string, help?: string): ActionField => ({
  name,
  label,
  kind: "date",
  required: true,
  ...(help ? { help } : {}),
});
const text = (name: string, label: string, required = true): ActionField => ({
  name,
  label,
  kind: "textarea",
  required,
});

/** Every action the contract knows, in the order the buttons are shown. */
export const ACTION_SPECS: readonly ActionSpec[] = [
  {
    action: "confirm",
    label: "确认收到申请",
    rule: "R-31-4",
    note: "互联网、传真提交的申请，以双方确认之日为收到申请之日（条例第三十一条第（三）项）。",
    fields: [date("date", "确认日期")],
  },
  {
    action: "assign",
    label: "指定承办人",
    rule: "",
    note: "指定负责办理本申请的承办人。",
    fields: [{ name: "caseOfficerId", label: "承办人", kind: "officer", required: true }],
  },
  {
    action: "request_supplement",
    label: "告知补正",
    rule: "R-30-1",
    note: "申请内容不明确的，应在收到申请之日起 7 个工作日内一次性告知申请人补正的事项和合理期限；只能告知一次。",
    fields: [
      date("date", "告知日期"),
      { ...date("supplementBy", "补正期限", "申请人应在此日期前提交补正材料"), future: true },
      text("items", "需要补正的事项"),
    ],
  },
  {
    action: "receive_supplement",
    label: "收到补正",
    rule: "R-30-2",
    note: "答复期限自收到补正的申请之日起重新计算。",
    fields: [
      date("date", "收到补正日期"),
      {
        name: "lateReason",
        label: "逾期补正的正当理由",
        kind: "textarea",
        required: false,
        help: "超过补正期限才收到的，写明申请人的正当理由；按期收到的不填",
      },
    ],
  },
  {
    action: "supplement_expired",
    label: "逾期未补正",
    rule: "R-30-3",
    note: "申请人无正当理由逾期不补正的，视为放弃申请，本申请办结（计入表三（六）1）。",
    fields: [date("date", "认定日期")],
    danger: true,
  },
  {
    action: "consult",
    label: "征求意见",
    rule: "R-32-1 / R-34-1",
    note: "征求第三方或其他机关意见所需时间不计算在答复期限内（R-33-4），对方在 15 个工作日内答复。",
    fields: [
      date("date", "发函日期"),
      {
        name: "party",
        label: "征求对象",
        kind: "select",
        required: true,
        options: [
          { value: "third-party", label: "第三方（条例第三十二条）" },
          { value: "agency", label: "其他机关（条例第三十四条）" },
        ],
      },
      { name: "consultee", label: "对方名称", kind: "text", required: true },
    ],
  },
  {
    action: "consultation_answered",
    label: "收到意见答复",
    rule: "R-33-5",
    note: "自发函次日起至收到答复之日（最长 15 个工作日）的工作日不计入答复期限。",
    fields: [
      date("date", "收到答复日期"),
      { name: "consultationId", label: "对应的征求意见", kind: "consultation", required: true },
    ],
  },
  {
    action: "propose_extension",
    label: "申请延期答复",
    rule: "R-33-2",
    note: "需要延长答复期限的，经政府信息公开工作机构负责人同意，最长延长 20 个工作日，须在原答复期限届满前批准并告知申请人。",
    fields: [
      {
        name: "workdays",
        label: "延长工作日数",
        kind: "workdays",
        required: true,
        help: "1 至 20 个工作日",
      },
      text("reason", "延期理由"),
    ],
  },
  {
    action: "approve_extension",
    label: "批准延期",
    rule: "R-33-2 / R-33-3",
    note: "由公开办负责人批准；批准和告知申请人都须在原答复期限届满之日或之前。",
    fields: [date("approvedOn", "批准日期"), date("notifiedOn", "告知申请人日期")],
  },
  {
    action: "delay",
    label: "延迟答复",
    rule: "R-35-1",
    note: "申请数量、频次明显超过合理范围但理由合理、无法在法定期限内答复的，可确定延迟答复的合理期限并告知申请人，该日期即为答复期限。",
    fields: [
      date("date", "告知日期"),
      { ...date("replyBy", "延迟答复期限"), future: true },
      text("reason", "理由"),
    ],
  },
  {
    action: "notify_fee",
    label: "发出收费通知",
    rule: "R-FEE-1 / R-FEE-2 / R-FEE-3",
    note: "申请人应在收到收费通知之日起 20 个工作日内缴费；通知至缴费期间不计入答复期限。",
    fields: [
      date("date", "通知日期"),
      {
        name: "method",
        label: "计收方式",
        kind: "select",
        required: true,
        options: [
          { value: "per_item", label: "按件计收（R-FEE-1）" },
          { value: "per_volume", label: "按量计收（R-FEE-2）" },
        ],
      },
      { name: "quantity", label: "件数或页数", kind: "quantity", required: true },
      {
        name: "itemsBefore",
        label: "该申请人本月此前已申请件数",
        kind: "count",
        required: false,
        help: "按件计收按同一申请人一个自然月内的累计件数分档（R-FEE-1）",
        when: { field: "method", values: ["per_item"] },
      },
    ],
  },
  {
    action: "fee_paid",
    label: "已缴费",
    rule: "R-FEE-3",
    note: "缴费之日起恢复计算答复期限。",
    fields: [date("date", "缴费日期")],
  },
  {
    action: "fee_expired",
    label: "逾期未缴费",
    rule: "R-FEE-3",
    note: "逾期未缴纳信息处理费的，视为放弃申请，本申请办结（计入表三（六）2）。",
    fields: [date("date", "认定日期")],
    danger: true,
  },
  {
    action: "close",
    label: "办结答复",
    rule: "O-1 … O-6.3",
    note: "选择办理结果；每件申请只计入表三的一个结果。办结后请生成并签发答复书。",
    fields: [
      date("date", "答复日期"),
      { name: "outcome", label: "办理结果", kind: "select", required: true, options: OUTCOME_OPTIONS },
      text("reason", "理由和依据"),
      {
        name: "responsibleAgency",
        label: "负责公开该信息的机关",
        kind: "text",
        required: false,
        help: "能够确定的，告知申请人该机关的名称、联系方式（条例第三十六条第（五）项）",
        when: { field: "outcome", values: ["O-4.1"] },
      },
    ],
    danger: true,
  },
  {
    action: "withdraw",
    label: "申请人撤回",
    rule: "O-6.3",
    note: "申请人撤回申请的，本申请办结（计入表三（六）3）。",
    fields: [date("date", "撤回日期"), text("reason", "撤回情况说明")],
    danger: true,
  },
];

/** The spec of an action key, or undefined for an action this page does not know. */
export function actionSpec(action: string): ActionSpec | undefined {
  return ACTION_SPECS.find((spec) => spec.action === action);
}

/** The allowed actions the page can offer, in button order (approve_extension is shown with the proposal). */
export function offeredActions(allowed: readonly string[]): ActionSpec[] {
  return ACTION_SPECS.filter((spec) => allowed.includes(spec.action) && spec.action !== "approve_extension");
}

/** Whether a field is shown for the current values. */
export function fieldShown(field: ActionField, values: Readonly<Record<string, unknown>>): boolean {
  if (!field.when) return true;
  const current = values[field.when.field];
  return typeof current === "string" && field.when.values.includes(current);
}

/** The initial values of an action's form: every date field of something done today; periods' ends empty. */
export function initialValues(spec: ActionSpec, today: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of spec.fields) if (field.kind === "date" && !field.future) values[field.name] = today;
  return values;
}

/**
 * The body of the action from the form's values: only its fields, dates as "YYYY-MM-DD", numbers as
 * numbers, texts trimmed; optional and hidden fields left out when empty.
 */
export function actionBody(
  spec: ActionSpec,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (!fieldShown(field, values)) continue;
    const value = values[field.name];
    if (value === undefined || value === null) continue;
    if (
      field.kind === "workdays" ||
      field.kind === "quantity" ||
      field.kind === "count" ||
      field.kind === "officer"
    ) {
      const n = typeof value === "number" ? value : Number(value);
      if (Number.isFinite(n)) body[field.name] = n;
      continue;
    }
    const textValue = String(value).trim();
    if (textValue === "" && !field.required) continue;
    body[field.name] = textValue;
  }
  return body;
}
