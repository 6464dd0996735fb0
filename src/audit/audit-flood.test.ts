import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { DatabaseAuditRateLimit } from "./audit-flood.ts";

/** What a promise rejects with (undefined when it resolves). */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe.each(testDialects())("the audit's per-address limit in the database on %s", (dialect) => {
  let database: TestDatabase;
  let now = new Date("2026-03-02T01:00:00Z");
  const clock = () => now;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  /** The audits recorded in form_posts. */
  const recorded = async () =>
    Number(
      (
        await database.db
          .selectFrom("form_posts")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("form", "=", "audit")
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("allows the hourly number, refuses the next (recording nothing), and counts across instances", async () => {
    const first = new DatabaseAuditRateLimit(database, { perHour: 2, perDay: 3 }, clock);
    const second = new DatabaseAuditRateLimit(database, { perHour: 2, perDay: 3 }, clock);
    await first.take("203.0.113.5");
    await second.take("203.0.113.5");
    const refused = await rejection(first.take("203.0.113.5"));
    expect(refused).toMatchObject({
      code: "AUDIT_RATE_LIMITED",
      status: 429,
      message: "您提交体检过于频繁，请稍后再试（每小时最多 2 次，每天最多 3 次）",
    });
    expect(await rejection(second.take("203.0.113.5"))).toMatchObject({ code: "AUDIT_RATE_LIMITED" });
    await first.take("198.51.100.5");
    expect(await recorded()).toBe(3);
    now = new Date(now.getTime() + 3_600_001);
    await first.take("203.0.113.5");
    expect(await rejection(first.take("203.0.113.5"))).toMatchObject({ code: "AUDIT_RATE_LIMITED" });
    now = new Date(now.getTime() + 3_600_001);
    expect(await rejection(first.take("203.0.113.5"))).toMatchObject({ code: "AUDIT_RATE_LIMITED" });
  });

  it("lets exactly the hourly number through when one address posts 12 at once", async () => {
    const limit = new DatabaseAuditRateLimit(database, { perHour: 5, perDay: 50 }, clock);
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => rejection(limit.take("192.0.2.77"))));
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(5);
    expect(outcomes.filter((o) => (o as { code?: string })?.code === "AUDIT_RATE_LIMITED")).toHaveLength(7);
  });

  it("is what a server with a database counts with (GONGKAI_AUDIT_PER_HOUR)", async () => {
    process.env.GONGKAI_AUDIT_PER_HOUR = "1";
    const app = await buildServer({ logLevel: false, database });
    delete process.env.GONGKAI_AUDIT_PER_HOUR;
    try {
      const post = () =>
        app.inject({
          method: "POST",
          url: "/api/audit",
          remoteAddress: "192.0.2.200",
          payload: { text: "你好" },
        });
      expect((await post()).statusCode).toBe(422);
      const refused = await post();
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: "AUDIT_RATE_LIMITED" });
    } finally {
      await app.close();
    }
  });
});
