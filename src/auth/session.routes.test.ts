import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { insertAgency, insertTestUser, signIn, TEST_PASSWORD } from "./auth.test-support.ts";

describe.each(testDialects())("session API on %s", (dialect) => {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await app?.close();
    await database?.dispose();
    app = undefined;
    database = undefined;
  });

  async function setup() {
    database = await createTestDatabase(dialect);
    const agency = await insertAgency(database, "某市人民政府", null);
    await insertTestUser(database, "wangwu", [{ agencyId: agency, role: "system_admin" }]);
    app = await buildServer({ logLevel: false, database });
    return { db: database, server: app, agency };
  }

  const countRows = async (db: TestDatabase, table: "sessions" | "trail") =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  it("signs in with an HttpOnly, SameSite=Lax cookie and answers the user and CSRF token", async () => {
    const { server } = await setup();
    const res = await server.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "wangwu", password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^gk_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure");
    expect(res.headers["cache-control"]).toBe("no-store");
    const body = res.json();
    expect(body).toEqual({
      user: {
        id: expect.any(Number),
        username: "wangwu",
        displayName: "wangwu 的姓名",
        mustChangePassword: false,
        email: "",
        roles: [
          {
            agencyId: expect.any(Number),
            agencyName: "某市人民政府",
            role: "system_admin",
            roleName: "系统管理员",
          },
        ],
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(res.body).not.toContain("password");
    const again = await server.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: cookie.split(";")[0] },
    });
    expect(again.json()).toEqual(body);
  });

  it("marks the cookie Secure over https from a trusted proxy, not from anyone else", async () => {
    const { db } = await setup();
    const trusting = await buildServer({ logLevel: false, database: db });
    const payload = { username: "wangwu", password: TEST_PASSWORD };
    const headers = { "x-forwarded-proto": "https" };
    const untrusted = await trusting.inject({ method: "POST", url: "/api/session", payload, headers });
    expect(String(untrusted.headers["set-cookie"])).not.toContain("Secure");
    await trusting.close();
    vi.stubEnv("GONGKAI_TRUST_PROXY", "127.0.0.1");
    const behindProxy = await buildServer({ logLevel: false, database: db });
    const res = await behindProxy.inject({ method: "POST", url: "/api/session", payload, headers });
    expect(String(res.headers["set-cookie"])).toContain("Secure");
    await behindProxy.close();
  });

  it("answers 401 LOGIN_FAILED, 423 ACCOUNT_LOCKED and 429 TOO_MANY_ATTEMPTS over HTTP", async () => {
    const { server } = await setup();
    const post = (username: string, password: string, remoteAddress = "10.1.1.1") =>
      server.inject({ method: "POST", url: "/api/session", payload: { username, password }, remoteAddress });
    const first = await post("wangwu", "wrong-password-1");
    expect(first.statusCode).toBe(401);
    expect(first.json()).toEqual({ code: "LOGIN_FAILED", message: "用户名或密码不正确" });
    for (let i = 0; i < 4; i++) await post("wangwu", "wrong-password-1");
    expect((await post("wangwu", TEST_PASSWORD)).json()).toMatchObject({ code: "ACCOUNT_LOCKED" });
    expect((await post("wangwu", TEST_PASSWORD)).statusCode).toBe(423);
    for (let i = 0; i < 15; i++) await post(`u${i}`, "wrong-password-1");
    const throttled = await post("someone", "wrong-password-1");
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("answers 401 UNAUTHENTICATED without a session and SESSION_EXPIRED after 12 idle hours or 7 days", async () => {
    const { db, server } = await setup();
    expect((await server.inject({ method: "GET", url: "/api/session" })).json().code).toBe("UNAUTHENTICATED");
    const bogus = await server.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: "gk_session=forged" },
    });
    expect(bogus.statusCode).toBe(401);
    expect(bogus.json().code).toBe("UNAUTHENTICATED");
    const idle = await signIn(server, "wangwu");
    const thirteenHoursAgo = new Date(Date.now() - 13 * 3600_000).toISOString();
    await db.db.updateTable("sessions").set({ last_seen_at: thirteenHoursAgo }).execute();
    const expired = await server.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: idle.cookie },
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ code: "SESSION_EXPIRED", message: "登录已过期，请重新登录" });
    const old = await signIn(server, "wangwu");
    await db.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(
      (await server.inject({ method: "GET", url: "/api/session", headers: { cookie: old.cookie } })).json()
        .code,
    ).toBe("SESSION_EXPIRED");
  });

  it("logs out with the CSRF token: 204, the session revoked, the cookie cleared, the trail written", async () => {
    const { db, server } = await setup();
    const session = await signIn(server, "wangwu");
    const res = await server.inject({ method: "DELETE", url: "/api/session", headers: session.headers });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers["set-cookie"])).toMatch(/^gk_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await server.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: session.cookie },
    });
    expect(after.json().code).toBe("SESSION_EXPIRED");
    const actions = (await db.db.selectFrom("trail").select("action").orderBy("seq").execute()).map(
      (t) => t.action,
    );
    expect(actions).toEqual(["user.create", "session.login", "session.logout"]);
  });

  it("refuses a logout without or with a wrong CSRF token with 403 CSRF_INVALID, changing nothing", async () => {
    const { db, server } = await setup();
    const session = await signIn(server, "wangwu");
    const trailBefore = await countRows(db, "trail");
    for (const headers of [{ cookie: session.cookie }, { cookie: session.cookie, "x-csrf-token": "wrong" }]) {
      const res = await server.inject({ method: "DELETE", url: "/api/session", headers });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        code: "CSRF_INVALID",
        message: "页面已失效（安全校验未通过），请刷新页面后重试",
      });
    }
    const other = await signIn(server, "wangwu");
    const crossed = await server.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie: session.cookie, "x-csrf-token": other.csrf },
    });
    expect(crossed.statusCode).toBe(403);
    expect(
      (await server.inject({ method: "GET", url: "/api/session", headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(await countRows(db, "trail")).toBe(trailBefore + 1);
  });

  it("accepts the token as the _csrf field of a url-encoded form", async () => {
    const { server } = await setup();
    const session = await signIn(server, "wangwu");
    const res = await server.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(session.csrf)}`,
    });
    expect(res.statusCode).toBe(204);
  });

  it("refuses unknown fields (400 UNKNOWN_FIELD), wrong types (400) and oversized bodies (413) on sign-in", async () => {
    const { db, server } = await setup();
    const unknown = await server.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "wangwu", password: TEST_PASSWORD, remember: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({
      code: "UNKNOWN_FIELD",
      message: "提交的内容包含不认识的字段：remember",
    });
    const wrongType = await server.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: 1, password: [] },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().code).toBe("INVALID_INPUT");
    const big = await server.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "wangwu", password: "x".repeat(20_000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("PAYLOAD_TOO_LARGE");
    expect(await countRows(db, "sessions")).toBe(0);
    expect(await db.db.selectFrom("login_attempts").selectAll().execute()).toEqual([]);
  });

  it("needs no CSRF token for the public audit even when signed in", async () => {
    const { server } = await setup();
    const session = await signIn(server, "wangwu");
    const res = await server.inject({
      method: "POST",
      url: "/api/audit",
      headers: { cookie: session.cookie },
      payload: { text: "" },
    });
    expect(res.statusCode).not.toBe(403);
  });
});
