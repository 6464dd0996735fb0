import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { insertAgency, insertTestUser, TEST_PASSWORD, testClock } from "./auth.test-support.ts";
import { ACCOUNT_FAILURE_LIMIT, LOGIN_WINDOW_MS, login, USERNAME_FAILURE_LIMIT } from "./login.service.ts";
import { sessionIdOf } from "./session.service.ts";
import { findUserByUsername, updateUser } from "./user.repository.ts";

describe.each(testDialects())("login on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  async function setup() {
    database = await createTestDatabase(dialect);
    const agency = await insertAgency(database, "某市人民政府", null);
    await insertTestUser(database, "zhangsan", [{ agencyId: agency, role: "case_officer" }]);
    return database;
  }

  const attempt = (
    db: TestDatabase,
    clock: { now: () => Date },
    password: string,
    username = "zhangsan",
    ip = "10.0.0.1",
  ) => login(db, { username, password, ip, userAgent: "vitest" }, clock.now);

  it("signs in with the right password, records the attempt and the trail, stores only the token's hash", async () => {
    const db = await setup();
    const clock = testClock();
    const { token, context } = await attempt(db, clock, TEST_PASSWORD);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(context.user.username).toBe("zhangsan");
    expect(context.assignments).toEqual([{ agencyId: expect.any(Number), role: "case_officer" }]);
    const sessions = await db.db.selectFrom("sessions").selectAll().execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.id).toBe(sessionIdOf(token));
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect(sessions[0]?.expires_at).toBe("2025-03-08T08:00:00.000Z");
    const attempts = await db.db.selectFrom("login_attempts").selectAll().execute();
    expect(attempts).toMatchObject([{ username: "zhangsan", ip: "10.0.0.1", success: 1 }]);
    const trail = await db.db.selectFrom("trail").select(["action", "actor_name"]).execute();
    expect(trail.map((t) => t.action)).toEqual(["user.create", "session.login"]);
  });

  it("answers a wrong password and an unknown username alike with LOGIN_FAILED", async () => {
    const db = await setup();
    const clock = testClock();
    await expect(attempt(db, clock, "wrong-password-1")).rejects.toMatchObject({
      code: "LOGIN_FAILED",
      status: 401,
    });
    await expect(attempt(db, clock, TEST_PASSWORD, "nobody")).rejects.toMatchObject({
      code: "LOGIN_FAILED",
      message: "用户名或密码不正确",
    });
    const attempts = await db.db
      .selectFrom("login_attempts")
      .select(["username", "success"])
      .orderBy("id")
      .execute();
    expect(attempts).toEqual([
      { username: "zhangsan", success: 0 },
      { username: "nobody", success: 0 },
    ]);
  });

  /** The failed attempts recorded: one per password actually checked (argon2 verification). */
  const checkedFailures = async (db: TestDatabase) =>
    Number(
      (
        await db.db
          .selectFrom("login_attempts")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("success", "=", 0)
          .executeTakeFirst()
      )?.n,
    );

  it("makes one account at one address wait 1 minute after 5 failures, doubling, even with the right password", async () => {
    const db = await setup();
    const clock = testClock();
    for (let i = 1; i <= 4; i++) {
      await expect(attempt(db, clock, `wrong-${i}-password`)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    }
    await expect(attempt(db, clock, "wrong-5-password")).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
      status: 423,
      message: "登录失败次数过多，请 1 分钟后再试",
    });
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
    expect((await db.db.selectFrom("trail").select("action").execute()).map((t) => t.action)).toContain(
      "user.lock",
    );
    clock.advance(LOGIN_WINDOW_MS - 1000);
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
    clock.advance(1000);
    // The sixth failure doubles the wait to 2 minutes.
    await expect(attempt(db, clock, "wrong-6-password")).rejects.toMatchObject({
      message: "登录失败次数过多，请 2 分钟后再试",
    });
    clock.advance(2 * LOGIN_WINDOW_MS - 1000);
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
    clock.advance(1000);
    await attempt(db, clock, TEST_PASSWORD);
    // The success cleared this account-and-address bucket: a slip afterwards is a plain failure.
    await expect(attempt(db, clock, "wrong-7-password")).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    expect((await findUserByUsername(db.db, "zhangsan"))?.locked_until).toBeNull();
  });

  it("checks at most 5 passwords of 100 parallel wrong attempts for one account (reserved before the check)", async () => {
    const db = await setup();
    const clock = testClock();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => attempt(db, clock, `wrong-${i}-password`)),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(await checkedFailures(db)).toBe(USERNAME_FAILURE_LIMIT);
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "LOGIN_FAILED")).toHaveLength(USERNAME_FAILURE_LIMIT - 1);
    expect(codes.filter((c) => c === "ACCOUNT_LOCKED")).toHaveLength(100 - USERNAME_FAILURE_LIMIT + 1);
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
  });

  it("does not let an attacker's address lock the real user out: 50 failures elsewhere change nothing for them", async () => {
    const db = await setup();
    const clock = testClock();
    for (let i = 0; i < 50; i++) {
      await expect(attempt(db, clock, `wrong-${i}-password`, "zhangsan", "203.0.113.66")).rejects.toThrow();
    }
    expect(await checkedFailures(db)).toBe(USERNAME_FAILURE_LIMIT);
    // From another address, never used before, the right password gets in at once.
    await expect(attempt(db, clock, TEST_PASSWORD, "zhangsan", "10.0.0.2")).resolves.toBeDefined();
    await expect(attempt(db, clock, TEST_PASSWORD, "zhangsan", "203.0.113.66")).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
  });

  it("slows an account attacked from many addresses, but lets the right password in from a known address or session", async () => {
    const db = await setup();
    const clock = testClock();
    await attempt(db, clock, TEST_PASSWORD, "zhangsan", "10.0.0.1");
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        attempt(db, clock, `wrong-${i}-password`, "zhangsan", `198.51.100.${i}`),
      ),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    // Each address checks one password until the account-wide limit (20) starts its wait.
    expect(await checkedFailures(db)).toBe(ACCOUNT_FAILURE_LIMIT);
    await expect(attempt(db, clock, TEST_PASSWORD, "zhangsan", "192.0.2.200")).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    await expect(attempt(db, clock, TEST_PASSWORD, "zhangsan", "10.0.0.1")).resolves.toBeDefined();
    await expect(
      login(
        db,
        {
          username: "zhangsan",
          password: TEST_PASSWORD,
          ip: "192.0.2.201",
          userAgent: "vitest",
          sessionUsername: "zhangsan",
        },
        clock.now,
      ),
    ).resolves.toBeDefined();
    // The account-wide wait only slows: after it, the right password gets in from anywhere.
    clock.advance(LOGIN_WINDOW_MS);
    await expect(attempt(db, clock, TEST_PASSWORD, "zhangsan", "192.0.2.200")).resolves.toBeDefined();
  });

  it("throttles an unknown username the same way, so throttling does not reveal which usernames exist", async () => {
    const db = await setup();
    const clock = testClock();
    for (let i = 1; i <= 4; i++) {
      await expect(attempt(db, clock, "x1234567890", "ghost")).rejects.toMatchObject({
        code: "LOGIN_FAILED",
      });
    }
    await expect(attempt(db, clock, "x1234567890", "ghost")).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    await expect(attempt(db, clock, "x1234567890", "ghost")).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    clock.advance(LOGIN_WINDOW_MS);
    await expect(attempt(db, clock, "x1234567890", "ghost")).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    expect(await checkedFailures(db)).toBe(6);
  });

  it("refuses an address after 20 failures across accounts, and lets it in again after the wait", async () => {
    const db = await setup();
    const clock = testClock();
    for (let i = 0; i < 20; i++) {
      await expect(attempt(db, clock, "wrong-password-1", `user${i}`)).rejects.toMatchObject({
        code: "LOGIN_FAILED",
      });
      clock.advance(1000);
    }
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      status: 429,
    });
    // Another address is not affected.
    await expect(attempt(db, clock, TEST_PASSWORD, "zhangsan", "10.0.0.2")).resolves.toBeDefined();
    clock.advance(LOGIN_WINDOW_MS);
    await expect(attempt(db, clock, TEST_PASSWORD)).resolves.toBeDefined();
  });

  it("refuses a disabled account with ACCOUNT_DISABLED only after the right password", async () => {
    const db = await setup();
    const clock = testClock();
    const user = await findUserByUsername(db.db, "zhangsan");
    await updateUser(db.db, user?.id ?? 0, { disabled: 1 });
    await expect(attempt(db, clock, "wrong-password-1")).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({
      code: "ACCOUNT_DISABLED",
      status: 403,
    });
    expect(await db.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });
});
