import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { publicFormKey } from "./tracking-attempt.repository.ts";
import { lookUpRequest } from "./tracking-lookup.ts";
import {
  recordAttempt,
  reserveTrackingAttempt,
  TRACKING_ATTEMPT_RETENTION_MS,
  TRACKING_MAX_FAILURES,
  TRACKING_WINDOW_MS,
} from "./tracking-throttle.ts";

const at = new Date("2026-03-02T02:00:00Z");
const plus = (ms: number) => new Date(at.getTime() + ms);
const TRACKING = "YSQ2026000100001";

describe.each(testDialects())("status-page throttling on %s", (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.dispose();
  });

  /** Reserves and records `times` failed attempts, as a wrong code would. */
  const fail = async (ip: string, trackingNo: string, when: Date, times: number) => {
    for (let i = 0; i < times; i += 1) {
      await reserveTrackingAttempt(database, ip, trackingNo, when);
      await recordAttempt(database, ip, trackingNo, when, false);
    }
  };

  const checked = async () =>
    Number(
      (
        await database.db
          .selectFrom("tracking_attempts")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  it("allows 10 failures from one address, then refuses with 429 in Chinese", async () => {
    await fail("192.0.2.1", "YSQ2026000100009", at, TRACKING_MAX_FAILURES - 1);
    await fail("192.0.2.1", "YSQ2026000100008", plus(1000), 1);
    const refused = reserveTrackingAttempt(database, "192.0.2.1", TRACKING, plus(2000));
    await expect(refused).rejects.toMatchObject({ code: "TRACKING_THROTTLED", status: 429 });
    await expect(refused).rejects.toThrow(/15分钟后再试/);
    // Another address asking for another tracking number is not affected.
    await expect(
      reserveTrackingAttempt(database, "192.0.2.2", TRACKING, plus(2000)),
    ).resolves.toBeUndefined();
  });

  it("limits one tracking number whatever the addresses (a distributed guess)", async () => {
    for (let i = 0; i < TRACKING_MAX_FAILURES; i += 1) await fail(`198.51.100.${i}`, TRACKING, at, 1);
    await expect(reserveTrackingAttempt(database, "203.0.113.9", TRACKING, plus(1000))).rejects.toMatchObject(
      {
        code: "TRACKING_THROTTLED",
      },
    );
    await expect(
      reserveTrackingAttempt(database, "203.0.113.9", "YSQ2026000100002", plus(1000)),
    ).resolves.toBeUndefined();
  });

  it("counts only failures within the last 15 minutes; successes take their reservation back", async () => {
    await fail("192.0.2.1", TRACKING, at, TRACKING_MAX_FAILURES);
    for (let i = 0; i < 20; i += 1) {
      await reserveTrackingAttempt(database, "192.0.2.7", "YSQ2026000200001", at);
      await recordAttempt(database, "192.0.2.7", "YSQ2026000200001", at, true);
    }
    await expect(
      reserveTrackingAttempt(database, "192.0.2.1", TRACKING, plus(TRACKING_WINDOW_MS - 1)),
    ).rejects.toThrow();
    await expect(
      reserveTrackingAttempt(database, "192.0.2.1", TRACKING, plus(TRACKING_WINDOW_MS)),
    ).resolves.toBeUndefined();
    await expect(
      reserveTrackingAttempt(database, "192.0.2.7", "YSQ2026000100003", at),
    ).resolves.toBeUndefined();
  });

  it("checks at most 10 codes of 200 parallel wrong guesses (each reserved before the check)", async () => {
    const key = Buffer.alloc(32, 7);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        lookUpRequest(database, key, { ip: "192.0.2.9", trackingNo: TRACKING, code: String(100000 + i), at }),
      ),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "TRACKING_INVALID")).toHaveLength(TRACKING_MAX_FAILURES);
    expect(codes.filter((c) => c === "TRACKING_THROTTLED")).toHaveLength(200 - TRACKING_MAX_FAILURES);
    // One attempt row per code actually checked.
    expect(await checked()).toBe(TRACKING_MAX_FAILURES);
  });

  it("drops attempts older than a day when recording a new one", async () => {
    await fail("192.0.2.1", TRACKING, at, 3);
    await recordAttempt(database, "192.0.2.2", TRACKING, plus(TRACKING_ATTEMPT_RETENTION_MS), false);
    expect(await database.db.selectFrom("tracking_attempts").select("ip").execute()).toHaveLength(4);
    await recordAttempt(database, "192.0.2.2", TRACKING, plus(TRACKING_ATTEMPT_RETENTION_MS + 1), false);
    const left = await database.db.selectFrom("tracking_attempts").select("ip").execute();
    expect(left.map((r) => r.ip)).toEqual(["192.0.2.2", "192.0.2.2"]);
  });

  it("signs with the installation secret: one key per installation, kept in the settings", async () => {
    const first = await publicFormKey(database.db);
    expect(first).toHaveLength(32);
    const stored = await database.db.selectFrom("settings").select("value").execute();
    expect(stored.map((r) => Buffer.from(r.value, "hex").equals(first))).toContain(true);
    expect((await publicFormKey(database.db)).equals(first)).toBe(true);
  });
});
