/**
 * The default notices of a disclosure request: 补正告知书 (条例第三十条), 延期答复告知书 (第三十三条第二款),
 * the consultation letters to a third party (第三十二条) and to another agency (第三十四条), the 收费通知
 * (第四十二条, 国办函〔2020〕109号) and the 不予处理告知书 (第三十五条、第三十六条第（六）项、第三十九条).
 */
import {
  APPLICANT_OPENING,
  FEE_MEASURES,
  letterBody,
  NOTICE_REMEDIES,
  REPLY_OPENING,
  SIGNATURE,
  STATUTE,
} from "./letter-phrases.ts";
import { DECISION_PARAGRAPHS } from "./reply-templates.ts";

/** A template's text: title and body with placeholders. */
export interface TemplateText {
  readonly title: string;
  readonly body: string;
}

/** The opening of a consultation letter: the request, without anything about the applicant (a third party reads it). */
const CONSULTATION_OPENING = [
  "{{consultee}}：",
  "本机关于{{receivedOn}}收到政府信息公开申请（申请编号：{{trackingNo}}），申请公开以下政府信息：“{{description}}”。",
];

/** R-30-1 — 条例第三十条: one supplement notice, what to supplement and by when; the clock restarts (R-30-2). */
export const SUPPLEMENT_NOTICE: TemplateText = {
  title: "政府信息公开申请补正告知书",
  body: letterBody(
    APPLICANT_OPENING,
    `经审查，您的申请内容不明确，本机关无法确定您所申请的政府信息。根据${STATUTE}第三十条的规定，现一次性告知您对以下事项作出补正：{{supplementItems}}。`,
    "请您写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述，并于{{supplementBy}}前将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。",
    "特此告知。",
    SIGNATURE,
  ),
};

/** R-33-2 — 条例第三十三条第二款: an extension of at most 20 working days, approved by the office head. */
export const EXTENSION_NOTICE: TemplateText = {
  title: "政府信息公开申请延期答复告知书",
  body: letterBody(
    APPLICANT_OPENING,
    `因{{extensionReason}}，本机关不能在规定期限内作出答复。根据${STATUTE}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extensionWorkdays}}个工作日，本机关将于{{dueOn}}前向您作出答复。`,
    "特此告知。",
    SIGNATURE,
  ),
};

/** R-32-1 — 条例第三十二条: the third party is consulted in writing and has 15 working days to answer. */
export const THIRD_PARTY_CONSULTATION: TemplateText = {
  title: "政府信息公开申请征求第三方意见函",
  body: letterBody(
    CONSULTATION_OPENING,
    `经审查，该政府信息公开可能损害贵方的合法权益。根据${STATUTE}第三十二条的规定，现书面征求贵方意见。`,
    "请贵方自收到本函之日起15个工作日内，以书面形式向本机关提出是否同意公开的意见；不同意公开的，请说明理由。贵方逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。",
    "特此函询。",
    SIGNATURE,
  ),
};

/** R-34-1 — 条例第三十四条: the agencies that made it jointly are consulted; 15 working days; silence consents. */
export const AGENCY_CONSULTATION: TemplateText = {
  title: "政府信息公开申请征求意见函",
  body: letterBody(
    CONSULTATION_OPENING,
    `该政府信息由本机关与贵机关共同制作，本机关为牵头制作的行政机关。根据${STATUTE}第三十四条的规定，现征求贵机关意见。`,
    "请贵机关自收到本函之日起15个工作日内向本机关提出书面意见。逾期未提出意见的，视为同意公开。",
    "特此函询。",
    SIGNATURE,
  ),
};

/** R-FEE-3 — 收费通知: basis, standard, amount; pay within 20 working days of receipt; unpaid means withdrawn. */
export const FEE_NOTICE: TemplateText = {
  title: "政府信息公开信息处理费收费通知",
  body: letterBody(
    APPLICANT_OPENING,
    `经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${STATUTE}第四十二条和${FEE_MEASURES}的规定，本机关决定收取信息处理费。现将有关事项通知如下：`,
    `一、收费依据：${STATUTE}第四十二条、${FEE_MEASURES}。`,
    "二、收费标准：{{feeStandard}}。",
    "三、收费金额：{{feeMethod}}，计费数量{{feeQuantity}}，应缴纳信息处理费{{feeAmount}}元。",
    "四、缴费期限：请您自收到本通知之日起20个工作日内缴纳信息处理费，具体缴费方式请与本机关联系。本机关在您缴费后向您提供政府信息；您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    "五、自本机关发出本通知之日起至您缴纳信息处理费之日止的期间，不计算在答复期限内。",
    "特此通知。",
    SIGNATURE,
  ),
};

/** The 不予处理告知书 of an outcome O-5.1 … O-5.5, or undefined for any other outcome. */
export function notProcessedNotice(outcome: string): TemplateText | undefined {
  const decision = outcome.startsWith("O-5.") ? DECISION_PARAGRAPHS[outcome] : undefined;
  if (decision === undefined) return undefined;
  return {
    title: "政府信息公开申请不予处理告知书",
    body: letterBody(REPLY_OPENING, decision, NOTICE_REMEDIES, "特此告知。", SIGNATURE),
  };
}
