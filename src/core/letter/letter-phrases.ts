/**
 * The recurring parts of the default letters: the 抬头 and opening of a letter to the applicant, the
 * 救济途径 of a refusal, and the 落款 with the office's contact details (from the agency profile).
 */

/** The full name of the statute, as every letter cites it. */
export const STATUTE = "《中华人民共和国政府信息公开条例》";

/** The fee rules, as the fee notice and the unpaid-fee reply cite them. */
export const FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";

/** 抬头 and the first paragraph of a letter to the applicant: when the request came and what it asks for. */
export const APPLICANT_OPENING = [
  "{{applicantName}}：",
  "本机关于{{receivedOn}}收到您提出的政府信息公开申请（申请编号：{{trackingNo}}），您申请公开的政府信息为：“{{description}}”。",
];

/** The opening paragraph of a reply, ending with the formula that introduces the decision. */
export const REPLY_OPENING = [
  "{{applicantName}}：",
  "本机关于{{receivedOn}}收到您提出的政府信息公开申请（申请编号：{{trackingNo}}），您申请公开的政府信息为：“{{description}}”。经审查，现答复如下：",
];

/** 救济途径 of a decision that refuses in whole or in part (条例第五十一条; 60 days 行政复议, 6 months 行政诉讼). */
export const REMEDIES =
  "如您对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。";

/** The same remedies, worded for a notice (告知书). */
export const NOTICE_REMEDIES =
  "如您对本告知不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。";

/** 落款 (agency name, date of issue) and the contact line of the disclosure office. */
export const SIGNATURE = [
  "{{agencyName}}",
  "{{date}}",
  "（联系单位：{{#officeName}}{{officeName}}{{/officeName}}{{^officeName}}{{agencyName}}{{/officeName}}；联系电话：{{officePhone}}{{#officeAddress}}；通讯地址：{{officeAddress}}{{/officeAddress}}）",
];

/** An optional "具体理由" sentence, present only when the decision states a reason. */
export const REASON_SENTENCE = "{{#reason}}具体理由：{{reason}}。{{/reason}}";

/** The lines of a letter joined into a template body. */
export function letterBody(...parts: readonly (string | readonly string[])[]): string {
  return parts.flat().join("\n");
}
