/**
 * The letter a case most likely needs now, offered first when a draft is made: the notice of the step the
 * case is at (补正告知书, 征求意见函, 收费通知, 延期答复告知书), or once closed the reply, or the 不予处理告知书
 * for the outcomes of 条例第三十六条第（六）项、第三十九条 (O-5.x).
 */
import type { LetterKind, RequestCase } from "../api/request-types.ts";

/** The kind offered first for a new draft. */
export function suggestedLetterKind(
  request: Pick<RequestCase, "status" | "outcome" | "events" | "letters" | "extended">,
): LetterKind {
  if (request.status === "closed")
    return request.outcome?.startsWith("O-5") ? "not_processed_notice" : "reply";
  if (request.status === "supplement_requested") return "supplement_notice";
  if (request.status === "fee_notified") return "fee_notice";
  if (request.status === "consulting") {
    const last = [...request.events].reverse().find((e) => e.type === "consultation_sent");
    return last?.data?.party === "agency" ? "agency_consultation" : "third_party_consultation";
  }
  if (request.extended && !request.letters.some((l) => l.kind === "extension_notice"))
    return "extension_notice";
  return "reply";
}
