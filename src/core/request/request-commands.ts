/**
 * The commands of the request state machine: the API's actions with their fields, the permissions and the
 * surroundings (calendar, today, actor) a transition is decided in, and what a transition returns.
 */
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import type { CaseEvent, Channel, ConsultationParty, FeeMethod } from "./request-events.ts";
import type { RequestState } from "./request-state.ts";

/** The actions of the API (`POST /api/requests/:id/actions/:action`). */
export const REQUEST_ACTIONS = [
  "confirm",
  "assign",
  "request_supplement",
  "receive_supplement",
  "supplement_expired",
  "consult",
  "consultation_answered",
  "propose_extension",
  "approve_extension",
  "delay",
  "notify_fee",
  "fee_paid",
  "fee_expired",
  "close",
  "withdraw",
] as const;

/** An action name. */
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** A command: an action with its fields (`date` is the day it happened). */
export type RequestCommand =
  | { readonly action: "confirm"; readonly date: string }
  | { readonly action: "assign"; readonly caseOfficerId: number; readonly caseOfficerName: string }
  | {
      readonly action: "request_supplement";
      readonly date: string;
      readonly supplementBy: string;
      readonly items: string;
    }
  | { readonly action: "receive_supplement"; readonly date: string; readonly lateReason?: string }
  | { readonly action: "supplement_expired"; readonly date: string }
  | {
      readonly action: "consult";
      readonly date: string;
      readonly party: ConsultationParty;
      readonly consultee: string;
    }
  | { readonly action: "consultation_answered"; readonly date: string; readonly consultationId: string }
  | { readonly action: "propose_extension"; readonly workdays: number; readonly reason: string }
  | { readonly action: "approve_extension"; readonly approvedOn: string; readonly notifiedOn: string }
  | { readonly action: "delay"; readonly date: string; readonly replyBy: string; readonly reason: string }
  | {
      readonly action: "notify_fee";
      readonly date: string;
      readonly method: FeeMethod;
      readonly quantity: number;
      /** R-FEE-1: items this applicant already requested in the same calendar month (per-item only). */
      readonly itemsBefore?: number;
    }
  | { readonly action: "fee_paid"; readonly date: string }
  | { readonly action: "fee_expired"; readonly date: string }
  | {
      readonly action: "close";
      readonly date: string;
      readonly outcome: string;
      readonly reason: string;
      readonly responsibleAgency?: string;
    }
  | { readonly action: "withdraw"; readonly date: string; readonly reason: string };

/** What a person may do on the case (from the permission module: request.handle, request.approveExtension). */
export interface Permissions {
  readonly handle: boolean;
  readonly approveExtension: boolean;
}

/** The surroundings of a transition: the calendar, today's date (Asia/Shanghai), the instant, the actor. */
export interface MachineContext {
  readonly calendar: WorkCalendar;
  readonly today: string;
  readonly at: string;
  readonly actor: { readonly userId: number | null; readonly name: string };
  readonly may: Permissions;
}

/** The outcome of a transition: the new state and the events to append, in order. */
export interface Transition {
  readonly state: RequestState;
  readonly events: readonly CaseEvent[];
}

/** What intake registers. */
export interface IntakeCommand {
  readonly channel: Channel;
  /** The receipt date (online/fax: the submission date, until confirmed). */
  readonly receivedOn: string;
  /** R-33-0: answered on the spot with this outcome. */
  readonly onTheSpot?: { readonly outcome: string };
}
