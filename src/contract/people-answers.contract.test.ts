import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { presentAdminUser, presentUser } from "../auth/user.presenter.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { listUsers } from "../users/user.service.ts";
import { AccountSessions, SessionAnswer } from "./session.contract.ts";
import { UserList } from "./user.contract.ts";

// An instant as the API writes it: ISO 8601 in UTC, as Date#toISOString gives it.
if (!FormatRegistry.Has("date-time"))
  FormatRegistry.Set("date-time", (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v));

/** A value as it travels as JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe.each(testDialects())("the user and session answers are the presenters' values on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyId: number;
  let admin: TestSession;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    agencyId = await insertAgency(database, "示范市人民政府", null);
    await insertTestUser(database, "admin", [{ agencyId, role: "system_admin" }]);
    await insertTestUser(database, "officer", [
      { agencyId, role: "case_officer" },
      { agencyId, role: "reviewer" },
    ]);
    admin = await signIn(app, "admin");
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it("GET /api/users: every user as administrators see it, roles and e-mail included", async () => {
    const res = await app.inject({ url: "/api/users", headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const users = await listUsers(database, [agencyId]);
    const now = new Date();
    const expected = { users: users.map((u) => presentAdminUser(u.user, u.roles, now)) };
    expect(expected.users.map((u) => u.roles.length).sort()).toEqual([1, 2]);
    expect(res.json()).toEqual(asJson(expected));
    expect(Value.Errors(UserList, res.json()).First()).toBeUndefined();
  });

  it("GET /api/session and GET /api/account/sessions: the signed-in user, its token and its own sessions", async () => {
    const res = await app.inject({ url: "/api/session", headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const [entry] = (await listUsers(database, [agencyId])).filter((u) => u.user.username === "admin");
    if (!entry) throw new Error("admin is missing");
    expect(res.json()).toEqual({ user: asJson(presentUser(entry.user, entry.roles)), csrfToken: admin.csrf });
    expect(Value.Errors(SessionAnswer, res.json()).First()).toBeUndefined();
    const sessions = await app.inject({ url: "/api/account/sessions", headers: admin.headers });
    expect(sessions.statusCode).toBe(200);
    expect(Value.Errors(AccountSessions, sessions.json()).First()).toBeUndefined();
    expect(sessions.json().sessions).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        createdAt: expect.any(String),
        lastSeenAt: expect.any(String),
        ip: "127.0.0.1",
        userAgent: expect.any(String),
        current: true,
      },
    ]);
  });
});
