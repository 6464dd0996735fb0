/**
 * Which actions a case allows now (`allowedActions`): by status, then by what already happened (one
 * supplement notice, one extension, one fee notice …) and by the person's permissions.
 */

import type { Permissions, RequestAction } from "./request-commands.ts";
import type { RequestStatus } from "./request-events.ts";
import type { RequestState } from "./request-state.ts";

/** The actions open in each status, before the per-case conditions of `allowedActions`. */
const BY_STATUS: Readonly<Record<RequestStatus, readonly RequestAction[]>> = {
  received: [
    "assign",
    "request_supplement",
    "consult",
    "propose_extension",
    "approve_extension",
    "delay",
    "notify_fee",
    "close",
    "withdraw",
  ],
  in_progress: [
    "assign",
    "request_supplement",
    "consult",
    "propose_extension",
    "approve_extension",
    "delay",
    "notify_fee",
    "close",
    "withdraw",
  ],
  consulting: [
    "assign",
    "consult",
    "consultation_answered",
    "propose_extension",
    "approve_extension",
    "delay",
    "close",
    "withdraw",
  ],
  supplement_requested: ["assign", "receive_supplement", "supplement_expired", "withdraw"],
  fee_notified: ["assign", "fee_paid", "fee_expired", "withdraw"],
  closed: [],
};

/** The actions a person with these permissions may take on the case now. */
export function allowedActions(state: RequestState, may: Permissions): RequestAction[] {
  if (!may.handle || state.status === "closed") return [];
  if (!state.confirmed) return ["confirm", "assign", "withdraw"];
  return BY_STATUS[state.status].filter((action) => {
    switch (action) {
      case "request_supplement":
        return !state.supplementRequested;
      case "consultation_answered":
        return state.consultations.some((c) => !c.answered);
      case "propose_extension":
        return !state.extended && state.pendingExtension === null && !state.delayed;
      case "approve_extension":
        return state.pendingExtension !== null && may.approveExtension;
      case "delay":
        return !state.delayed;
      case "notify_fee":
        return state.fee === null;
      default:
        return true;
    }
  });
}
