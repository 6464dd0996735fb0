/**
 * Signing in, throttled so that nobody can lock a real user out at will (issue #9.5). Each attempt is
 * reserved in throttle buckets before the password is checked (attempt-throttle.ts), so parallel attempts
 * cannot check more passwords than the limits allow:
 * - per account and address: 5 failures, then a wait of 1 minute doubling up to 1 hour (423 ACCOUNT_LOCKED);
 * - per account, all addresses together: 20 failures, then a wait of 1 minute doubling up to 15 minutes —
 *   it only slows, and does not apply to an address that has signed in to this account before (nor to the
 *   account's own signed-in session), so the right password from a known place always gets in;
 * - per address, all accounts together: 20 failures, then 1 minute doubling up to 1 hour (429).
 * Failures are forgotten after 24 quiet hours; a success clears its account-and-address bucket. An unknown
 * username and a wrong password give the same LOGIN_FAILED after the same argon2 work, and unknown
 * usernames are throttled like known ones, so neither answers nor timing reveal which usernames exist.
 */

import { DomainError } from "../core/domain-error.ts";
import type { ThrottleRule } from "../core/throttle/throttle-policy.ts";
import type { Database } from "../db/database.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { reserveAttempts, settleAttempts, type ThrottledBucket } from "./attempt-throttle.ts";
import { hasSignedInFrom, recordLoginAttempt } from "./login-attempt.repository.ts";
import { verifyAgainstDummyHash, verifyPassword } from "./password-hashing.ts";
import { personActor } from "./person-actor.ts";
import {
  type AuthContext,
  assignmentsOf,
  publicSessionId,
  startSession,
  withoutPasswordHash,
} from "./session.service.ts";
import { pruneBuckets } from "./throttle-bucket.repository.ts";
import { findUserByUsername, rolesOfUsers, updateUser } from "./user.repository.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Failures for one account from one address before the waits start. */
export const USERNAME_FAILURE_LIMIT = 5;

/** Failures from one address (all accounts) before the waits start. */
export const IP_FAILURE_LIMIT = 20;

/** Failures for one account (all unknown addresses) before the waits start. */
export const ACCOUNT_FAILURE_LIMIT = 20;

/** The first wait once a limit is reached (it doubles with each further failure). */
export const LOGIN_WINDOW_MS = MINUTE;

/** Per account and address: 5 failures, then 1 minute doubling up to 1 hour. */
export const PAIR_RULE: ThrottleRule = {
  freeFailures: USERNAME_FAILURE_LIMIT,
  firstDelayMs: MINUTE,
  maxDelayMs: HOUR,
  forgetAfterMs: 24 * HOUR,
};

/** Per account from addresses it has not signed in from: 20 failures, then 1 minute doubling up to 15. */
export const ACCOUNT_RULE: ThrottleRule = {
  freeFailures: ACCOUNT_FAILURE_LIMIT,
  firstDelayMs: MINUTE,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 24 * HOUR,
};

/** Per address: 20 failures, then 1 minute doubling up to 1 hour. */
export const ADDRESS_RULE: ThrottleRule = {
  freeFailures: IP_FAILURE_LIMIT,
  firstDelayMs: MINUTE,
  maxDelayMs: HOUR,
  forgetAfterMs: 24 * HOUR,
};

/** The scopes of the sign-in buckets. */
const LOGIN_SCOPES = ["login-address", "login-pair", "login-account"] as const;

/** What a login request carries besides the credentials. */
export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent: string;
  /** The username of the session the request already carries, if any (a known place to sign in from). */
  readonly sessionUsername?: string;
}

/** A successful login: the cookie token to set once, and the new caller. */
export interface LoginResult {
  readonly token: string;
  readonly context: AuthContext;
}

/** The minutes of a wait, rounded up, for the message. */
function minutesOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE));
}

/** The buckets an attempt is charged to: per address, per account and address, per account unless known. */
function bucketsOf(input: LoginInput, known: boolean): ThrottledBucket[] {
  const pair: ThrottledBucket = {
    scope: "login-pair",
    key: `${input.username}\n${input.ip}`,
    rule: PAIR_RULE,
  };
  if (known) return [pair];
  return [
    { scope: "login-address", key: input.ip, rule: ADDRESS_RULE },
    pair,
    { scope: "login-account", key: input.username, rule: ACCOUNT_RULE },
  ];
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
  const known =
    input.sessionUsername === input.username || (await hasSignedInFrom(db, input.username, input.ip));
  const buckets = bucketsOf(input, known);
  const reservation = await reserveAttempts(database, buckets, start);
  if (!reservation.ok) {
    const minutes = minutesOf(reservation.retryAfterMs);
    if (reservation.refusedBy.scope === "login-address") {
      throw new DomainError("TOO_MANY_ATTEMPTS", `登录失败次数过多，请 ${minutes} 分钟后再试`);
    }
    throw new DomainError("ACCOUNT_LOCKED", `登录失败次数过多，请 ${minutes} 分钟后再试`);
  }

  const user = await findUserByUsername(db, input.username);
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstDummyHash(input.password);
  const failure = { username: input.username, ip: input.ip, at, success: false };

  if (!user || !ok) {
    // The reservation already counted this failure; say so when it started a wait for this account.
    const waits = reservation.states.map((s, i) =>
      buckets[i]?.scope !== "login-address" && s.blockedUntil
        ? Date.parse(s.blockedUntil) - start.getTime()
        : 0,
    );
    const wait = Math.max(0, ...waits);
    await database.db.transaction().execute(async (trx) => {
      await recordLoginAttempt(trx, failure);
      if (!user || wait === 0) return;
      await appendTrail(trx, database.dialect, {
        at,
        actorUserId: null,
        actorName: "系统",
        actorRole: "system",
        agencyId: null,
        action: "user.lock",
        entityType: "user",
        entityId: user.id,
        after: { lockedUntil: new Date(start.getTime() + wait).toISOString(), reason: "连续登录失败" },
        ip: input.ip,
      });
    });
    if (wait > 0)
      throw new DomainError("ACCOUNT_LOCKED", `登录失败次数过多，请 ${minutesOf(wait)} 分钟后再试`);
    throw new DomainError("LOGIN_FAILED");
  }

  if (user.disabled === 1) {
    await recordLoginAttempt(db, failure);
    throw new DomainError("ACCOUNT_DISABLED");
  }

  const roles = await rolesOfUsers(db, [user.id]);
  const assignments = assignmentsOf(roles);
  return database.db.transaction().execute(async (trx) => {
    await recordLoginAttempt(trx, { ...failure, success: true });
    // The right password clears this account-and-address bucket and takes back its charge elsewhere.
    await settleAttempts(
      trx,
      database.dialect,
      buckets.map((bucket) => ({ bucket, how: bucket.scope === "login-pair" ? "clear" : "refund" })),
      start,
    );
    await pruneBuckets(
      trx,
      LOGIN_SCOPES,
      new Date(start.getTime() - 2 * ACCOUNT_RULE.forgetAfterMs).toISOString(),
      at,
    );
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
