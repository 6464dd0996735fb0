/**
 * The letter state machine: a letter is drafted (draft), revised while it is a draft, and issued (签发) once,
 * after which it is frozen for good. The only place a letter's status changes: a transition checks the command
 * against the status (and, for issuing, the SOD-2 sign-off rule) and returns the new status with the event the
 * trail records. Pure: the caller loads the letter, says who issues it, and stores the result.
 */
import { letterError } from "./letter-errors.ts";
import type { LetterStatus } from "./letter-kinds.ts";
import { checkLetterSignOff, type LetterSignOff } from "./letter-sign-off.ts";

/** A command given to a letter. */
export type LetterCommand =
  | { readonly type: "draft" }
  | { readonly type: "edit" }
  | { readonly type: "issue"; readonly signOff: LetterSignOff };

/** What the trail records of a transition (the actor, instant and texts are added by the caller). */
export interface LetterEvent {
  readonly type: LetterCommand["type"];
  /** The status before (null when the letter is being drafted). */
  readonly from: LetterStatus | null;
  readonly to: LetterStatus;
}

/** The result of a transition. */
export interface LetterTransition {
  readonly status: LetterStatus;
  readonly event: LetterEvent;
}

/**
 * Applies a command to a letter in `status` (null: no letter yet). Drafting makes a new draft; editing keeps a
 * draft a draft; issuing turns a draft into an issued letter after the sign-off rule (403 FORBIDDEN /
 * SEPARATION_OF_DUTIES). Anything done to an issued letter is 409 LETTER_ISSUED.
 */
export function transitionLetter(status: LetterStatus | null, command: LetterCommand): LetterTransition {
  if (command.type === "draft") {
    if (status !== null) throw new RangeError("a letter is drafted once");
    return { status: "draft", event: { type: "draft", from: null, to: "draft" } };
  }
  if (status === null) throw letterError("LETTER_NOT_FOUND");
  if (status === "issued") throw letterError("LETTER_ISSUED");
  if (command.type === "edit")
    return { status: "draft", event: { type: "edit", from: "draft", to: "draft" } };
  checkLetterSignOff(command.signOff);
  return { status: "issued", event: { type: "issue", from: "draft", to: "issued" } };
}
