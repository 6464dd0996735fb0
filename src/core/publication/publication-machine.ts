/**
 * The 先审后发 state machine of a proactive-disclosure item (主动公开): draft → 保密审查 → 审核 → 审签 →
 * approved → published, with send-back to draft at any review step, withdrawal after publication, and
 * amendment by a new item. Pure: a transition returns the new status and an event for the append-only log;
 * status changes only through `transition`. SOD-1 (先审后发分人办理, an agency setting, on by default): within one
 * pass of the chain (from a submission to approval or send-back) the submitter takes no review step and nobody
 * takes two; a send-back ends the pass, so the next submission starts a fresh chain.
 */
import type { Action } from "../access/permissions.ts";
import { type DutyActor, failDuties, sameActor } from "../duties/separation-of-duties.ts";
import { failPublication, type PublicationErrorCode } from "./publication-errors.ts";

/** Where an item stands in 先审后发. */
export type PublicationStatus =
  | "draft"
  | "secrecy_review"
  | "review"
  | "sign_off"
  | "approved"
  | "published"
  | "withdrawn";

/** Every status, in workflow order. */
export const PUBLICATION_STATUSES: readonly PublicationStatus[] = [
  "draft",
  "secrecy_review",
  "review",
  "sign_off",
  "approved",
  "published",
  "withdrawn",
];

/** True when `value` is one of the statuses (e.g. a filter from a query string). */
export function isPublicationStatus(value: string): value is PublicationStatus {
  return (PUBLICATION_STATUSES as readonly string[]).includes(value);
}

/**
 * The statuses of an item that was ever published: still on the portal, or withdrawn from it (it keeps its
 * publication day). The annual report counts these; the portal shows `published` only.
 */
export const EVER_PUBLISHED = ["published", "withdrawn"] as const satisfies readonly PublicationStatus[];

/** A status of an item that was ever published. */
export type EverPublishedStatus = (typeof EVER_PUBLISHED)[number];

/** True when an item in this status was published at some time (see EVER_PUBLISHED). */
export function wasEverPublished(status: PublicationStatus): status is EverPublishedStatus {
  return (EVER_PUBLISHED as readonly PublicationStatus[]).includes(status);
}

/** The Chinese name of each status, for the back office and the trail. */
export const STATUS_NAMES: Readonly<Record<PublicationStatus, string>> = {
  draft: "草稿",
  secrecy_review: "待保密审查",
  review: "待审核",
  sign_off: "待审签",
  approved: "已审签待发布",
  published: "已发布",
  withdrawn: "已撤回",
};

/** The three review steps of 先审后发, in order. */
export type ReviewStep = "secrecyReview" | "review" | "signOff";

/** The review steps, in order, with the status that waits for each and the permission that takes it. */
export const REVIEW_STEPS: readonly {
  readonly step: ReviewStep;
  readonly waiting: PublicationStatus;
  readonly action: Action;
  readonly name: string;
}[] = [
  { step: "secrecyReview", waiting: "secrecy_review", action: "publication.secrecyReview", name: "保密审查" },
  { step: "review", waiting: "review", action: "publication.review", name: "审核" },
  { step: "signOff", waiting: "sign_off", action: "publication.signOff", name: "审签" },
];

/** A command given to an item. */
export type PublicationCommand =
  | { readonly type: "submit" }
  | { readonly type: "approve"; readonly opinion: string }
  | { readonly type: "sendBack"; readonly opinion: string }
  | { readonly type: "publish"; readonly publishedOn: string }
  | { readonly type: "withdraw"; readonly opinion: string };

/** The kinds of command. */
export type PublicationCommandType = PublicationCommand["type"];

/** What the log records of a transition (the actor and instant are added by the caller). */
export interface PublicationEvent {
  readonly type: PublicationCommandType;
  readonly from: PublicationStatus;
  readonly to: PublicationStatus;
  /** The review step approved or sent back from, when the command is a review decision. */
  readonly step: ReviewStep | null;
  readonly opinion: string;
  readonly publishedOn: string | null;
}

/** The result of a transition. */
export interface PublicationTransition {
  readonly status: PublicationStatus;
  readonly event: PublicationEvent;
}

/** A decision already in the log, as far as the machine needs it. */
export interface LoggedDecision {
  readonly type: PublicationCommandType;
  readonly step: ReviewStep | null;
  /** Who took it (SOD-1). */
  readonly actor: DutyActor;
}

/** Who gives a command, and whether the agency separates the review duties (SOD-1). */
export interface ReviewDuties {
  readonly actor: DutyActor;
  /** The agency setting 先审后发分人办理; off: one person may take every step (small offices). */
  readonly separate: boolean;
}

/** The review step that waits in `status`, if any. */
export function stepWaitingIn(status: PublicationStatus): (typeof REVIEW_STEPS)[number] | undefined {
  return REVIEW_STEPS.find((s) => s.waiting === status);
}

/** The permission a command needs in a status (the review step's own permission for review decisions). */
export function requiredAction(status: PublicationStatus, type: PublicationCommandType): Action {
  if (type === "approve" || type === "sendBack") return stepWaitingIn(status)?.action ?? "publication.review";
  if (type === "withdraw") return "publication.signOff";
  return "publication.edit";
}

/** A refusal with the machine's code. */
function refuse(code: PublicationErrorCode, message?: string): never {
  throw failPublication(code, message);
}

/** The opinion trimmed; sending back and withdrawing need one. */
function requiredOpinion(opinion: string, what: string): string {
  const trimmed = opinion.trim();
  if (trimmed === "") refuse("OPINION_REQUIRED", `${what}须填写意见`);
  return trimmed;
}

/**
 * 先审后发: whether the log since the last submission holds the three approvals in order (保密审查, 审核, 审签).
 * Publishing is refused unless it does, whatever the stored status says.
 */
export function reviewsComplete(log: readonly LoggedDecision[]): boolean {
  let lastSubmit = -1;
  log.forEach((d, i) => {
    if (d.type === "submit") lastSubmit = i;
  });
  if (lastSubmit < 0) return false;
  const approvals = log
    .slice(lastSubmit + 1)
    .filter((d) => d.type === "approve")
    .map((d) => d.step);
  return approvals.length === REVIEW_STEPS.length && REVIEW_STEPS.every((s, i) => approvals[i] === s.step);
}

/** The decisions of the current pass: those after the last submission (empty when never submitted). */
function currentPass(log: readonly LoggedDecision[]): readonly LoggedDecision[] {
  for (let i = log.length - 1; i >= 0; i--) {
    if (log[i]?.type === "submit") return log.slice(i);
  }
  return [];
}

/**
 * SOD-1: refuses (403 SEPARATION_OF_DUTIES, naming the step already taken) a review decision — approval or
 * send-back — at `step` by the pass's submitter or by someone who already decided a step of the pass.
 * Publishing the approved item is not a review step (see `transition`).
 */
function checkReviewDuties(log: readonly LoggedDecision[], step: string, duties: ReviewDuties): void {
  if (!duties.separate) return;
  for (const taken of currentPass(log)) {
    if (!sameActor(taken.actor, duties.actor)) continue;
    const name = REVIEW_STEPS.find((s) => s.step === taken.step)?.name;
    throw failDuties(
      "SEPARATION_OF_DUTIES",
      taken.type === "submit" || !name
        ? `先审后发分人办理：您已提交该信息，不能再进行${step}`
        : `先审后发分人办理：您已对该信息进行了${name}，不能再进行${step}`,
    );
  }
}

/** The next status after an approval in `status`. */
function afterApproval(status: PublicationStatus): PublicationStatus {
  const index = REVIEW_STEPS.findIndex((s) => s.waiting === status);
  return REVIEW_STEPS[index + 1]?.waiting ?? "approved";
}

/**
 * Applies a command given by `duties.actor` to an item in `status` with its decision log; returns the new
 * status and the event, or throws a DomainError (INVALID_TRANSITION, OPINION_REQUIRED, REVIEWS_INCOMPLETE,
 * SEPARATION_OF_DUTIES).
 */
export function transition(
  status: PublicationStatus,
  log: readonly LoggedDecision[],
  command: PublicationCommand,
  duties: ReviewDuties,
): PublicationTransition {
  const step = stepWaitingIn(status);
  const event = (to: PublicationStatus, extra: Partial<PublicationEvent> = {}): PublicationTransition => ({
    status: to,
    event: { type: command.type, from: status, to, step: null, opinion: "", publishedOn: null, ...extra },
  });
  switch (command.type) {
    case "submit":
      if (status !== "draft") refuse("INVALID_TRANSITION", "只有草稿可以提交审查");
      return event("secrecy_review");
    case "approve":
      if (!step) refuse("INVALID_TRANSITION", `当前状态（${STATUS_NAMES[status]}）没有待办的审查步骤`);
      checkReviewDuties(log, step.name, duties);
      return event(afterApproval(status), { step: step.step, opinion: command.opinion.trim() });
    case "sendBack": {
      if (!step) refuse("INVALID_TRANSITION", `当前状态（${STATUS_NAMES[status]}）不能退回`);
      checkReviewDuties(log, step.name, duties);
      const opinion = requiredOpinion(command.opinion, "退回");
      return event("draft", { step: step.step, opinion });
    }
    case "publish":
      // 先审后发: never published without 保密审查, 审核 and 审签 of the current version. Publishing is not a
      // review step (SOD-1): it releases, unchanged, what three other people approved; whoever may edit
      // the catalog may release it, the submitter and the signer included.
      if (status !== "approved" || !reviewsComplete(log)) {
        refuse("REVIEWS_INCOMPLETE");
      }
      return event("published", { publishedOn: command.publishedOn });
    case "withdraw": {
      if (status !== "published") refuse("INVALID_TRANSITION", "只有已发布的信息可以撤回");
      const opinion = requiredOpinion(command.opinion, "撤回");
      return event("withdrawn", { opinion });
    }
  }
}

/** Whether the item's content may still be edited (only a draft is edited; published items are amended). */
export function isEditable(status: PublicationStatus): boolean {
  return status === "draft";
}
