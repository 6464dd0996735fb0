/**
 * SOD-2 (答复书须由负责人签发, an agency setting, on by default): a letter is issued (签发) only by a
 * 公开办负责人 of the request's agency who did not draft it. The drafter is the person who created the draft
 * (拟稿); a head who only revised its wording may still sign it. Off: whoever handles the request issues, as
 * before. Pure: the caller says who issues, whether that person is a head there, and who drafted.
 */
import { DomainError } from "../domain-error.ts";
import { failDuties } from "../duties/separation-of-duties.ts";

/** What the sign-off rule needs to know about an issue. */
export interface LetterSignOff {
  /** The agency setting 答复书须由负责人签发. */
  readonly required: boolean;
  /** The user issuing the letter (null: the system, which is never a head). */
  readonly issuerUserId: number | null;
  /** Whether the issuer holds 公开办负责人 in the request's agency. */
  readonly issuerIsHead: boolean;
  /** The user who drafted the letter (null: unknown, e.g. drafted by the system). */
  readonly drafterUserId: number | null;
}

/**
 * Throws unless the letter may be issued: 403 FORBIDDEN when the setting requires a head and the issuer is
 * none, 403 SEPARATION_OF_DUTIES when the head issuing it drafted it.
 */
export function checkLetterSignOff(signOff: LetterSignOff): void {
  if (!signOff.required) return;
  if (!signOff.issuerIsHead || signOff.issuerUserId === null) {
    throw new DomainError("FORBIDDEN", "本机关要求文书须由公开办负责人签发，您不是本机关的公开办负责人");
  }
  if (signOff.drafterUserId !== null && signOff.drafterUserId === signOff.issuerUserId) {
    throw failDuties(
      "SEPARATION_OF_DUTIES",
      "答复书须由负责人签发：您起草了该文书，不能再签发，请由本机关其他公开办负责人签发",
    );
  }
}
