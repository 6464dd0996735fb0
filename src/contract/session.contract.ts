/**
 * The session and account API's answers: signing in (the user and the session's CSRF token) and the
 * caller's own sessions.
 */
import { type Static, Type } from "@sinclair/typebox";
import { Instant } from "./common.contract.ts";
import { User } from "./user.contract.ts";

/** Answer of POST and GET /api/session: the signed-in user and the session's CSRF token. */
export const SessionAnswer = Type.Object({ user: User, csrfToken: Type.String() });
export type SessionAnswer = Static<typeof SessionAnswer>;

/** One of the caller's own sessions: a public id, never the token, the stored id or the CSRF token. */
export const AccountSession = Type.Object({
  id: Type.String({ pattern: "^[0-9a-f]{12}$" }),
  createdAt: Instant,
  lastSeenAt: Instant,
  ip: Type.String(),
  userAgent: Type.String(),
  current: Type.Boolean(),
});
export type AccountSession = Static<typeof AccountSession>;

/** Answer of GET /api/account/sessions. */
export const AccountSessions = Type.Object({ sessions: Type.Array(AccountSession) });
export type AccountSessions = Static<typeof AccountSessions>;
