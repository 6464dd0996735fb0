/**
 * The content of a request (条例第二十九条): the applicant (kind fixed at receipt; a person's name and
 * identity document, or an organisation's name, unified credit code and representative), contact, the
 * description of the information, the form of provision and how to receive it. Each problem is refused
 * with a code naming its field and a Chinese message.
 */
import { isValidCreditCode, normaliseCreditCode } from "../agency/credit-code.ts";
import { APPLICANT_KINDS, type ApplicantKind } from "./outcomes.ts";
import { requestError } from "./request-errors.ts";
import { DELIVERY_METHODS, PROVISION_FORMS } from "./request-events.ts";

/** Identity documents a natural person may give. */
export const ID_TYPES = {
  resident_id: "居民身份证",
  passport: "护照",
  hk_macao_permit: "港澳居民来往内地通行证",
  taiwan_permit: "台湾居民来往大陆通行证",
  foreign_permanent_id: "外国人永久居留身份证",
  other: "其他有效身份证件",
} as const;

/** The longest description accepted. */
export const MAX_DESCRIPTION_LENGTH = 2000;

/** The Art. 29 content as entered (strings; empty = not given). */
export interface ApplicantInput {
  readonly applicantKind: string;
  readonly applicantName: string;
  readonly orgCreditCode: string;
  readonly orgRepresentative: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly postcode: string;
  readonly email: string;
  readonly description: string;
  readonly provisionForm: string;
  readonly deliveryMethod: string;
}

/** The content after the checks: trimmed, normalised, fields of the other kind emptied. */
export interface CheckedApplicant extends ApplicantInput {
  readonly applicantKind: ApplicantKind;
}

/** GB 11643 check character of an 18-digit resident identity number. */
function residentIdValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return "10X98765432"[sum % 11] === id[17];
}

/**
 * Checks and normalises the Art. 29 content; throws the first problem found. The online form needs a phone
 * number (the office confirms the request by it, R-31-4); a request on paper needs some contact (联系方式):
 * phone, address or e-mail.
 */
export function checkApplicant(input: ApplicantInput, contact: "phone" | "any" = "phone"): CheckedApplicant {
  const t = (s: string) => s.trim();
  const kind = APPLICANT_KINDS.find((k) => k === input.applicantKind);
  if (!kind) throw requestError("APPLICANT_KIND_INVALID");
  const name = t(input.applicantName);
  if (name === "" || name.length > 100) throw requestError("APPLICANT_NAME_REQUIRED");
  const person = kind === "naturalPerson";
  let idType = "";
  let idNumber = "";
  let orgCreditCode = "";
  let orgRepresentative = "";
  if (person) {
    if (!Object.hasOwn(ID_TYPES, input.idType)) throw requestError("ID_TYPE_INVALID");
    idType = input.idType;
    idNumber = t(input.idNumber).toUpperCase();
    if (idType === "resident_id" ? !residentIdValid(idNumber) : !/^[A-Z0-9()（）-]{4,30}$/.test(idNumber)) {
      throw requestError(
        "ID_NUMBER_INVALID",
        idType === "resident_id"
          ? "居民身份证号码不正确：应为 18 位且校验位正确"
          : "证件号码只能包含字母、数字、括号和连字符，长度 4 到 30 位",
      );
    }
  } else {
    orgCreditCode = normaliseCreditCode(input.orgCreditCode);
    if (!isValidCreditCode(orgCreditCode)) throw requestError("ORG_CREDIT_CODE_INVALID");
    orgRepresentative = t(input.orgRepresentative);
    if (orgRepresentative === "" || orgRepresentative.length > 50)
      throw requestError("ORG_REPRESENTATIVE_REQUIRED");
  }
  const phone = t(input.phone);
  if ((contact === "phone" || phone !== "") && !/^[0-9+\-() ]{7,20}$/.test(phone))
    throw requestError("PHONE_INVALID");
  const email = t(input.email);
  if (email !== "" && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) throw requestError("EMAIL_INVALID");
  const postcode = t(input.postcode);
  if (postcode !== "" && !/^\d{6}$/.test(postcode)) throw requestError("POSTCODE_INVALID");
  const address = t(input.address);
  const description = t(input.description);
  if (description === "" || description.length > MAX_DESCRIPTION_LENGTH)
    throw requestError("DESCRIPTION_REQUIRED");
  if (!Object.hasOwn(PROVISION_FORMS, input.provisionForm)) throw requestError("PROVISION_FORM_INVALID");
  const delivery = input.deliveryMethod;
  if (!Object.hasOwn(DELIVERY_METHODS, delivery)) throw requestError("DELIVERY_METHOD_INVALID");
  if (input.provisionForm === "paper" && (delivery === "email" || delivery === "online")) {
    throw requestError("DELIVERY_METHOD_INVALID", "纸质形式只能邮寄或自取；电子邮件或在线查看请选择电子形式");
  }
  if (delivery === "email" && email === "")
    throw requestError("EMAIL_INVALID", "选择电子邮件获取时，请填写电子邮箱");
  if (delivery === "post" && (address === "" || postcode === "")) throw requestError("ADDRESS_REQUIRED");
  if (phone === "" && address === "" && email === "") {
    throw requestError(
      "PHONE_INVALID",
      "请至少填写一种联系方式：联系电话、通信地址或电子邮箱（条例第二十九条）",
    );
  }
  return {
    applicantKind: kind,
    applicantName: name,
    orgCreditCode,
    orgRepresentative,
    idType,
    idNumber,
    phone,
    address,
    postcode,
    email,
    description,
    provisionForm: input.provisionForm,
    deliveryMethod: delivery,
  };
}
