/**
 * The installation's built-in letter templates: the last step of the template lookup, after the agency's
 * and the installation's own templates (letter_templates). One per kind, and per outcome where the kind has one.
 */
import { type LetterKind, outcomesOfKind } from "./letter-kinds.ts";
import {
  AGENCY_CONSULTATION,
  EXTENSION_NOTICE,
  FEE_NOTICE,
  notProcessedNotice,
  SUPPLEMENT_NOTICE,
  type TemplateText,
  THIRD_PARTY_CONSULTATION,
} from "./notice-templates.ts";
import { defaultReply } from "./reply-templates.ts";

export type { TemplateText } from "./notice-templates.ts";

/** The notices written once for any outcome. */
const NOTICES: Readonly<Partial<Record<LetterKind, TemplateText>>> = {
  supplement_notice: SUPPLEMENT_NOTICE,
  extension_notice: EXTENSION_NOTICE,
  third_party_consultation: THIRD_PARTY_CONSULTATION,
  agency_consultation: AGENCY_CONSULTATION,
  fee_notice: FEE_NOTICE,
};

/**
 * The built-in template of a kind (and outcome, for a reply or a 不予处理告知书); undefined when the kind
 * has no template for that outcome (e.g. a reply without an outcome).
 */
export function builtInTemplate(kind: LetterKind, outcome: string | null): TemplateText | undefined {
  if (kind === "reply") return outcome === null ? undefined : defaultReply(outcome);
  if (kind === "not_processed_notice") return outcome === null ? undefined : notProcessedNotice(outcome);
  return NOTICES[kind];
}

/** One slot of the template set: a kind and the outcome it is written for (null: any outcome). */
export interface TemplateSlot {
  readonly kind: LetterKind;
  readonly outcome: string | null;
}

/** Every slot that has a built-in template, kinds in order, outcomes in order. */
export function templateSlots(kinds: readonly LetterKind[]): TemplateSlot[] {
  return kinds.flatMap((kind): TemplateSlot[] => {
    const outcomes = outcomesOfKind(kind);
    return outcomes.length === 0 ? [{ kind, outcome: null }] : outcomes.map((outcome) => ({ kind, outcome }));
  });
}
