/**
 * The shapes of the back-office JSON API (docs/API.md), as the shell receives them.
 */
import type { Role } from "../../../src/core/access/permissions.ts";

/** A role held in an agency, as the server describes it. */
export interface UserRole {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly role: Role;
  readonly roleName: string;
}

/** The signed-in user. */
export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
  readonly roles: readonly UserRole[];
}

/** Answer of POST/GET /api/session. */
export interface SessionAnswer {
  readonly user: User;
  readonly csrfToken: string;
}

export type {
  Agency,
  AgencyContact,
  AgencyKind,
  AgencySettings,
} from "../../../src/contract/agency.contract.ts";

/** A user as the administrators see it. */
export interface AdminUser extends User {
  readonly disabled: boolean;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
}

/** A role to grant: agency and role key. */
export interface RoleGrant {
  readonly agencyId: number;
  readonly role: Role;
}

/** One of the caller's own sessions. */
export interface AccountSession {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly current: boolean;
}

export type { TrailEntry, TrailVerification } from "../../../src/contract/trail.contract.ts";
