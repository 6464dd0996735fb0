/**
 * Issue #9.3: the CSRF check, the temporary-password gate, the exact JSON body check and the 401 for a
 * missing session are decided on the route the router matched, so encoded, doubled-slash and mixed-case
 * spellings of a path neither slip past them nor reach a route another way.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createUser } from "../users/user.service.ts";
import {
  insertAgency,
  insertTestUser,
  signIn,
  TEST_PASSWORD,
  type TestSession,
} from "./auth.test-support.ts";

const CHINESE = /[\u4e00-\u9fff]/;

/** Spellings of /api/users the router decodes to the route itself. */
const ENCODED_USERS = ["/%61pi/users", "/api/%75sers", "/%61%70%69/%75%73%65%72%73"];

/** Spellings of /api/users that match no route (case-sensitive router, duplicate slashes kept). */
const UNMATCHED_USERS = ["//api/users", "/API/users", "/Api/users", "/api//users", "/%41pi/users"];

describe.each(testDialects())("gates on the matched route on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: TestSession;
  let temporary: TestSession;
  let dept: number;
  let targetId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const city = await insertAgency(database, "某市人民政府", null);
    dept = await insertAgency(database, "某市民政局", city);
    await insertTestUser(database, "guanli", [{ agencyId: city, role: "system_admin" }]);
    targetId = await insertTestUser(database, "mubiao", [{ agencyId: dept, role: "case_officer" }]);
    await createUser(
      database,
      {
        username: "linshi",
        displayName: "林氏",
        password: TEST_PASSWORD,
        roles: [{ agencyId: city, role: "system_admin" }],
        mustChangePassword: true,
      },
      SYSTEM_ACTOR,
    );
    app = await buildServer({ logLevel: false, database });
    admin = await signIn(app, "guanli");
    temporary = await signIn(app, "linshi");
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  /** The rows a refused write must leave alone. */
  async function snapshot(): Promise<string> {
    const db = database.db;
    return JSON.stringify({
      users: await db.selectFrom("users").selectAll().orderBy("id").execute(),
      roles: await db.selectFrom("role_assignments").selectAll().orderBy("id").execute(),
      trail: await db.selectFrom("trail").selectAll().orderBy("seq").execute(),
    });
  }

  const newUser = (username: string) => ({
    username,
    displayName: "新人",
    password: "Xinren2025pass",
    roles: [{ agencyId: dept, role: "reviewer" }],
  });

  /** Checks a `{ code, message }` refusal. */
  function expectCode(
    res: { statusCode: number; json(): unknown },
    status: number,
    code: string,
    label: string,
  ) {
    expect(res.statusCode, label).toBe(status);
    const body = res.json() as { code: string; message: string };
    expect(body.code, label).toBe(code);
    expect(body.message, label).toMatch(CHINESE);
  }

  it("refuses encoded spellings of a write without the CSRF token (403), and accepts them with it", async () => {
    const before = await snapshot();
    for (const url of ENCODED_USERS) {
      const res = await app.inject({
        method: "POST",
        url,
        headers: { cookie: admin.cookie },
        payload: newUser("x1"),
      });
      expectCode(res, 403, "CSRF_INVALID", url);
    }
    const reset = `/%61pi/users/${targetId}/reset-password`;
    expectCode(
      await app.inject({ method: "POST", url: reset, headers: { cookie: admin.cookie } }),
      403,
      "CSRF_INVALID",
      reset,
    );
    expect(await snapshot()).toBe(before);
    // The encoded path really reaches the route: with the token it creates the user.
    const ok = await app.inject({
      method: "POST",
      url: "/%61pi/users",
      headers: admin.headers,
      payload: newUser("bianma"),
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("checks JSON bodies exactly on encoded spellings too (no coercion of a wrong type)", async () => {
    const before = await snapshot();
    const url = `/%61pi/users/${targetId}`;
    const res = await app.inject({
      method: "PATCH",
      url,
      headers: admin.headers,
      payload: { disabled: "true" },
    });
    expectCode(res, 400, "INVALID_INPUT", url);
    expect(await snapshot()).toBe(before);
  });

  it("keeps a temporary password's gate on encoded spellings (403 PASSWORD_CHANGE_REQUIRED)", async () => {
    const before = await snapshot();
    for (const url of ENCODED_USERS) {
      const read = await app.inject({ method: "GET", url, headers: { cookie: temporary.cookie } });
      expectCode(read, 403, "PASSWORD_CHANGE_REQUIRED", url);
      const write = await app.inject({
        method: "POST",
        url,
        headers: temporary.headers,
        payload: newUser("x2"),
      });
      expectCode(write, 403, "PASSWORD_CHANGE_REQUIRED", url);
    }
    expect(await snapshot()).toBe(before);
  });

  it("answers 404 to doubled-slash and mixed-case spellings, changing nothing", async () => {
    const before = await snapshot();
    for (const url of UNMATCHED_USERS) {
      for (const headers of [{ cookie: admin.cookie }, admin.headers, {}]) {
        const res = await app.inject({ method: "POST", url, headers, payload: newUser("x3") });
        expectCode(res, 404, "NOT_FOUND", url);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses an unauthenticated write as 401 before judging its body (bad JSON, wrong types, too large)", async () => {
    const before = await snapshot();
    const bodies = [
      '{"username": "未写完',
      JSON.stringify({ username: 42 }),
      JSON.stringify({ pad: "长".repeat(70_000) }),
    ];
    for (const url of ["/api/users", ...ENCODED_USERS, `/api/users/${targetId}/reset-password`]) {
      for (const payload of bodies) {
        const res = await app.inject({
          method: "POST",
          url,
          headers: { "content-type": "application/json" },
          payload,
        });
        expectCode(res, 401, "UNAUTHENTICATED", url);
        const forged = await app.inject({
          method: "POST",
          url,
          headers: { "content-type": "application/json", cookie: "gk_session=forged" },
          payload,
        });
        expectCode(forged, 401, "UNAUTHENTICATED", url);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it("leaves the public writes open without a session: signing in and out", async () => {
    const out = await app.inject({ method: "DELETE", url: "/api/session" });
    expect(out.statusCode).toBe(204);
    const wrong = await app.inject({
      method: "POST",
      url: "/%61pi/session",
      payload: { username: "guanli", password: "x" },
    });
    expectCode(wrong, 401, "LOGIN_FAILED", "/%61pi/session");
  });
});
