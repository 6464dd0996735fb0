/**
 * What leaves the server about a decision: the back-office view (all fields, with its S-1 and S-2 state) and
 * the public view — natural persons' names masked (张**), identity documents never, 个人信息保护法 第二十五条.
 */
import type { AdminDecision } from "../contract/registry.contract.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { maskPersonName } from "../core/privacy/person-name.ts";
import {
  DECISION_KIND_NAMES,
  type DecisionKind,
  PARTY_KIND_NAMES,
  type PartyKind,
} from "../core/registry/decision-kinds.ts";
import { S1_STATUS_NAMES, s1Verdict, s2Window } from "../core/registry/decision-publication.ts";
import { publicPartyName } from "../core/registry/party-masking.ts";
import type { Decision } from "./decision.repository.ts";

/** A decision as the back office sees it (the contract's AdminDecision). */
export type { AdminDecision } from "../contract/registry.contract.ts";

/** The back-office view of a decision on `today`. */
export function presentAdminDecision(
  decision: Decision,
  today: string,
  calendar: WorkCalendar,
): AdminDecision {
  const s1 = s1Verdict(decision, today, calendar);
  return {
    ...decision,
    kindName: DECISION_KIND_NAMES[decision.kind],
    partyKindName: PARTY_KIND_NAMES[decision.partyKind],
    s1: { ...s1, statusName: S1_STATUS_NAMES[s1.status] },
    s2: s2Window(decision),
  };
}

/** A decision as the public sees it: no identity document, a natural person's name masked. */
export interface PublicDecision {
  readonly id: number;
  readonly kind: DecisionKind;
  readonly kindName: string;
  readonly docNo: string;
  readonly matter: string;
  readonly content: string;
  readonly decidedOn: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly authority: string;
  readonly authorityCreditCode: string;
  readonly partyKind: PartyKind;
  readonly partyKindName: string;
  /** Organisations in full; natural persons masked after the first character. */
  readonly partyName: string;
  /** The credit code of an organisation or individual business; "" for a natural person. */
  readonly partyCreditCode: string;
  readonly publishedOn: string | null;
}

/** The text with a natural person's full name masked and any identity number taken out. */
function scrub(text: string, d: Decision): string {
  let out = text;
  if (d.idNumber !== "") out = out.replaceAll(d.idNumber, "（证件号码不予公开）");
  if (d.partyKind === "naturalPerson" && d.partyName.trim() !== "") {
    out = out.replaceAll(d.partyName.trim(), publicPartyName(d.partyKind, d.partyName));
  }
  if (d.legalRepresentative.trim() !== "")
    out = out.replaceAll(d.legalRepresentative.trim(), maskPersonName(d.legalRepresentative));
  return out;
}

/**
 * The public view of a decision. The legal representative and identity document are left out entirely; a
 * natural person's full name, a legal representative's name and the identity number are also taken out of
 * the 事项名称 and 决定内容 texts, where staff sometimes repeat them.
 */
export function presentPublicDecision(d: Decision): PublicDecision {
  return {
    id: d.id,
    kind: d.kind,
    kindName: DECISION_KIND_NAMES[d.kind],
    docNo: d.docNo,
    matter: scrub(d.matter, d),
    content: scrub(d.content, d),
    decidedOn: d.decidedOn,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    authority: d.authority,
    authorityCreditCode: d.authorityCreditCode,
    partyKind: d.partyKind,
    partyKindName: PARTY_KIND_NAMES[d.partyKind],
    partyName: publicPartyName(d.partyKind, d.partyName),
    partyCreditCode: d.partyKind === "naturalPerson" ? "" : d.partyCreditCode,
    publishedOn: d.publishedOn,
  };
}
