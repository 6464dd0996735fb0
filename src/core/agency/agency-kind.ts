/**
 * The kinds of agency: a 人民政府 (government) or a 部门 (department).
 */

/** Every kind of agency, the government first. */
export const AGENCY_KINDS = ["government", "department"] as const;

/** A kind of agency. */
export type AgencyKind = (typeof AGENCY_KINDS)[number];
