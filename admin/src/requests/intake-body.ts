/**
 * The body of POST /api/requests from the intake form: trimmed texts, empty optional fields left out, the
 * applicant's particulars of their kind only (条例第二十九条), and 当场答复 (R-33-0) only when chosen.
 */
import { normaliseCreditCode } from "../../../src/core/agency/credit-code.ts";
import type { ApplicantKind } from "../../../src/core/request/outcomes.ts";
import type { RequestChannel } from "../api/request-types.ts";

/** The intake form's values, dates already "YYYY-MM-DD". */
export interface IntakeValues {
  readonly agencyId: number;
  readonly channel: RequestChannel;
  readonly receivedOn: string;
  readonly applicantKind: ApplicantKind;
  readonly name: string;
  readonly idType?: string;
  readonly idNumber?: string;
  readonly orgCreditCode?: string;
  readonly orgRepresentative?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly postcode?: string;
  readonly email?: string;
  readonly description: string;
  readonly provisionForm: string;
  readonly deliveryMethod: string;
  readonly onTheSpot?: boolean;
  readonly onTheSpotOutcome?: string;
}

/** Whether 当场答复 (R-33-0) can be offered: the applicant is at the counter, handing it in today. */
export function onTheSpotPossible(channel: RequestChannel, receivedOn: string, today: string): boolean {
  return channel === "in_person" && receivedOn === today;
}

const trimmed = (value: string | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** The request body of the intake. */
export function intakeBody(values: IntakeValues, today: string): Record<string, unknown> {
  const person = values.applicantKind === "naturalPerson";
  const applicant: Record<string, string> = { kind: values.applicantKind, name: values.name.trim() };
  const optional: Record<string, string | undefined> = person
    ? { idType: trimmed(values.idNumber) ? values.idType : undefined, idNumber: trimmed(values.idNumber) }
    : {
        orgCreditCode: trimmed(values.orgCreditCode) && normaliseCreditCode(values.orgCreditCode ?? ""),
        orgRepresentative: trimmed(values.orgRepresentative),
      };
  Object.assign(optional, {
    phone: trimmed(values.phone),
    address: trimmed(values.address),
    postcode: trimmed(values.postcode),
    email: trimmed(values.email),
  });
  for (const [key, value] of Object.entries(optional)) if (value) applicant[key] = value;
  const body: Record<string, unknown> = {
    agencyId: values.agencyId,
    channel: values.channel,
    receivedOn: values.receivedOn,
    applicant,
    description: values.description.trim(),
    provisionForm: values.provisionForm,
    deliveryMethod: values.deliveryMethod,
  };
  if (
    values.onTheSpot &&
    values.onTheSpotOutcome &&
    onTheSpotPossible(values.channel, values.receivedOn, today)
  ) {
    body.onTheSpot = { outcome: values.onTheSpotOutcome };
  }
  return body;
}
