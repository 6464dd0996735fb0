/**
 * How the catalog pages name things: each 先审后发 status as a coloured tag, whose turn it is, R-26-1 flags,
 * log entries, and which waiting statuses a user's roles take (我的待办).
 */
import { can, isRole, ROLES } from "../../../src/core/access/permissions.ts";
import { PROACTIVE_CATEGORIES } from "../../../src/core/agency/proactive-categories.ts";
import { CATEGORY_ITEMS } from "../../../src/core/publication/publication-rules.ts";
import type { User } from "../api/api-types.ts";
import type {
  PublicationLogEntry,
  PublicationStatus,
  R26Status,
  ReviewStep,
} from "../api/publication-types.ts";

/** The Chinese name and tag colour of each status. */
export const STATUS_LABELS: Readonly<Record<PublicationStatus, { text: string; color: string }>> = {
  draft: { text: "草稿", color: "default" },
  secrecy_review: { text: "待保密审查", color: "blue" },
  review: { text: "待审核", color: "blue" },
  sign_off: { text: "待审签", color: "blue" },
  approved: { text: "已审签待发布", color: "cyan" },
  published: { text: "已发布", color: "green" },
  withdrawn: { text: "已撤回", color: "default" },
};

/** The status filter's options, in workflow order. */
export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as PublicationStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value].text,
}));

/** The review steps: the status waiting for each, the permission that takes it and who holds it. */
export const REVIEW_STEP_LABELS: readonly {
  readonly step: ReviewStep;
  readonly waiting: PublicationStatus;
  readonly action: "publication.secrecyReview" | "publication.review" | "publication.signOff";
  readonly name: string;
  readonly roleName: string;
}[] = [
  {
    step: "secrecyReview",
    waiting: "secrecy_review",
    action: "publication.secrecyReview",
    name: "保密审查",
    roleName: "保密审查员",
  },
  { step: "review", waiting: "review", action: "publication.review", name: "审核", roleName: "审核人" },
  {
    step: "signOff",
    waiting: "sign_off",
    action: "publication.signOff",
    name: "审签",
    roleName: "公开办负责人",
  },
];

/** The review step waiting in a status, if any. */
export function stepWaiting(status: PublicationStatus): (typeof REVIEW_STEP_LABELS)[number] | undefined {
  return REVIEW_STEP_LABELS.find((s) => s.waiting === status);
}

/** Whose turn it is in a status ("保密审查员", "信息员（提交审查）"), or null when nothing waits. */
export function turnOf(status: PublicationStatus): string | null {
  const step = stepWaiting(status);
  if (step) return `${step.roleName}（${step.name}）`;
  if (status === "draft") return "信息员（编辑后提交审查）";
  if (status === "approved") return "信息员或公开办负责人（发布）";
  return null;
}

/** The R-26-1 flag as a tag, or null when the item keeps the limit. */
export function r26Tag(r26: R26Status): { text: string; color: string; hint: string } | null {
  const hint = `R-26-1：形成后 20 个工作日内公开，期限 ${r26.dueOn}，已过 ${r26.elapsedWorkdays} 个工作日`;
  if (r26.flag === "overdue") return { text: "已超期", color: "red", hint };
  if (r26.flag === "near") return { text: "临近 20 个工作日", color: "orange", hint };
  if (r26.flag === "late") return { text: "超期发布", color: "volcano", hint };
  return null;
}

/** The Chinese name of a log entry ("保密审查通过", "退回（审核）", "提交审查"). */
export function logEntryLabel(entry: Pick<PublicationLogEntry, "type" | "step">): string {
  const step = REVIEW_STEP_LABELS.find((s) => s.step === entry.step)?.name ?? "";
  switch (entry.type) {
    case "submit":
      return "提交审查";
    case "approve":
      return `${step}通过`;
    case "sendBack":
      return `${step}退回`;
    case "publish":
      return "发布";
    case "withdraw":
      return "撤回";
    default:
      return entry.type;
  }
}

/**
 * 我的待办: the statuses in which the user's roles take the next step — the review steps the user holds,
 * and for an editor, drafts to submit and approved items to publish.
 */
export function myWaitingStatuses(user: User): PublicationStatus[] {
  const holds = (action: Parameters<typeof can>[1]) =>
    user.roles.some((held) => can([held], action, held.agencyId, []));
  const statuses: PublicationStatus[] = REVIEW_STEP_LABELS.filter((s) => holds(s.action)).map(
    (s) => s.waiting,
  );
  if (holds("publication.edit")) statuses.push("approved");
  return statuses;
}

/** Whether the user may take `action` in an agency (a role held there). */
export function mayIn(user: User, action: Parameters<typeof can>[1], agencyId: number): boolean {
  return user.roles.some((held) => held.agencyId === agencyId && can([held], action, agencyId, []));
}

/** The 条例第二十条 items as select options: "（三）国民经济和社会发展规划…". */
export const CATEGORY_OPTIONS = CATEGORY_ITEMS.map((item) => {
  const title = PROACTIVE_CATEGORIES.find((c) => c.item === item)?.title ?? "";
  return { value: item, label: `${item}${title}` };
});

/** The 有效性 values. */
export const VALIDITY_OPTIONS = ["有效", "失效", "废止", "修订"].map((v) => ({ value: v, label: v }));

/** The Chinese names of the roles a log entry records ("office_head,reviewer" → "公开办负责人、审核人"). */
export function roleNamesOf(actorRole: string): string {
  return actorRole
    .split(",")
    .map((role) => role.trim())
    .filter((role) => role !== "")
    .map((role) => (isRole(role) ? ROLES[role] : role))
    .join("、");
}
