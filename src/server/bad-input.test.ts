/**
 * Bad input across every state-changing call of the platform API: invalid JSON, wrong types, oversized
 * bodies, unknown fields, a missing, wrong or foreign CSRF token, an expired session and no session each
 * get a clear 4xx `{ code, message }` in Chinese, and leave every table exactly as it was. The same calls
 * with a good body then succeed, so each refusal is for the one defect under test.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validCreditCode } from "../agencies/agency.test-support.ts";
import {
  insertAgency,
  insertTestUser,
  signIn,
  TEST_PASSWORD,
  type TestSession,
} from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "./build-server.ts";

/** A state-changing call with a body that would be accepted. */
interface WriteCall {
  readonly method: "POST" | "PATCH" | "PUT";
  readonly url: string;
  readonly body: Record<string, unknown> | undefined;
  /** The body with one field of the wrong type. */
  readonly wrongType?: Record<string, unknown>;
  readonly okStatus: number;
}

const CHINESE = /[\u4e00-\u9fff]/;

describe.each(testDialects())("bad input on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: TestSession;
  let other: TestSession;
  let expired: TestSession;
  let calls: WriteCall[];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const city = await insertAgency(database, "某市人民政府", null);
    const dept = await insertAgency(database, "某市民政局", city);
    await insertTestUser(database, "guanli", [{ agencyId: city, role: "system_admin" }]);
    await insertTestUser(database, "guoqi", [{ agencyId: city, role: "system_admin" }]);
    const target = await insertTestUser(database, "mubiao", [{ agencyId: dept, role: "case_officer" }]);
    app = await buildServer({ logLevel: false, database });
    admin = await signIn(app, "guanli");
    other = await signIn(app, "guanli", TEST_PASSWORD, "10.1.1.1");
    expired = await signIn(app, "guoqi");
    // 13 hours without use: past the 12-hour idle limit.
    const longAgo = new Date(Date.now() - 13 * 60 * 60 * 1000).toISOString();
    const sessions = await database.db.selectFrom("sessions").select(["id", "user_id"]).execute();
    const guoqi = await database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "guoqi")
      .executeTakeFirstOrThrow();
    for (const s of sessions.filter((row) => row.user_id === guoqi.id)) {
      await database.db
        .updateTable("sessions")
        .set({ last_seen_at: longAgo })
        .where("id", "=", s.id)
        .execute();
    }
    calls = [
      {
        method: "POST",
        url: "/api/agencies",
        body: { parentId: city, name: "某市教育局", kind: "department", creditCode: validCreditCode(4242) },
        wrongType: {
          parentId: String(city),
          name: "某市教育局",
          kind: "department",
          creditCode: validCreditCode(4242),
        },
        okStatus: 201,
      },
      {
        method: "PATCH",
        url: `/api/agencies/${dept}`,
        body: { name: "某市民政局（新）", contact: { phone: "0999-1234567" } },
        wrongType: { contact: { phone: 9991234567 } },
        okStatus: 200,
      },
      {
        method: "POST",
        url: "/api/users",
        body: {
          username: "xinren",
          displayName: "新人",
          password: "Xinren2025pass",
          roles: [{ agencyId: dept, role: "reviewer" }],
        },
        wrongType: {
          username: "xinren",
          displayName: "新人",
          password: "Xinren2025pass",
          roles: [{ agencyId: dept, role: "管理员" }],
        },
        okStatus: 201,
      },
      {
        method: "PATCH",
        url: `/api/users/${target}`,
        body: { displayName: "目标（改）" },
        wrongType: { disabled: "true" },
        okStatus: 200,
      },
      {
        method: "PUT",
        url: `/api/users/${target}/roles`,
        body: { roles: [{ agencyId: dept, role: "office_head" }] },
        wrongType: { roles: { agencyId: dept, role: "office_head" } },
        okStatus: 200,
      },
      { method: "POST", url: `/api/users/${target}/reset-password`, body: undefined, okStatus: 200 },
      {
        method: "POST",
        url: "/api/account/password",
        body: { currentPassword: TEST_PASSWORD, newPassword: "Guanli2025new" },
        wrongType: { currentPassword: TEST_PASSWORD, newPassword: ["Guanli2025new"] },
        okStatus: 204,
      },
    ];
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  /** Every row of the tables a write could touch (sessions by id and revocation only). */
  async function snapshot(): Promise<string> {
    const db = database.db;
    return JSON.stringify({
      agencies: await db.selectFrom("agencies").selectAll().orderBy("id").execute(),
      users: await db.selectFrom("users").selectAll().orderBy("id").execute(),
      roles: await db.selectFrom("role_assignments").selectAll().orderBy("id").execute(),
      trail: await db.selectFrom("trail").selectAll().orderBy("seq").execute(),
      sessions: await db.selectFrom("sessions").select(["id", "revoked_at"]).orderBy("id").execute(),
    });
  }

  /** Sends a raw payload and checks the refusal: status, code, a Chinese message. */
  async function expectRefused(
    call: WriteCall,
    headers: Record<string, string>,
    payload: string | undefined,
    status: number,
    code: string,
  ): Promise<void> {
    const res = await app.inject({
      method: call.method,
      url: call.url,
      headers: payload === undefined ? headers : { ...headers, "content-type": "application/json" },
      ...(payload === undefined ? {} : { payload }),
    });
    const label = `${call.method} ${call.url}`;
    expect(res.statusCode, label).toBe(status);
    const body = res.json() as { code: string; message: string };
    expect(body.code, label).toBe(code);
    expect(body.message, label).toMatch(CHINESE);
    expect(Object.keys(body).sort(), label).toEqual(["code", "message"]);
  }

  it("refuses invalid JSON, wrong types, unknown fields and oversized bodies with 4xx, changing nothing", async () => {
    const before = await snapshot();
    for (const call of calls.filter((c) => c.body !== undefined)) {
      await expectRefused(call, admin.headers, '{"name": "未写完', 400, "INVALID_JSON");
      await expectRefused(call, admin.headers, JSON.stringify(call.wrongType), 400, "INVALID_INPUT");
      await expectRefused(
        call,
        admin.headers,
        JSON.stringify({ ...call.body, isAdmin: true }),
        400,
        "UNKNOWN_FIELD",
      );
      await expectRefused(call, admin.headers, JSON.stringify([call.body]), 400, "INVALID_INPUT");
      const huge = JSON.stringify({ ...call.body, padding: "长".repeat(70_000) });
      await expectRefused(call, admin.headers, huge, 413, "PAYLOAD_TOO_LARGE");
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a missing, wrong or other session's CSRF token with 403 CSRF_INVALID, changing nothing", async () => {
    const before = await snapshot();
    for (const call of calls) {
      const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
      await expectRefused(call, { cookie: admin.cookie }, payload, 403, "CSRF_INVALID");
      const wrong = { cookie: admin.cookie, "x-csrf-token": `${admin.csrf.slice(0, -1)}x` };
      await expectRefused(call, wrong, payload, 403, "CSRF_INVALID");
      const foreign = { cookie: admin.cookie, "x-csrf-token": other.csrf };
      await expectRefused(call, foreign, payload, 403, "CSRF_INVALID");
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses an expired session with 401 SESSION_EXPIRED and no session with 401 UNAUTHENTICATED, changing nothing", async () => {
    const before = await snapshot();
    for (const call of calls) {
      const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
      await expectRefused(call, expired.headers, payload, 401, "SESSION_EXPIRED");
      await expectRefused(call, {}, payload, 401, "UNAUTHENTICATED");
      await expectRefused(
        call,
        { cookie: "gk_session=forged-token", "x-csrf-token": "x" },
        payload,
        401,
        "UNAUTHENTICATED",
      );
    }
    expect(await snapshot()).toBe(before);
  });

  it("accepts the same calls with a good body, token and session (the refusals were for the defect alone)", async () => {
    for (const call of calls) {
      const res = await app.inject({
        method: call.method,
        url: call.url,
        headers: admin.headers,
        ...(call.body === undefined ? {} : { payload: call.body }),
      });
      expect(res.statusCode, `${call.method} ${call.url}: ${res.body}`).toBe(call.okStatus);
    }
  });
});
