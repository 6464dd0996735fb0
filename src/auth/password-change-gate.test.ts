import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createUser } from "../users/user.service.ts";
import { insertAgency, signIn, TEST_PASSWORD } from "./auth.test-support.ts";

const REQUIRED = {
  code: "PASSWORD_CHANGE_REQUIRED",
  message: "您的密码是临时密码，请先修改密码后再进行其他操作",
};

describe.each(testDialects())("pending password change on %s", (dialect) => {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await database?.dispose();
    app = undefined;
    database = undefined;
  });

  /** A government, and its administrator whose password someone else chose. */
  async function setup() {
    database = await createTestDatabase(dialect);
    const city = await insertAgency(database, "某市人民政府", null);
    const created = await createUser(
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
    return { db: database, server: app, city, userId: created.user.id };
  }

  const count = async (db: TestDatabase, table: "agencies" | "users" | "trail") =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  it("answers 403 PASSWORD_CHANGE_REQUIRED on every other API call, reads and writes alike, changing nothing", async () => {
    const { db, server, city, userId } = await setup();
    const session = await signIn(server, "linshi");
    const before = { agencies: await count(db, "agencies"), trail: await count(db, "trail") };
    const calls = [
      { method: "GET", url: "/api/agencies" },
      { method: "GET", url: `/api/agencies/${city}` },
      {
        method: "POST",
        url: "/api/agencies",
        payload: { parentId: city, name: "某市教育局", kind: "department", creditCode: "11999900MB0000010H" },
      },
      { method: "PATCH", url: `/api/agencies/${city}`, payload: { name: "改名" } },
      { method: "GET", url: "/api/users" },
      { method: "PATCH", url: `/api/users/${userId}`, payload: { displayName: "改名" } },
      { method: "GET", url: "/api/trail" },
      { method: "GET", url: "/api/trail/verify" },
      { method: "GET", url: "/api/account/sessions" },
      { method: "DELETE", url: "/api/account/sessions/0123456789ab" },
    ] as const;
    for (const call of calls) {
      const res = await server.inject({ ...call, headers: session.headers });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(403);
      expect(res.json(), `${call.method} ${call.url}`).toEqual(REQUIRED);
    }
    // Even a forged call (no CSRF token) learns nothing more than the pending change.
    const forged = await server.inject({
      method: "GET",
      url: "/api/users",
      headers: { cookie: session.cookie },
    });
    expect(forged.json()).toEqual(REQUIRED);
    expect({ agencies: await count(db, "agencies"), trail: await count(db, "trail") }).toEqual(before);
  });

  it("keeps GET and DELETE /api/session and POST /api/account/password open, then opens the rest", async () => {
    const { server } = await setup();
    const session = await signIn(server, "linshi");
    const read = await server.inject({ method: "GET", url: "/api/session", headers: session.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json().user.mustChangePassword).toBe(true);
    const change = await server.inject({
      method: "POST",
      url: "/api/account/password",
      headers: session.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Changed2025pass" },
    });
    expect(change.statusCode).toBe(204);
    const after = await server.inject({ method: "GET", url: "/api/session", headers: session.headers });
    expect(after.json().user.mustChangePassword).toBe(false);
    const agencies = await server.inject({ method: "GET", url: "/api/agencies", headers: session.headers });
    expect(agencies.statusCode).toBe(200);
    const logout = await server.inject({ method: "DELETE", url: "/api/session", headers: session.headers });
    expect(logout.statusCode).toBe(204);
  });

  it("lets the user sign out and another person sign in on the same browser before any change", async () => {
    const { server } = await setup();
    const session = await signIn(server, "linshi");
    const again = await server.inject({
      method: "POST",
      url: "/api/session",
      headers: { cookie: session.cookie },
      payload: { username: "linshi", password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const logout = await server.inject({ method: "DELETE", url: "/api/session", headers: session.headers });
    expect(logout.statusCode).toBe(204);
  });

  it("leaves the public pages and the public 年报体检 API alone", async () => {
    const { server, city } = await setup();
    const session = await signIn(server, "linshi");
    const guide = await server.inject({
      method: "GET",
      url: `/agencies/${city}/disclosure/guide`,
      headers: { cookie: session.cookie },
    });
    expect(guide.statusCode).toBe(200);
    const audit = await server.inject({
      method: "POST",
      url: "/api/audit",
      headers: { cookie: session.cookie },
      payload: {},
    });
    expect(audit.statusCode).not.toBe(403);
    expect(audit.json().code).not.toBe("PASSWORD_CHANGE_REQUIRED");
  });
});
