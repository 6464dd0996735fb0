/**
 * Who may do what, where: the one permission module. Roles are held per agency (条例 names the office;
 * the platform names the roles). A role held in an agency reaches that agency; 系统管理员 and 上级监督 also
 * reach every descendant agency (a government's administrator manages its departments; a supervisor reads
 * the whole subtree, read-only).
 */

/** The roles, with their Chinese names. */
export const ROLES = {
  system_admin: "系统管理员",
  office_head: "公开办负责人",
  case_officer: "承办人",
  information_officer: "信息员",
  reviewer: "审核人",
  secrecy_reviewer: "保密审查员",
  supervisor: "上级监督",
} as const;

/** A role key. */
export type Role = keyof typeof ROLES;

/** Every role key. */
export const ROLE_KEYS = Object.keys(ROLES) as Role[];

/** A role held in an agency. */
export interface RoleAssignment {
  readonly agencyId: number;
  readonly role: Role;
}

/** The actions the platform authorises, each with the roles that may take it. */
export const ACTIONS = {
  "agency.view": [
    "system_admin",
    "office_head",
    "case_officer",
    "information_officer",
    "reviewer",
    "secrecy_reviewer",
    "supervisor",
  ],
  "agency.create": ["system_admin"],
  "agency.update": ["system_admin", "office_head"],
  "user.view": ["system_admin", "office_head", "supervisor"],
  "user.manage": ["system_admin"],
  "trail.view": ["system_admin", "office_head", "supervisor"],
  "calendar.manage": ["system_admin"],
  // Disclosure requests (依申请公开).
  "request.view": ["office_head", "case_officer", "supervisor"],
  "request.handle": ["office_head", "case_officer"],
  /** R-33-2: an extension is approved by the head of the disclosure office (条例第三十三条). */
  "request.approveExtension": ["office_head"],
  // Proactive disclosure (主动公开), 先审后发: each review step by a person holding that role.
  "publication.view": [
    "system_admin",
    "office_head",
    "information_officer",
    "reviewer",
    "secrecy_reviewer",
    "supervisor",
  ],
  "publication.edit": ["office_head", "information_officer"],
  "publication.secrecyReview": ["secrecy_reviewer"],
  "publication.review": ["reviewer"],
  "publication.signOff": ["office_head"],
  // Registries behind the report: regulations, decisions, fees, training, channels, litigation cases.
  "registry.view": ["office_head", "case_officer", "information_officer", "reviewer", "supervisor"],
  "registry.manage": ["office_head", "information_officer", "case_officer"],
  // The public message board (网民留言).
  "message.view": ["office_head", "case_officer", "information_officer", "supervisor"],
  "message.reply": ["office_head", "case_officer", "information_officer"],
  "message.settings": ["office_head"],
  // The annual report (年度报告) and the portal monitors.
  "report.view": ["office_head", "case_officer", "information_officer", "reviewer", "supervisor"],
  "report.edit": ["office_head", "information_officer"],
  "report.publish": ["office_head"],
  "monitor.view": ["system_admin", "office_head", "information_officer", "supervisor"],
} as const satisfies Record<string, readonly Role[]>;

/** An action key. */
export type Action = keyof typeof ACTIONS;

/** Roles whose reach extends from their agency to all its descendants. */
const SUBTREE_ROLES: ReadonlySet<Role> = new Set<Role>(["system_admin", "supervisor"]);

/** True when `role` is a known role key. */
export function isRole(role: string): role is Role {
  return Object.hasOwn(ROLES, role);
}

/** Whether the role held in `heldAt` reaches `target`, given the target's ancestors (nearest first). */
function reaches(role: Role, heldAt: number, target: number, ancestorsOfTarget: readonly number[]): boolean {
  if (heldAt === target) return true;
  return SUBTREE_ROLES.has(role) && ancestorsOfTarget.includes(heldAt);
}

/** May a person with these assignments take `action` in agency `target`? */
export function can(
  assignments: readonly RoleAssignment[],
  action: Action,
  target: number,
  ancestorsOfTarget: readonly number[],
): boolean {
  const allowed: readonly Role[] = ACTIONS[action];
  return assignments.some(
    (a) => allowed.includes(a.role) && reaches(a.role, a.agencyId, target, ancestorsOfTarget),
  );
}

/** The agencies in which a person may take `action`, from the whole tree as (id, parentId) pairs. */
export function agenciesWhere(
  assignments: readonly RoleAssignment[],
  action: Action,
  tree: readonly { readonly id: number; readonly parentId: number | null }[],
): number[] {
  const parent = new Map(tree.map((a) => [a.id, a.parentId]));
  return tree.filter((a) => can(assignments, action, a.id, ancestorsOf(a.id, parent))).map((a) => a.id);
}

/** The ancestors of an agency, nearest first (a cycle in bad data stops the walk). */
export function ancestorsOf(id: number, parent: ReadonlyMap<number, number | null>): number[] {
  const out: number[] = [];
  let current = parent.get(id) ?? null;
  while (current !== null && !out.includes(current)) {
    out.push(current);
    current = parent.get(current) ?? null;
  }
  return out;
}
