import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { findUserByUsername, updateUser } from "../users/user.repository.ts";
import { insertAgency, insertTestUser, TEST_PASSWORD, testClock } from "./auth.test-support.ts";
import { LOGIN_WINDOW_MS, login } from "./login.service.ts";
import { sessionIdOf } from "./session.service.ts";

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

  it("locks a username for 15 minutes after 5 failures, even against the right password", async () => {
    const db = await setup();
    const clock = testClock();
    for (let i = 1; i <= 4; i++) {
      await expect(attempt(db, clock, `wrong-${i}-password`)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    }
    await expect(attempt(db, clock, "wrong-5-password")).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
      status: 423,
    });
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
    const user = await findUserByUsername(db.db, "zhangsan");
    expect(user?.locked_until).toBe("2025-03-01T08:15:00.000Z");
    expect((await db.db.selectFrom("trail").select("action").execute()).map((t) => t.action)).toContain(
      "user.lock",
    );
    clock.advance(LOGIN_WINDOW_MS - 1000);
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
    clock.advance(1000);
    const { context } = await attempt(db, clock, TEST_PASSWORD);
    expect(context.user.failed_logins).toBe(0);
    expect((await findUserByUsername(db.db, "zhangsan"))?.locked_until).toBeNull();
  });

  it("counts concurrent failures without losing any", async () => {
    const db = await setup();
    const clock = testClock();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => attempt(db, clock, `wrong-${i}-password`)),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    await expect(attempt(db, clock, TEST_PASSWORD)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
  });

  it("locks an unknown username the same way, so locking does not reveal which usernames exist", async () => {
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
    await expect(attempt(db, clock, "x1234567890", "ghost")).rejects.toMatchObject({ code: "LOGIN_FAILED" });
  });

  it("refuses an address after 20 failures within 15 minutes, and lets it in again later", async () => {
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
