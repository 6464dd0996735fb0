/**
 * The Chinese words the request pages use for the contract's keys: statuses, channels (with the receipt
 * rule of 条例第三十一条 taken from the deadline engine), applicant kinds, forms of provision, letters.
 */
import { RECEIPT_RULES, type ReceiptChannel } from "../../../src/core/deadline/deadline-events.ts";
import { LETTER_KINDS } from "../../../src/core/letter/letter-kinds.ts";
import { ID_TYPES } from "../../../src/core/request/applicant-check.ts";
import { APPLICANT_KINDS, type ApplicantKind, OUTCOMES } from "../../../src/core/request/outcomes.ts";
import { DELIVERY_METHODS, PROVISION_FORMS, STATUS_NAMES } from "../../../src/core/request/request-events.ts";
import type { AttachmentKind, LetterKind, RequestChannel, RequestStatus } from "../api/request-types.ts";

/** A value with its label, for selects and radio groups. */
export interface LabelledOption<T extends string = string> {
  readonly value: T;
  readonly label: string;
}

/** Status names, as the request machine names them (the server sends statusName too). */
export const STATUS_LABELS: Readonly<Record<RequestStatus, string>> = STATUS_NAMES;

/** A record of names as options, in its order. */
function optionsOf(names: Readonly<Record<string, string>>): LabelledOption[] {
  return Object.entries(names).map(([value, label]) => ({ value, label }));
}

/** The statuses as options, in the order of the workflow. */
export const STATUS_OPTIONS: readonly LabelledOption<RequestStatus>[] = (
  Object.keys(STATUS_LABELS) as RequestStatus[]
).map((value) => ({ value, label: STATUS_LABELS[value] }));

/** The channel names. */
export const CHANNEL_LABELS: Readonly<Record<RequestChannel, string>> = {
  in_person: "当面提交",
  post_registered: "邮寄（挂号/EMS 等需签收）",
  post_ordinary: "平常信函",
  online: "互联网（在线申请）",
  fax: "传真",
};

/** The deadline engine's name of each API channel. */
const ENGINE_CHANNEL: Readonly<Record<RequestChannel, ReceiptChannel>> = {
  in_person: "in-person",
  post_registered: "registered-post",
  post_ordinary: "ordinary-letter",
  online: "online",
  fax: "fax",
};

/** R-31-1 … R-31-4: the receipt-date rule of a channel, as the deadline engine states it. */
export function receiptRuleOf(channel: RequestChannel): { readonly rule: string; readonly text: string } {
  return RECEIPT_RULES[ENGINE_CHANNEL[channel]];
}

/** What the receipt-date field is called for a channel (the day the rule counts). */
export function receiptDateLabel(channel: RequestChannel): string {
  switch (channel) {
    case "in_person":
      return "提交日期";
    case "post_registered":
      return "签收日期";
    case "post_ordinary":
      return "与申请人确认日期";
    case "fax":
      return "收到传真日期";
    default:
      return "双方确认日期";
  }
}

/** The channels staff register by hand (online requests come in through the public form). */
export const INTAKE_CHANNELS: readonly RequestChannel[] = [
  "in_person",
  "post_registered",
  "post_ordinary",
  "fax",
];

/** Applicant kind names, index-aligned with table 三's columns. */
export const APPLICANT_KIND_LABELS: Readonly<Record<ApplicantKind, string>> = {
  naturalPerson: "自然人",
  commercial: "商业企业",
  research: "科研机构",
  publicInterest: "社会公益组织",
  legalService: "法律服务机构",
  otherOrg: "其他组织",
};

/** The applicant kinds as options. */
export const APPLICANT_KIND_OPTIONS: readonly LabelledOption<ApplicantKind>[] = APPLICANT_KINDS.map(
  (value) => ({ value, label: APPLICANT_KIND_LABELS[value] }),
);

/** Identity document types of a natural person, as the applicant check accepts them. */
export const ID_TYPE_OPTIONS: readonly LabelledOption[] = optionsOf(ID_TYPES);

/** Forms of provision (条例第二十九条). */
export const PROVISION_FORM_OPTIONS: readonly LabelledOption[] = optionsOf(PROVISION_FORMS);

/** Ways of receiving the information (paper: post or pickup only). */
export const DELIVERY_METHOD_OPTIONS: readonly LabelledOption[] = optionsOf(DELIVERY_METHODS);

/** The ways of receiving that suit a form of provision: paper is posted or picked up. */
export function deliveryOptionsFor(provisionForm: string): LabelledOption[] {
  return DELIVERY_METHOD_OPTIONS.filter(
    (o) => provisionForm !== "paper" || o.value === "post" || o.value === "pickup",
  );
}

/** Letter kind names, as the letters module names them. */
export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, string>> = LETTER_KINDS;

/** Attachment kind names. */
export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  identity: "身份证明",
  supplement: "补正材料",
  other: "其他材料",
};

/** The outcomes O-1 … O-6.3 as options, each with its legal basis. */
export const OUTCOME_OPTIONS: readonly LabelledOption[] = OUTCOMES.map((o) => ({
  value: o.id,
  label: o.basis === "—" ? `${o.id} ${o.name}` : `${o.id} ${o.name}（${o.basis}）`,
}));

/** The label of a key among options, or the key itself when unknown. */
export function labelOf(options: readonly LabelledOption[], value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return options.find((o) => o.value === value)?.label ?? value;
}
