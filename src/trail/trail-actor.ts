/**
 * Who makes a change, as the audit trail records it: a person (user id, name, the role that allowed the
 * change, address) or the system itself (first-run seeding, operator commands).
 */

/** The author of a change. */
export interface Actor {
  readonly userId: number | null;
  readonly name: string;
  readonly role: string;
  /** The client's address; "local" for the system and the command line. */
  readonly ip?: string;
}

/** The system as an actor (first run, command line). */
export const SYSTEM_ACTOR: Actor = { userId: null, name: "系统", role: "system", ip: "local" };

/** The fields of a trail entry that name its actor (the address "local" for the system and the command line). */
export function actorFields(actor: Actor): {
  readonly actorUserId: number | null;
  readonly actorName: string;
  readonly actorRole: string;
  readonly ip: string;
} {
  return { actorUserId: actor.userId, actorName: actor.name, actorRole: actor.role, ip: actor.ip ?? "local" };
}
