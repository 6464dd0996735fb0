/**
 * The shapes of the back-office JSON API (docs/API.md), from the server's contract (src/contract).
 */
import type { UserRole } from "../../../src/contract/user.contract.ts";

export type {
  Agency,
  AgencyContact,
  AgencyKind,
  AgencySettings,
} from "../../../src/contract/agency.contract.ts";
export type { AccountSession, SessionAnswer } from "../../../src/contract/session.contract.ts";
export type { TrailEntry, TrailVerification } from "../../../src/contract/trail.contract.ts";
export type { AdminUser, User, UserRole } from "../../../src/contract/user.contract.ts";

/** A role to grant (PUT /api/users/:id/roles, POST /api/users): agency and role key. */
export type RoleGrant = Pick<UserRole, "agencyId" | "role">;
