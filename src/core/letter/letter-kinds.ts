/**
 * The kinds of letter a disclosure request produces (答复书 and the notices of 条例第三十条至第三十五条), with
 * their Chinese names and the outcomes (rules.md §4) a template of each kind may be written for.
 */
import { OUTCOMES } from "../request/outcomes.ts";

/** The letter kinds, as stored in `letters.kind` and `letter_templates.kind`, with their Chinese names. */
export const LETTER_KINDS = {
  reply: "政府信息公开申请答复书",
  supplement_notice: "补正告知书",
  extension_notice: "延期答复告知书",
  third_party_consultation: "第三方征求意见函",
  agency_consultation: "其他机关征求意见函",
  fee_notice: "收费通知",
  not_processed_notice: "不予处理告知书",
} as const;

/** A letter kind. */
export type LetterKind = keyof typeof LETTER_KINDS;

/** A letter's status, as stored in `letters.status`: an editable draft, or issued and frozen. */
export type LetterStatus = "draft" | "issued";

/** Every letter status, in workflow order. */
export const LETTER_STATUSES = ["draft", "issued"] as const satisfies readonly LetterStatus[];

/** Every letter kind, in the order the UI lists them. */
export const LETTER_KIND_KEYS = Object.keys(LETTER_KINDS) as LetterKind[];

/** True when `kind` is a known letter kind. */
export function isLetterKind(kind: string): kind is LetterKind {
  return Object.hasOwn(LETTER_KINDS, kind);
}

/** Every outcome ID O-1 … O-6.3. */
export const OUTCOME_IDS: readonly string[] = OUTCOMES.map((o) => o.id);

/** The outcomes O-5.1 … O-5.5 (不予处理, 条例第三十五条、第三十六条第（六）项、第三十九条). */
export const NOT_PROCESSED_OUTCOMES: readonly string[] = OUTCOME_IDS.filter((id) => id.startsWith("O-5."));

/**
 * The outcomes a letter of this kind is written for: a reply exists per outcome, a 不予处理告知书 per
 * 不予处理 outcome; every notice is written once for any outcome (empty list).
 */
export function outcomesOfKind(kind: LetterKind): readonly string[] {
  if (kind === "reply") return OUTCOME_IDS;
  if (kind === "not_processed_notice") return NOT_PROCESSED_OUTCOMES;
  return [];
}

/** Whether a letter of this kind needs an outcome to be drafted. */
export function kindNeedsOutcome(kind: LetterKind): boolean {
  return outcomesOfKind(kind).length > 0;
}

/**
 * Letters addressed to the applicant (shown on the public status page). The consultation letters go to the
 * third party (条例第三十二条) or to the other agency (第三十四条) and never to the applicant.
 */
export function isAddressedToApplicant(kind: LetterKind): boolean {
  return kind !== "third_party_consultation" && kind !== "agency_consultation";
}
