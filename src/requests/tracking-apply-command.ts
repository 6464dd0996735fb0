/**
 * From the checked online form to the intake's input, and from the intake's error codes back to the field
 * a person has to correct.
 */
import { normaliseCreditCode } from "../core/agency/credit-code.ts";
import type { OnlineRequestInput } from "./request-intake.service.ts";
import type { ApplyField, ApplyForm } from "./tracking-apply-input.ts";

/** The intake's input of a checked form: applicant fields by kind, the identity documents as attachments. */
export function toOnlineRequestInput(
  agencyId: number,
  form: ApplyForm,
  idempotencyKey: string,
): OnlineRequestInput {
  const v = form.values;
  const person = v.applicantKind === "naturalPerson";
  return {
    agencyId,
    applicantKind: v.applicantKind as OnlineRequestInput["applicantKind"],
    applicantName: (person ? v.personName : v.orgName) ?? "",
    orgCreditCode: person ? "" : normaliseCreditCode(v.orgCreditCode ?? ""),
    orgRepresentative: person ? "" : (v.orgRepresentative ?? ""),
    idType: person ? (v.idType ?? "") : "",
    idNumber: person ? (v.idNumber ?? "").toUpperCase() : "",
    phone: v.phone ?? "",
    address: v.address ?? "",
    postcode: v.postcode ?? "",
    email: v.email ?? "",
    description: v.description ?? "",
    provisionForm: v.provisionForm ?? "",
    deliveryMethod: v.deliveryMethod ?? "",
    idempotencyKey,
    attachments: form.files.map((f) => ({
      fileName: f.fileName,
      mediaType: f.mediaType,
      content: f.content,
    })),
  };
}

/** The form field an intake error code belongs to, or undefined for errors about the request as a whole. */
export function applyErrorField(code: string, applicantKind: string | undefined): ApplyField | undefined {
  if (code === "APPLICANT_NAME_REQUIRED") return applicantKind === "naturalPerson" ? "personName" : "orgName";
  return INTAKE_ERROR_FIELDS[code];
}

/** The intake's error codes (src/core/request/request-errors.ts) by the field they are about. */
const INTAKE_ERROR_FIELDS: Readonly<Record<string, ApplyField>> = {
  APPLICANT_KIND_INVALID: "applicantKind",
  ID_TYPE_INVALID: "idType",
  ID_NUMBER_INVALID: "idNumber",
  ORG_CREDIT_CODE_INVALID: "orgCreditCode",
  ORG_REPRESENTATIVE_REQUIRED: "orgRepresentative",
  PHONE_INVALID: "phone",
  EMAIL_INVALID: "email",
  POSTCODE_INVALID: "postcode",
  ADDRESS_REQUIRED: "address",
  DESCRIPTION_REQUIRED: "description",
  PROVISION_FORM_INVALID: "provisionForm",
  DELIVERY_METHOD_INVALID: "deliveryMethod",
  IDENTITY_ATTACHMENT_REQUIRED: "identityDocument",
  ATTACHMENT_TYPE_INVALID: "identityDocument",
  ATTACHMENT_DISGUISED: "identityDocument",
  ATTACHMENT_EMPTY: "identityDocument",
  ATTACHMENT_TOO_LARGE: "identityDocument",
  TOO_MANY_ATTACHMENTS: "identityDocument",
};
