/**
 * The contact details of an agency's 政府信息公开工作机构 that the 公开指南 must state (G-12, 条例第十二条):
 * the office's name, address, hours, phone, fax and internet contact (e-mail and website).
 */

/** The office's contact details; an empty string means "not provided yet". */
export interface OfficeContact {
  readonly officeName: string;
  readonly address: string;
  readonly hours: string;
  readonly phone: string;
  readonly fax: string;
  readonly email: string;
  readonly website: string;
}

/** A contact field's key. */
export type ContactField = keyof OfficeContact;

/** The contact fields in the order the guide states them, with their Chinese labels. */
export const CONTACT_FIELDS: readonly { readonly key: ContactField; readonly label: string }[] = [
  { key: "officeName", label: "机构名称" },
  { key: "address", label: "办公地址" },
  { key: "hours", label: "办公时间" },
  { key: "phone", label: "联系电话" },
  { key: "fax", label: "传真号码" },
  { key: "email", label: "电子邮箱" },
  { key: "website", label: "互联网联系方式（网站）" },
];

/** The contact with every field empty. */
export const EMPTY_CONTACT: OfficeContact = {
  officeName: "",
  address: "",
  hours: "",
  phone: "",
  fax: "",
  email: "",
  website: "",
};

/** The G-12 contact fields that are still empty (blank after trimming), in guide order, as labels. */
export function missingContactFields(contact: OfficeContact): string[] {
  return CONTACT_FIELDS.filter((f) => contact[f.key].trim() === "").map((f) => f.label);
}
