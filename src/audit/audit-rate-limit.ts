/**
 * The per-address limit of the public 年报体检 (form and API), modelled on the message board's flood limit:
 * at most so many audits per hour and per day from one address. This in-process limiter serves a server
 * without a database; with one, the server counts in the database (audit-flood.ts) instead.
 */
import { failAudit } from "./audit-errors.ts";

/** Audits allowed per address per hour and per day. */
export interface AuditRateLimits {
  readonly perHour: number;
  readonly perDay: number;
}

/** The defaults: 30 audits an hour, 200 a day per address. */
export const DEFAULT_AUDIT_RATE: AuditRateLimits = { perHour: 30, perDay: 200 };

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Addresses tracked before stale ones are swept. */
const SWEEP_AT = 10_000;

/** A positive integer from an environment variable, else the default. */
function positive(value: string | undefined, fallback: number): number {
  const n = Number(value?.trim() || Number.NaN);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The limits from the environment (GONGKAI_AUDIT_PER_HOUR, GONGKAI_AUDIT_PER_DAY). */
export function auditRateFromEnv(env: NodeJS.ProcessEnv = process.env): AuditRateLimits {
  return {
    perHour: positive(env.GONGKAI_AUDIT_PER_HOUR, DEFAULT_AUDIT_RATE.perHour),
    perDay: positive(env.GONGKAI_AUDIT_PER_DAY, DEFAULT_AUDIT_RATE.perDay),
  };
}

/** Counts one audit from an address, or refuses it with AUDIT_RATE_LIMITED (in process or in a database). */
export interface AuditRateLimit {
  take(address: string): void | Promise<void>;
}

/** The refusal of an address past a limit, naming both limits. */
export function auditRateLimited(limits: AuditRateLimits) {
  return failAudit(
    "AUDIT_RATE_LIMITED",
    `您提交体检过于频繁，请稍后再试（每小时最多 ${limits.perHour} 次，每天最多 ${limits.perDay} 次）`,
  );
}

/** Counts each address's audits over the last day in this process and refuses those past the limits. */
export class AuditRateLimiter implements AuditRateLimit {
  readonly limits: AuditRateLimits;
  private readonly now: () => number;
  private readonly seen = new Map<string, number[]>();

  /** A limiter with the given limits; `now` is the clock (milliseconds). */
  constructor(limits: AuditRateLimits = DEFAULT_AUDIT_RATE, now: () => number = Date.now) {
    this.limits = limits;
    this.now = now;
  }

  /** Counts one audit from `address`, or throws AUDIT_RATE_LIMITED (429) when it is past a limit. */
  take(address: string): void {
    const now = this.now();
    if (this.seen.size >= SWEEP_AT) this.sweep(now);
    const times = (this.seen.get(address) ?? []).filter((t) => t > now - DAY);
    const lastHour = times.filter((t) => t > now - HOUR).length;
    if (lastHour >= this.limits.perHour || times.length >= this.limits.perDay) {
      this.seen.set(address, times);
      throw auditRateLimited(this.limits);
    }
    times.push(now);
    this.seen.set(address, times);
  }

  /** Forgets addresses with no audit in the last day. */
  private sweep(now: number): void {
    for (const [address, times] of this.seen) {
      if (!times.some((t) => t > now - DAY)) this.seen.delete(address);
    }
  }
}
