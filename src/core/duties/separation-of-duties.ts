/**
 * Separation of duties (分人办理), shared by the 先审后发 machine (SOD-1) and letter sign-off (SOD-2): who a
 * step's actor is, when two actors are the same person, and the refusal SEPARATION_OF_DUTIES. The refusal is
 * 403: the request is well formed and the item is in the right state, but this person may not take the step;
 * another person holding the role may.
 */
import { errorFactory } from "../domain-error.ts";

/** Who takes a step: a person's user id, or for the system and the command line (no account) the name. */
export interface DutyActor {
  readonly userId: number | null;
  readonly name: string;
}

/** Whether two actors are the same person: the same user id, or both without an account and the same name. */
export function sameActor(a: DutyActor, b: DutyActor): boolean {
  if (a.userId !== null || b.userId !== null) return a.userId === b.userId;
  return a.name === b.name;
}

/** The code of the refusal, its HTTP status and default Chinese message. */
export const DUTY_ERRORS = {
  SEPARATION_OF_DUTIES: { status: 403, message: "分人办理：同一人不能办理同一事项的两个环节" },
} as const;

/** Makes the SEPARATION_OF_DUTIES DomainError, with a message naming the step already taken. */
export const failDuties = errorFactory(DUTY_ERRORS);
