/**
 * The public audit's per-address limit kept in the database (form_posts, form "audit"), so that several
 * instances sharing PostgreSQL count the same audits: under the sender's lock, the audits of the last hour
 * and day are counted and this one recorded in one transaction, as the online request form does.
 */

import type { Database } from "../db/database.ts";
import {
  countFormPosts,
  insertFormPost,
  lockFormSender,
  pruneFormPosts,
} from "../db/form-post.repository.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import { senderHashOf } from "../web/sender-hash.ts";
import { type AuditRateLimit, type AuditRateLimits, auditRateLimited } from "./audit-rate-limit.ts";

/** The form name the audits are counted under. */
const FORM = "audit";
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The audit limit counted in the platform's database. */
export class DatabaseAuditRateLimit implements AuditRateLimit {
  /** A limit over `database` with the given numbers; `now` is the clock. */
  constructor(
    private readonly database: Database,
    readonly limits: AuditRateLimits,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts one audit from `address`, or throws AUDIT_RATE_LIMITED (429) past a limit, recording nothing. */
  async take(address: string): Promise<void> {
    const { db, dialect } = this.database;
    const sender = senderHashOf(await installationSecret(db), address);
    const now = this.now();
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    await db.transaction().execute(async (trx) => {
      await lockFormSender(trx, dialect, FORM, sender);
      const day = await countFormPosts(trx, FORM, sender, ago(DAY_MS));
      const hour = await countFormPosts(trx, FORM, sender, ago(HOUR_MS));
      if (hour >= this.limits.perHour || day >= this.limits.perDay) throw auditRateLimited(this.limits);
      await pruneFormPosts(trx, ago(DAY_MS));
      await insertFormPost(trx, FORM, sender, now.toISOString());
    });
  }
}
