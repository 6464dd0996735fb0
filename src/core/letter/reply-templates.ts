/**
 * The default 答复书 of each outcome O-1 … O-6.3 (rules.md §4, 条例第三十六条至第三十九条): the decision
 * paragraph citing the article of the outcome, then the remedies when the reply refuses in whole or in part.
 */
import {
  FEE_MEASURES,
  letterBody,
  REASON_SENTENCE,
  REMEDIES,
  REPLY_OPENING,
  SIGNATURE,
  STATUTE,
} from "./letter-phrases.ts";

/** The decision paragraph of each outcome, citing its article. */
export const DECISION_PARAGRAPHS: Readonly<Record<string, string>> = {
  // O-1 — 条例第三十六条第（一）（二）项: already disclosed, or can be disclosed.
  "O-1": `您所申请公开的信息属于可以公开的政府信息。根据${STATUTE}第三十六条第（一）（二）项的规定，本机关决定予以公开。{{#provisionForm}}现按照您指定的{{provisionForm}}形式{{#deliveryMethod}}，以{{deliveryMethod}}方式{{/deliveryMethod}}向您提供该政府信息（见附件）。{{/provisionForm}}{{^provisionForm}}现向您提供该政府信息（见附件）。{{/provisionForm}}该政府信息已经主动公开的，您也可以通过本机关门户网站政府信息公开专栏查阅、获取。`,
  // O-2 — 条例第三十七条: partly disclosed, the withheld part with its reasons.
  "O-2": `您所申请公开的信息中含有不应当公开的内容，但是能够作区分处理。根据${STATUTE}第三十七条的规定，本机关向您提供可以公开的政府信息内容（见附件）；对不予公开的内容，理由如下：{{reason}}。`,
  // O-3.1 — 条例第十四条: state secret.
  "O-3.1": `您所申请公开的信息属于依法确定为国家秘密的政府信息。根据${STATUTE}第十四条的规定，本机关决定不予公开。${REASON_SENTENCE}`,
  // O-3.2 — 条例第十四条: other laws or administrative regulations forbid disclosure.
  "O-3.2": `您所申请公开的信息属于法律、行政法规禁止公开的政府信息。根据${STATUTE}第十四条的规定，本机关决定不予公开。${REASON_SENTENCE}`,
  // O-3.3 — 条例第十四条: 三安全一稳定.
  "O-3.3": `您所申请公开的信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据${STATUTE}第十四条的规定，本机关决定不予公开。${REASON_SENTENCE}`,
  // O-3.4 — 条例第十五条: third-party rights (商业秘密、个人隐私).
  "O-3.4": `您所申请公开的信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据${STATUTE}第十五条的规定，本机关决定不予公开。${REASON_SENTENCE}`,
  // O-3.5 — 条例第十六条第一款: internal affairs.
  "O-3.5": `您所申请公开的信息属于本机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）。根据${STATUTE}第十六条第一款的规定，本机关决定不予公开。${REASON_SENTENCE}`,
  // O-3.6 — 条例第十六条第二款: process information.
  "O-3.6": `您所申请公开的信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据${STATUTE}第十六条第二款的规定，本机关决定不予公开。${REASON_SENTENCE}`,
  // O-3.7 — 条例第十六条第二款: administrative enforcement case files.
  "O-3.7": `您所申请公开的信息属于行政执法案卷信息。根据${STATUTE}第十六条第二款的规定，本机关决定不予公开。${REASON_SENTENCE}`,
  // O-3.8 — 条例第三十六条第（七）项: query matters governed by special laws.
  "O-3.8": `您所申请公开的信息属于工商、不动产登记资料等信息，有关法律、行政法规对该类信息的获取有特别规定。根据${STATUTE}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。`,
  // O-4.1 — 条例第三十六条第（四）（五）项: not held, or not this agency's; name the responsible agency if known.
  "O-4.1": `经检索，本机关未制作、获取您所申请公开的信息，该信息不属于本机关负责公开的政府信息。根据${STATUTE}第三十六条第（四）（五）项的规定，现告知如下：{{#responsibleAgency}}负责公开该政府信息的行政机关为{{responsibleAgency}}{{#responsibleAgencyContact}}（联系方式：{{responsibleAgencyContact}}）{{/responsibleAgencyContact}}，请您向该机关咨询或者提出申请。{{/responsibleAgency}}{{^responsibleAgency}}您所申请公开的政府信息在本机关不存在，本机关亦无法确定负责公开该信息的行政机关。{{/responsibleAgency}}`,
  // O-4.2 — 条例第三十八条: would need new processing or analysis.
  "O-4.2": `行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。您所申请的信息需要本机关对现有政府信息进行加工、分析方能形成。根据${STATUTE}第三十八条的规定，本机关不予提供。`,
  // O-4.3 — 条例第三十条: still unclear after the supplement.
  "O-4.3": `本机关{{#supplementRequestedOn}}已于{{supplementRequestedOn}}{{/supplementRequestedOn}}告知您对申请内容作出补正，您补正后的申请内容仍不明确，本机关无法确定您所申请的政府信息。根据${STATUTE}第三十条的规定，本机关无法向您提供。`,
  // O-5.1 — 条例第三十九条第一款: a petition, complaint or report in the form of a request.
  "O-5.1": `您以政府信息公开申请的形式提出的事项属于信访、投诉、举报等活动。根据${STATUTE}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。`,
  // O-5.2 — 条例第三十六条第（六）项: a repeat of a request already answered.
  "O-5.2": `本机关已就您提出的政府信息公开申请作出答复{{#reason}}（{{reason}}）{{/reason}}，您再次申请公开相同的政府信息。根据${STATUTE}第三十六条第（六）项的规定，本机关不予重复处理。`,
  // O-5.3 — 条例第三十九条第二款: gazettes, newspapers, books.
  "O-5.3": `您申请的内容为要求本机关提供政府公报、报刊、书籍等公开出版物。根据${STATUTE}第三十九条第二款的规定，本机关不作为政府信息公开申请处理，现告知您获取途径：{{#reason}}{{reason}}。{{/reason}}{{^reason}}您可以通过公开发行渠道或者公共图书馆、档案馆、政府信息查阅场所获取。{{/reason}}`,
  // O-5.4 — 条例第三十五条: number or frequency clearly beyond reason, reasons unreasonable.
  "O-5.4": `您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。经审查，您说明的理由不合理。根据${STATUTE}第三十五条的规定，本机关不予处理。${REASON_SENTENCE}`,
  // O-5.5 — no article: asks to confirm or re-issue information already obtained.
  "O-5.5":
    "您的申请系要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的范围，本机关不作为政府信息公开申请处理。",
  // O-6.1 — 条例第三十条: no supplement in time, treated as withdrawn.
  "O-6.1": `本机关{{#supplementRequestedOn}}已于{{supplementRequestedOn}}{{/supplementRequestedOn}}向您发出补正告知书{{#supplementBy}}，告知您于{{supplementBy}}前作出补正{{/supplementBy}}，您无正当理由逾期未补正。根据${STATUTE}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
  // O-6.2 — 国办函〔2020〕109号: fee not paid in time, treated as withdrawn.
  "O-6.2": `本机关{{#feeNoticeOn}}已于{{feeNoticeOn}}{{/feeNoticeOn}}向您发出收费通知，您逾期未缴纳信息处理费。根据${FEE_MEASURES}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
  // O-6.3 — no article: other endings, e.g. withdrawn by the applicant.
  "O-6.3":
    "{{#reason}}{{reason}}。{{/reason}}{{^reason}}您已撤回上述政府信息公开申请。{{/reason}}本机关对该政府信息公开申请终止处理。",
};

/** Outcomes whose reply grants the request or records its end by the applicant: no remedies paragraph. */
const WITHOUT_REMEDIES: ReadonlySet<string> = new Set(["O-1", "O-6.3"]);

/** Whether the reply of an outcome refuses in whole or in part and so states the remedies. */
export function replyStatesRemedies(outcome: string): boolean {
  return !WITHOUT_REMEDIES.has(outcome);
}

/** The default 答复书 of an outcome, or undefined for an unknown outcome. */
export function defaultReply(outcome: string): { title: string; body: string } | undefined {
  const decision = DECISION_PARAGRAPHS[outcome];
  if (decision === undefined) return undefined;
  const remedies = replyStatesRemedies(outcome) ? [REMEDIES] : [];
  return {
    title: "政府信息公开申请答复书",
    body: letterBody(REPLY_OPENING, decision, remedies, "特此答复。", SIGNATURE),
  };
}
