/**
 * Reading the online request form (multipart, 条例第二十九条): the raw values to show again, the identity
 * documents, and the per-field checks a person needs to correct the form before the intake sees it.
 */
import type { FastifyRequest } from "fastify";
import { isValidCreditCode, normaliseCreditCode } from "../core/agency/credit-code.ts";
import { ID_TYPES, MAX_DESCRIPTION_LENGTH } from "../core/request/applicant-check.ts";
import { MAX_ATTACHMENT_BYTES } from "../core/request/attachment-type.ts";
import type { ApplicantKind } from "../core/request/outcomes.ts";
import { DELIVERY_METHODS, PROVISION_FORMS } from "../core/request/request-events.ts";
import { MAX_ATTACHMENTS } from "./request-intake.service.ts";

/** The applicant kinds fixed at receipt: natural person, or one of the five organisation kinds. */
export const APPLICANT_KINDS: readonly { readonly value: ApplicantKind; readonly label: string }[] = [
  { value: "naturalPerson", label: "自然人（公民个人）" },
  { value: "commercial", label: "商业企业" },
  { value: "research", label: "科研机构" },
  { value: "publicInterest", label: "社会公益组织" },
  { value: "legalService", label: "法律服务机构" },
  { value: "otherOrg", label: "其他组织" },
];

/** The options of a value set `{ value: label }` of the request vocabulary. */
function optionsOf(set: Readonly<Record<string, string>>): readonly { value: string; label: string }[] {
  return Object.entries(set).map(([value, label]) => ({ value, label }));
}

/** Identity documents a natural person may give. */
export const ID_TYPE_OPTIONS = optionsOf(ID_TYPES);

/** The form of provision (纸质/电子). */
export const PROVISION_FORM_OPTIONS = optionsOf(PROVISION_FORMS);

/** How the applicant receives the information (邮寄/自取/电子邮件/在线查看). */
export const DELIVERY_METHOD_OPTIONS = optionsOf(DELIVERY_METHODS);

/** The text fields of the form, by name. */
export const APPLY_TEXT_FIELDS = [
  "formToken",
  "formKey",
  "applicantKind",
  "personName",
  "idType",
  "idNumber",
  "orgName",
  "orgCreditCode",
  "orgRepresentative",
  "phone",
  "email",
  "address",
  "postcode",
  "description",
  "provisionForm",
  "deliveryMethod",
] as const;

/** One text field's name. */
export type ApplyField = (typeof APPLY_TEXT_FIELDS)[number] | "identityDocument";

/** The text values as submitted (trimmed), to show again when the form has errors. */
export type ApplyValues = Partial<Record<(typeof APPLY_TEXT_FIELDS)[number], string>>;

/** One uploaded file. */
export interface UploadedFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
}

/** The form as read: its values, its files and the errors found while reading (e.g. a file too large). */
export interface ApplyForm {
  readonly values: ApplyValues;
  readonly files: UploadedFile[];
  readonly errors: Partial<Record<ApplyField, string>>;
}

/** Largest identity document (the intake's attachment limit). */
export const MAX_IDENTITY_FILE_BYTES = MAX_ATTACHMENT_BYTES;

/** Most identity documents per request (the intake's attachment limit). */
export const MAX_IDENTITY_FILES = MAX_ATTACHMENTS;

/** Reads the multipart form; unknown fields are ignored, every known text field is kept trimmed. */
export async function readApplyForm(request: FastifyRequest): Promise<ApplyForm> {
  const values: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const errors: Partial<Record<ApplyField, string>> = {};
  const known: ReadonlySet<string> = new Set(APPLY_TEXT_FIELDS);
  try {
    const parts = request.parts({
      limits: {
        fileSize: MAX_IDENTITY_FILE_BYTES,
        files: MAX_IDENTITY_FILES,
        fields: 40,
        parts: 45,
        fieldSize: 64 * 1024,
      },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        const content = new Uint8Array(await part.toBuffer());
        // A file input left empty arrives as a part with no name and no bytes.
        if (part.filename === "" && content.length === 0) continue;
        if (part.fieldname === "identityDocument") {
          files.push({ fileName: part.filename || "身份证明", mediaType: part.mimetype, content });
        }
      } else if (known.has(part.fieldname) && typeof part.value === "string") {
        values[part.fieldname] = part.value.trim();
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE")
      errors.identityDocument = "每个文件不能超过 10 MB，请压缩后重新选择";
    else if (code === "FST_FILES_LIMIT") errors.identityDocument = `最多上传 ${MAX_IDENTITY_FILES} 个文件`;
    else throw error;
  }
  return { values, files, errors };
}

/** True when `value` is one of the options. */
function isOption(options: readonly { value: string }[], value: string | undefined): boolean {
  return options.some((o) => o.value === value);
}

/** Puts a message on a field unless it already has one. */
function flag(errors: Partial<Record<ApplyField, string>>, field: ApplyField, message: string): void {
  errors[field] ??= message;
}

/** The field checks of the form (Art. 29 content by applicant kind, contact for the delivery method). */
export function checkApplyForm(form: ApplyForm): Partial<Record<ApplyField, string>> {
  const errors = { ...form.errors };
  const v = form.values;
  const person = v.applicantKind === "naturalPerson";
  if (!isOption(APPLICANT_KINDS, v.applicantKind)) {
    flag(errors, "applicantKind", "请选择申请人类型：自然人，或法人和其他组织的类别");
  } else if (person) {
    if (!v.personName) flag(errors, "personName", "请填写申请人姓名");
    else if (v.personName.length > 50) flag(errors, "personName", "姓名不能超过 50 个字");
    if (!isOption(ID_TYPE_OPTIONS, v.idType)) flag(errors, "idType", "请选择身份证件类型");
    if (!v.idNumber) flag(errors, "idNumber", "请填写身份证件号码");
    else if (v.idType === "resident_id" && !/^\d{17}[\dXx]$/.test(v.idNumber)) {
      flag(errors, "idNumber", "居民身份证号码应为 18 位，最后一位可以是数字或 X");
    } else if (!/^[A-Za-z0-9()（）-]{4,30}$/.test(v.idNumber)) {
      flag(errors, "idNumber", "证件号码只能包含字母、数字、括号和连字符，长度 4 到 30 位");
    }
  } else {
    if (!v.orgName) flag(errors, "orgName", "请填写法人或其他组织的名称");
    else if (v.orgName.length > 100) flag(errors, "orgName", "名称不能超过 100 个字");
    const code = normaliseCreditCode(v.orgCreditCode ?? "");
    if (!code) flag(errors, "orgCreditCode", "请填写统一社会信用代码");
    else if (!isValidCreditCode(code)) {
      flag(errors, "orgCreditCode", "统一社会信用代码不正确：应为 18 位，请对照营业执照或登记证书核对");
    }
    if (!v.orgRepresentative) flag(errors, "orgRepresentative", "请填写法定代表人或联系人的姓名");
  }
  if (!v.phone) flag(errors, "phone", "请填写联系电话，以便工作人员与您确认申请");
  else if (!/^[0-9+\-() ]{7,20}$/.test(v.phone))
    flag(errors, "phone", "联系电话只能包含数字、空格、+、- 和括号");
  if (v.email && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v.email)) {
    flag(errors, "email", "电子邮箱格式不正确，例如 zhang@example.cn");
  }
  if (v.postcode && !/^\d{6}$/.test(v.postcode)) flag(errors, "postcode", "邮政编码应为 6 位数字");
  if (!v.description) flag(errors, "description", "请描述您申请公开的政府信息");
  else if (v.description.length > MAX_DESCRIPTION_LENGTH) {
    flag(errors, "description", `描述不能超过 ${MAX_DESCRIPTION_LENGTH} 个字，可分成多份申请`);
  }
  if (!isOption(PROVISION_FORM_OPTIONS, v.provisionForm))
    flag(errors, "provisionForm", "请选择提供形式：纸质或电子");
  if (!isOption(DELIVERY_METHOD_OPTIONS, v.deliveryMethod)) {
    flag(errors, "deliveryMethod", "请选择获取方式");
  } else if (v.provisionForm === "paper" && (v.deliveryMethod === "email" || v.deliveryMethod === "online")) {
    flag(errors, "deliveryMethod", "纸质形式只能邮寄或自取；如需电子邮件或在线查看，请选择电子形式");
  }
  if (v.deliveryMethod === "email" && !v.email) flag(errors, "email", "选择电子邮件获取时，请填写电子邮箱");
  if (v.deliveryMethod === "post") {
    if (!v.address) flag(errors, "address", "选择邮寄时，请填写通信地址");
    if (!v.postcode) flag(errors, "postcode", "选择邮寄时，请填写邮政编码");
  }
  if (form.files.length === 0) {
    flag(
      errors,
      "identityDocument",
      person ? "请上传身份证件的照片或扫描件" : "请上传营业执照、登记证书等身份证明文件的照片或扫描件",
    );
  }
  return errors;
}
