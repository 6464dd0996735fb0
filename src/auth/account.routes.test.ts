import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { insertAgency, insertTestUser, signIn, TEST_PASSWORD } from "./auth.test-support.ts";
import { sessionIdOf } from "./session.service.ts";

describe.each(testDialects())("account API on %s", (dialect) => {
  let database: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await database?.dispose();
    app = undefined;
    database = undefined;
  });

  async function setup() {
    database = await createTestDatabase(dialect);
    const agency = await insertAgency(database, "某区人民政府", null);
    await insertTestUser(database, "zhaoliu", [{ agencyId: agency, role: "case_officer" }]);
    app = await buildServer({ logLevel: false, database });
    return { db: database, server: app };
  }

  const getSession = (server: FastifyInstance, cookie: string) =>
    server.inject({ method: "GET", url: "/api/session", headers: { cookie } });

  it("changes the password, revokes the other sessions and keeps this one", async () => {
    const { db, server } = await setup();
    const here = await signIn(server, "zhaoliu");
    const elsewhere = await signIn(server, "zhaoliu", TEST_PASSWORD, "10.9.9.9");
    const res = await server.inject({
      method: "POST",
      url: "/api/account/password",
      headers: here.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "NewSecret2025" },
    });
    expect(res.statusCode).toBe(204);
    expect((await getSession(server, here.cookie)).statusCode).toBe(200);
    expect((await getSession(server, elsewhere.cookie)).json().code).toBe("SESSION_EXPIRED");
    await expect(signIn(server, "zhaoliu")).rejects.toThrow(/401/);
    await signIn(server, "zhaoliu", "NewSecret2025");
    const trail = await db.db
      .selectFrom("trail")
      .select(["action", "after_json"])
      .where("action", "=", "user.change_password")
      .execute();
    expect(trail).toEqual([{ action: "user.change_password", after_json: '{"otherSessionsRevoked":1}' }]);
    expect(JSON.stringify(await db.db.selectFrom("trail").selectAll().execute())).not.toContain(
      "NewSecret2025",
    );
  });

  it("refuses a wrong current password and a weak new one with 400, changing nothing", async () => {
    const { db, server } = await setup();
    const here = await signIn(server, "zhaoliu");
    const hashBefore = await db.db.selectFrom("users").select("password_hash").executeTakeFirst();
    const wrong = await server.inject({
      method: "POST",
      url: "/api/account/password",
      headers: here.headers,
      payload: { currentPassword: "not-my-password-1", newPassword: "NewSecret2025" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ code: "WRONG_PASSWORD", message: "当前密码不正确" });
    for (const newPassword of ["short1", "onlyletterspassword", "12345678901234"]) {
      const weak = await server.inject({
        method: "POST",
        url: "/api/account/password",
        headers: here.headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().code).toBe("WEAK_PASSWORD");
    }
    const noCsrf = await server.inject({
      method: "POST",
      url: "/api/account/password",
      headers: { cookie: here.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "NewSecret2025" },
    });
    expect(noCsrf.statusCode).toBe(403);
    const unknownField = await server.inject({
      method: "POST",
      url: "/api/account/password",
      headers: here.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "NewSecret2025", userId: 1 },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().code).toBe("UNKNOWN_FIELD");
    expect(await db.db.selectFrom("users").select("password_hash").executeTakeFirst()).toEqual(hashBefore);
    const unauthenticated = await server.inject({
      method: "POST",
      url: "/api/account/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "NewSecret2025" },
    });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it("lists one's sessions with opaque ids, never tokens, and revokes one of them", async () => {
    const { db, server } = await setup();
    const here = await signIn(server, "zhaoliu");
    const other = await signIn(server, "zhaoliu", TEST_PASSWORD, "10.2.2.2");
    const list = await server.inject({
      method: "GET",
      url: "/api/account/sessions",
      headers: { cookie: here.cookie },
    });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; current: boolean; ip: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => Object.keys(s).sort())).toEqual(
      Array(2).fill(["createdAt", "current", "id", "ip", "lastSeenAt", "userAgent"]),
    );
    for (const s of sessions) expect(s.id).toMatch(/^[0-9a-f]{12}$/);
    const stored = await db.db.selectFrom("sessions").select(["id", "csrf_token"]).execute();
    for (const secret of [
      here.cookie.slice(11),
      other.cookie.slice(11),
      ...stored.flatMap((s) => [s.id, s.csrf_token]),
    ]) {
      expect(list.body).not.toContain(secret);
      expect(list.body).not.toContain(secret.slice(0, 12));
    }
    expect(sessionIdOf(here.cookie.slice(11))).toBe(stored.find((s) => s.csrf_token === here.csrf)?.id);
    const theOther = sessions.find((s) => !s.current);
    expect(theOther?.ip).toBe("10.2.2.2");
    const revoke = await server.inject({
      method: "DELETE",
      url: `/api/account/sessions/${theOther?.id}`,
      headers: here.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await getSession(server, other.cookie)).json().code).toBe("SESSION_EXPIRED");
    expect((await getSession(server, here.cookie)).statusCode).toBe(200);
    const again = await server.inject({
      method: "DELETE",
      url: `/api/account/sessions/${theOther?.id}`,
      headers: here.headers,
    });
    expect(again.statusCode).toBe(404);
  });

  it("cannot revoke another user's session", async () => {
    const { db, server } = await setup();
    const agency = (await db.db.selectFrom("agencies").select("id").executeTakeFirstOrThrow()).id;
    await insertTestUser(db, "stranger", [{ agencyId: agency, role: "case_officer" }]);
    const mine = await signIn(server, "zhaoliu");
    const theirs = await signIn(server, "stranger");
    const theirList = await server.inject({
      method: "GET",
      url: "/api/account/sessions",
      headers: { cookie: theirs.cookie },
    });
    const theirId = theirList.json().sessions[0].id as string;
    const res = await server.inject({
      method: "DELETE",
      url: `/api/account/sessions/${theirId}`,
      headers: mine.headers,
    });
    expect(res.statusCode).toBe(404);
    expect((await getSession(server, theirs.cookie)).statusCode).toBe(200);
  });
});
