/**
 * The signed-in person's own account: changing the password (which signs out every other session).
 */
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "./password-hashing.ts";
import { personActor } from "./person-actor.ts";
import { revokeUserSessions } from "./session.repository.ts";
import type { AuthContext } from "./session.service.ts";
import { findUserById, updateUser } from "./user.repository.ts";

/** Changes the caller's password: 400 WRONG_PASSWORD / WEAK_PASSWORD; other sessions are revoked. */
export async function changeOwnPassword(
  database: Database,
  context: AuthContext,
  input: { readonly currentPassword: string; readonly newPassword: string },
  ip: string,
  now: Date = new Date(),
): Promise<void> {
  const user = await findUserById(database.db, context.user.id);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new DomainError("WRONG_PASSWORD");
  }
  assertPasswordPolicy(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new DomainError("WEAK_PASSWORD", "新密码不能与当前密码相同");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const at = now.toISOString();
  const actor = personActor(user, context.assignments, ip);
  await database.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 0, updated_at: at });
    const revoked = await revokeUserSessions(trx, user.id, at, context.session.id);
    await appendTrail(trx, database.dialect, {
      at,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      agencyId: context.assignments[0]?.agencyId ?? null,
      action: "user.change_password",
      entityType: "user",
      entityId: user.id,
      after: { otherSessionsRevoked: revoked },
      ip,
    });
  });
}
