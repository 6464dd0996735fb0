/**
 * The placeholder values of a request's letters, from what is known about the request: its fields, its
 * agency's profile and the data of its case-log events (the latest event carrying each datum wins).
 */
import { outcomeById } from "../request/outcomes.ts";
import { chineseDate, type PlaceholderValues } from "./letter-placeholders.ts";

/** One case-log event: its day and its data. */
export interface LetterEventFact {
  readonly occurredOn: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What the letters of a request may say about it. */
export interface LetterFacts {
  readonly trackingNo: string;
  readonly applicantName: string;
  readonly receivedOn: string;
  readonly description: string;
  readonly provisionForm: string;
  readonly deliveryMethod: string;
  readonly dueOn: string | null;
  readonly outcome: string | null;
  readonly agency: {
    readonly name: string;
    readonly officeName: string;
    readonly officePhone: string;
    readonly officeAddress: string;
    readonly officeEmail: string;
  };
  /** The case log, oldest first. */
  readonly events: readonly LetterEventFact[];
  /** The phone of the responsible agency named in the closing decision, when it is an agency of the platform. */
  readonly responsibleAgencyPhone?: string;
}

const PROVISION_FORMS: Readonly<Record<string, string>> = { paper: "纸质", electronic: "电子" };
const DELIVERY_METHODS: Readonly<Record<string, string>> = {
  post: "邮寄",
  mail: "邮寄",
  pickup: "自取",
  self_pickup: "自取",
  email: "电子邮件",
  online: "在线查看",
};

/** A text datum, trimmed, without a final full stop (the templates add their own punctuation). */
function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  if (Array.isArray(value))
    return text(
      value
        .map((v) => String(v).trim())
        .filter((v) => v !== "")
        .join("；"),
    );
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim().replace(/[。.]+$/, "");
  return trimmed === "" ? undefined : trimmed;
}

/** A date datum as letters write it. */
function date(value: unknown): string | undefined {
  const t = text(value);
  return t === undefined ? undefined : chineseDate(t);
}

/** The latest event whose data has `key` (and, when given, `where` holds). */
function latestWith(
  events: readonly LetterEventFact[],
  key: string,
  where: (data: Readonly<Record<string, unknown>>) => boolean = () => true,
): LetterEventFact | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event && event.data[key] !== undefined && where(event.data)) return event;
  }
  return undefined;
}

/** The fee data of the latest fee notice event (R-FEE-1/2: method per_item / per_volume and quantity). */
function feeValues(events: readonly LetterEventFact[]): PlaceholderValues {
  const fee = latestWith(events, "quantity", (d) => d.method !== undefined);
  if (!fee) return {};
  const perItem = String(fee.data.method).includes("item");
  const amount = fee.data.amountYuan ?? fee.data.amount;
  return {
    feeMethod: perItem ? "按件计收" : "按量计收",
    feeQuantity:
      text(fee.data.quantity) === undefined
        ? undefined
        : `${text(fee.data.quantity)}${perItem ? "件" : "页"}`,
    feeStandard: perItem
      ? "按件计收，同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11件至30件（含30件）的部分，按100元/件收费；30件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件"
      : "按量计收，30页以下（含30页）的，不收费；31页至100页（含100页）的部分，按10元/页收费；101页至200页（含200页）的部分，按20元/页收费；200页以上的部分，按40元/页收费",
    feeAmount: text(amount),
    feeNoticeOn: chineseDate(fee.occurredOn),
  };
}

/** The values of every placeholder known for the request (the date of issue is filled when issuing). */
export function letterValues(
  facts: LetterFacts,
  consultedParty?: "third-party" | "agency",
): PlaceholderValues {
  const { events } = facts;
  const close = latestWith(events, "outcome");
  const supplement = latestWith(events, "items") ?? latestWith(events, "supplementBy");
  const extension = latestWith(events, "workdays");
  const consultation = latestWith(
    events,
    "consultee",
    (d) => consultedParty === undefined || d.party === consultedParty,
  );
  // A withdrawal's reason: an event with a reason that is not an extension (workdays) or a delay (replyBy).
  const withdrawal = latestWith(events, "reason", (d) => d.workdays === undefined && d.replyBy === undefined);
  const responsibleAgency = text(close?.data.responsibleAgency);
  return {
    applicantName: text(facts.applicantName),
    trackingNo: text(facts.trackingNo),
    receivedOn: date(facts.receivedOn),
    description: text(facts.description),
    provisionForm: PROVISION_FORMS[facts.provisionForm] ?? text(facts.provisionForm),
    deliveryMethod: DELIVERY_METHODS[facts.deliveryMethod] ?? text(facts.deliveryMethod),
    agencyName: text(facts.agency.name),
    officeName: text(facts.agency.officeName),
    officePhone: text(facts.agency.officePhone),
    officeAddress: text(facts.agency.officeAddress),
    officeEmail: text(facts.agency.officeEmail),
    outcomeName: facts.outcome ? outcomeById(facts.outcome)?.name : undefined,
    reason: text(close?.data.reason ?? withdrawal?.data.reason),
    responsibleAgency,
    responsibleAgencyContact: responsibleAgency ? text(facts.responsibleAgencyPhone) : undefined,
    supplementItems: text(supplement?.data.items),
    supplementBy: date(supplement?.data.supplementBy),
    supplementRequestedOn: supplement ? chineseDate(supplement.occurredOn) : undefined,
    extensionWorkdays: text(extension?.data.workdays),
    extensionReason: text(extension?.data.reason),
    dueOn: facts.dueOn ? chineseDate(facts.dueOn) : undefined,
    consultee: text(consultation?.data.consultee),
    ...feeValues(events),
  };
}
