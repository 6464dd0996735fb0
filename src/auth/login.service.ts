/**
 * Signing in, with throttling: 5 failures for a username lock it for 15 minutes (423 ACCOUNT_LOCKED);
 * 20 failures from one address within 15 minutes refuse that address (429 TOO_MANY_ATTEMPTS). An unknown
 * username and a wrong password give the same LOGIN_FAILED after the same argon2 work, and unknown
 * usernames lock like known ones, so neither answers nor timing reveal which usernames exist.
 */
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import {
  findUserByUsername,
  incrementFailedLogins,
  rolesOfUsers,
  updateUser,
} from "../users/user.repository.ts";
import {
  countFailuresForUsername,
  countFailuresFromIp,
  recordLoginAttempt,
} from "./login-attempt.repository.ts";
import { verifyAgainstDummyHash, verifyPassword } from "./password-hashing.ts";
import { personActor } from "./person-actor.ts";
import {
  type AuthContext,
  assignmentsOf,
  publicSessionId,
  startSession,
  withoutPasswordHash,
} from "./session.service.ts";

/** Failures for one username that lock it. */
export const USERNAME_FAILURE_LIMIT = 5;

/** Failures from one address within the window that refuse it. */
export const IP_FAILURE_LIMIT = 20;

/** Lockout duration and throttling window (15 minutes). */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** What a login request carries besides the credentials. */
export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent: string;
}

/** A successful login: the cookie token to set once, and the new caller. */
export interface LoginResult {
  readonly token: string;
  readonly context: AuthContext;
}

/** Signs a user in, or throws LOGIN_FAILED, ACCOUNT_LOCKED, ACCOUNT_DISABLED or TOO_MANY_ATTEMPTS. */
export async function login(
  database: Database,
  input: LoginInput,
  now: () => Date = () => new Date(),
): Promise<LoginResult> {
  const { db } = database;
  const start = now();
  const at = start.toISOString();
  const windowStart = new Date(start.getTime() - LOGIN_WINDOW_MS).toISOString();
  if ((await countFailuresFromIp(db, input.ip, windowStart)) >= IP_FAILURE_LIMIT) {
    throw new DomainError("TOO_MANY_ATTEMPTS");
  }
  const user = await findUserByUsername(db, input.username);
  const locked = user
    ? user.locked_until !== null && Date.parse(user.locked_until) > start.getTime()
    : (await countFailuresForUsername(db, input.username, windowStart)) >= USERNAME_FAILURE_LIMIT;
  if (locked) throw new DomainError("ACCOUNT_LOCKED");

  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstDummyHash(input.password);
  const failure = { username: input.username, ip: input.ip, at, success: false };

  if (!user || !ok) {
    const lockedNow = await database.db.transaction().execute(async (trx) => {
      await recordLoginAttempt(trx, failure);
      if (!user) {
        return (await countFailuresForUsername(trx, input.username, windowStart)) >= USERNAME_FAILURE_LIMIT;
      }
      const failures = await incrementFailedLogins(trx, user.id);
      if (failures < USERNAME_FAILURE_LIMIT) return false;
      const lockedUntil = new Date(start.getTime() + LOGIN_WINDOW_MS).toISOString();
      await updateUser(trx, user.id, { failed_logins: 0, locked_until: lockedUntil, updated_at: at });
      await appendTrail(trx, database.dialect, {
        at,
        actorUserId: null,
        actorName: "系统",
        actorRole: "system",
        agencyId: null,
        action: "user.lock",
        entityType: "user",
        entityId: user.id,
        after: { lockedUntil, reason: "连续登录失败" },
        ip: input.ip,
      });
      return true;
    });
    throw new DomainError(lockedNow ? "ACCOUNT_LOCKED" : "LOGIN_FAILED");
  }

  if (user.disabled === 1) {
    await recordLoginAttempt(db, failure);
    throw new DomainError("ACCOUNT_DISABLED");
  }

  const roles = await rolesOfUsers(db, [user.id]);
  const assignments = assignmentsOf(roles);
  return database.db.transaction().execute(async (trx) => {
    await recordLoginAttempt(trx, { ...failure, success: true });
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
    const { token, session } = await startSession(trx, {
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
      now: start,
    });
    const actor = personActor(user, assignments, input.ip);
    await appendTrail(trx, database.dialect, {
      at,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      agencyId: assignments[0]?.agencyId ?? null,
      action: "session.login",
      entityType: "session",
      entityId: publicSessionId(session.id),
      ip: input.ip,
    });
    const fresh = { ...user, failed_logins: 0, locked_until: null };
    return { token, context: { user: withoutPasswordHash(fresh), assignments, roles, session } };
  });
}
