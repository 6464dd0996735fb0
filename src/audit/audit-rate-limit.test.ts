import { describe, expect, it } from "vitest";
import { AuditRateLimiter, auditRateFromEnv, DEFAULT_AUDIT_RATE } from "./audit-rate-limit.ts";

/** What a call throws (undefined when it does not). */
function thrown(run: () => void): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("the audit rate limit per address", () => {
  it("allows the hourly number, refuses the next with AUDIT_RATE_LIMITED (429), and allows again an hour later", () => {
    let now = Date.UTC(2026, 0, 5, 9);
    const limiter = new AuditRateLimiter({ perHour: 3, perDay: 10 }, () => now);
    for (let i = 0; i < 3; i++) limiter.take("203.0.113.7");
    const error = thrown(() => limiter.take("203.0.113.7"));
    expect(error).toMatchObject({
      code: "AUDIT_RATE_LIMITED",
      status: 429,
      message: "您提交体检过于频繁，请稍后再试（每小时最多 3 次，每天最多 10 次）",
    });
    expect(thrown(() => limiter.take("198.51.100.1"))).toBeUndefined();
    now += 3_600_001;
    expect(thrown(() => limiter.take("203.0.113.7"))).toBeUndefined();
  });

  it("counts the day: past the daily number, an address waits until its oldest audit is a day old", () => {
    let now = Date.UTC(2026, 0, 5, 0);
    const limiter = new AuditRateLimiter({ perHour: 2, perDay: 4 }, () => now);
    for (let hour = 0; hour < 2; hour++) {
      limiter.take("a");
      limiter.take("a");
      now += 3_600_001;
    }
    expect(thrown(() => limiter.take("a"))).toMatchObject({ code: "AUDIT_RATE_LIMITED" });
    now = Date.UTC(2026, 0, 6, 0) + 1;
    expect(thrown(() => limiter.take("a"))).toBeUndefined();
  });

  it("reads its limits from GONGKAI_AUDIT_PER_HOUR and GONGKAI_AUDIT_PER_DAY", () => {
    expect(auditRateFromEnv({ GONGKAI_AUDIT_PER_HOUR: "5", GONGKAI_AUDIT_PER_DAY: "0" })).toEqual({
      perHour: 5,
      perDay: DEFAULT_AUDIT_RATE.perDay,
    });
  });
});
