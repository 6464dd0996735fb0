import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, signIn } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";

describe.each(testDialects())("users' e-mail addresses on %s", (dialect) => {
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
    const city = await insertAgency(database, "某市人民政府", null);
    const dept = await insertAgency(database, "某市教育局", city);
    await insertTestUser(database, "admin", [{ agencyId: city, role: "system_admin" }]);
    const wangId = await insertTestUser(database, "wang", [{ agencyId: dept, role: "case_officer" }]);
    app = await buildServer({ logLevel: false, database });
    const admin = await signIn(app, "admin");
    return { db: database, server: app, admin, wangId };
  }

  const storedEmail = async (db: TestDatabase, id: number) =>
    (await db.db.selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;

  it("an administrator sets a user's e-mail (trimmed, in the trail) and refuses what is not one address", async () => {
    const { db, server, admin, wangId } = await setup();
    const patch = (payload: object) =>
      server.inject({ method: "PATCH", url: `/api/users/${wangId}`, headers: admin.headers, payload });
    const res = await patch({ email: "  wang@edu.example.gov.cn " });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: "wang", email: "wang@edu.example.gov.cn" });
    const trail = await db.db
      .selectFrom("trail")
      .select(["before_json", "after_json"])
      .where("action", "=", "user.update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(trail.before_json ?? "")).toMatchObject({ email: "" });
    expect(JSON.parse(trail.after_json ?? "")).toMatchObject({ email: "wang@edu.example.gov.cn" });
    const list = await server.inject({ method: "GET", url: "/api/users", headers: { cookie: admin.cookie } });
    expect(list.json().users.find((u: { username: string }) => u.username === "wang").email).toBe(
      "wang@edu.example.gov.cn",
    );

    for (const bad of [
      "wang",
      "wang@localhost",
      "a@b.cn, c@d.cn",
      "王 某@example.cn",
      `${"a".repeat(250)}@x.cn`,
    ]) {
      const refused = await patch({ email: bad });
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().code).toBe("INVALID_INPUT");
    }
    expect(await storedEmail(db, wangId)).toBe("wang@edu.example.gov.cn");
    expect((await patch({ email: "" })).json().email).toBe("");
    expect(await storedEmail(db, wangId)).toBe("");
  });

  it("a signed-in person sets their own e-mail with PATCH /api/account; the session shows it", async () => {
    const { db, server, wangId } = await setup();
    const wang = await signIn(server, "wang");
    const res = await server.inject({
      method: "PATCH",
      url: "/api/account",
      headers: wang.headers,
      payload: { email: "wang@edu.example.gov.cn" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: wangId, username: "wang", email: "wang@edu.example.gov.cn" });
    const session = await server.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: wang.cookie },
    });
    expect(session.json().user.email).toBe("wang@edu.example.gov.cn");
    const trail = await db.db
      .selectFrom("trail")
      .select(["actor_user_id", "after_json"])
      .where("action", "=", "user.update")
      .executeTakeFirstOrThrow();
    expect(trail.actor_user_id).toBe(wangId);

    const noCsrf = await server.inject({
      method: "PATCH",
      url: "/api/account",
      headers: { cookie: wang.cookie },
      payload: { email: "x@example.cn" },
    });
    expect(noCsrf.statusCode).toBe(403);
    const unknown = await server.inject({
      method: "PATCH",
      url: "/api/account",
      headers: wang.headers,
      payload: { email: "x@example.cn", displayName: "改名" },
    });
    expect(unknown.json().code).toBe("UNKNOWN_FIELD");
    const anonymous = await server.inject({
      method: "PATCH",
      url: "/api/account",
      payload: { email: "x@example.cn" },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await storedEmail(db, wangId)).toBe("wang@edu.example.gov.cn");
  });

  it("a case officer cannot set another user's e-mail", async () => {
    const { db, server } = await setup();
    const wang = await signIn(server, "wang");
    const adminRow = await db.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow();
    const res = await server.inject({
      method: "PATCH",
      url: `/api/users/${adminRow.id}`,
      headers: wang.headers,
      payload: { email: "evil@example.cn" },
    });
    expect([403, 404]).toContain(res.statusCode);
    expect(await storedEmail(db, adminRow.id)).toBe("");
  });
});
