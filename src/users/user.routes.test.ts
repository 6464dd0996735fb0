import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, signIn, TEST_PASSWORD } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";

describe.each(testDialects())("users API on %s", (dialect) => {
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
    const adminId = await insertTestUser(database, "admin", [{ agencyId: city, role: "system_admin" }]);
    app = await buildServer({ logLevel: false, database });
    const admin = await signIn(app, "admin");
    return { db: database, server: app, city, dept, admin, adminId };
  }

  const count = async (db: TestDatabase, table: "users" | "trail" | "role_assignments") =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  it("creates a user (201 AdminUser, no secrets) with a trail entry", async () => {
    const { db, server, dept, admin } = await setup();
    const res = await server.inject({
      method: "POST",
      url: "/api/users",
      headers: admin.headers,
      payload: {
        username: "chen",
        displayName: "陈某",
        password: "Chen12345678",
        roles: [{ agencyId: dept, role: "case_officer" }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      username: "chen",
      displayName: "陈某",
      mustChangePassword: true,
      email: "",
      roles: [{ agencyId: dept, agencyName: "某市教育局", role: "case_officer", roleName: "承办人" }],
      disabled: false,
      lockedUntil: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(res.body).not.toMatch(/argon2|password_hash|Chen12345678/);
    const trail = await db.db
      .selectFrom("trail")
      .selectAll()
      .where("action", "=", "user.create")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(trail).toMatchObject({
      actor_name: "admin 的姓名",
      actor_role: "system_admin",
      agency_id: dept,
      entity_id: String(res.json().id),
    });
    expect(trail.after_json).not.toContain("Chen12345678");
    // The administrator chose the password, so the new user must change it before anything else.
    const chen = await signIn(server, "chen", "Chen12345678");
    const blocked = await server.inject({
      method: "GET",
      url: "/api/users",
      headers: { cookie: chen.cookie },
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("PASSWORD_CHANGE_REQUIRED");
  });

  it("refuses a duplicate username with 409, unknown fields with 400, a weak password, a missing CSRF token and a huge body, changing nothing", async () => {
    const { db, server, dept, admin } = await setup();
    const valid = {
      username: "admin",
      displayName: "重复",
      password: "Abcdef123456",
      roles: [{ agencyId: dept, role: "reviewer" }],
    };
    const users = await count(db, "users");
    const trail = await count(db, "trail");
    const post = (payload: unknown, headers: Record<string, string> = admin.headers) =>
      server.inject({ method: "POST", url: "/api/users", headers, payload: payload as object });
    const duplicate = await post(valid);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toEqual({ code: "DUPLICATE_USERNAME", message: "该用户名已被使用" });
    const unknown = await post({ ...valid, username: "new1", isAdmin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe("UNKNOWN_FIELD");
    const nestedUnknown = await post({
      ...valid,
      username: "new2",
      roles: [{ agencyId: dept, role: "reviewer", scope: "all" }],
    });
    expect(nestedUnknown.json().code).toBe("UNKNOWN_FIELD");
    expect(
      (await post({ ...valid, username: "new3", roles: [{ agencyId: dept, role: "emperor" }] })).statusCode,
    ).toBe(400);
    expect((await post({ ...valid, username: "new4", roles: [] })).statusCode).toBe(400);
    expect((await post({ ...valid, username: "new5", password: "short" })).json().code).toBe("WEAK_PASSWORD");
    expect((await post({ ...valid, username: "new6" }, { cookie: admin.cookie })).statusCode).toBe(403);
    const huge = await post({ ...valid, username: "new7", displayName: "长".repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    expect(await count(db, "users")).toBe(users);
    expect(await count(db, "trail")).toBe(trail);
  });

  it("stores SQL and HTML injection strings verbatim and returns them as plain JSON", async () => {
    const { db, server, dept, admin } = await setup();
    const username = "robert'); DROP TABLE users;--";
    const displayName = `<script>alert("x")</script> & '1'='1' \u2028`;
    const res = await server.inject({
      method: "POST",
      url: "/api/users",
      headers: admin.headers,
      payload: {
        username,
        displayName,
        password: "Abcdef123456",
        roles: [{ agencyId: dept, role: "reviewer" }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const row = await db.db
      .selectFrom("users")
      .select(["username", "display_name"])
      .where("id", "=", res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ username, display_name: displayName.trim() });
    const list = await server.inject({
      method: "GET",
      url: `/api/users?agencyId=${dept}`,
      headers: { cookie: admin.cookie },
    });
    expect(list.json().users).toEqual([
      expect.objectContaining({ username, displayName: displayName.trim() }),
    ]);
    expect(await count(db, "users")).toBe(2);
    await signIn(server, username, "Abcdef123456");
  });

  it("disables a user (sessions revoked, sign-in refused) and enables again; one cannot disable oneself", async () => {
    const { db, server, dept, admin, adminId } = await setup();
    const id = await insertTestUser(db, "liu", [{ agencyId: dept, role: "information_officer" }]);
    const liu = await signIn(server, "liu");
    const patch = (userId: number, payload: object) =>
      server.inject({ method: "PATCH", url: `/api/users/${userId}`, headers: admin.headers, payload });
    const disabled = await patch(id, { disabled: true, displayName: "刘某" });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ disabled: true, displayName: "刘某" });
    expect(
      (await server.inject({ method: "GET", url: "/api/session", headers: { cookie: liu.cookie } }))
        .statusCode,
    ).toBe(401);
    const refused = await server.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "liu", password: TEST_PASSWORD },
    });
    expect(refused.json().code).toBe("ACCOUNT_DISABLED");
    expect((await patch(id, { disabled: false })).json().disabled).toBe(false);
    await signIn(server, "liu");
    const self = await patch(adminId, { disabled: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe("不能停用自己的账号");
    expect((await patch(id, {})).statusCode).toBe(400);
    expect((await patch(id, { password: "x" })).json().code).toBe("UNKNOWN_FIELD");
    const updates = await db.db
      .selectFrom("trail")
      .select(["before_json", "after_json"])
      .where("action", "=", "user.update")
      .orderBy("seq")
      .execute();
    expect(updates[0]).toEqual({
      before_json: JSON.stringify({ displayName: "liu 的姓名", disabled: false }),
      after_json: JSON.stringify({ displayName: "刘某", disabled: true }),
    });
  });

  it("resets a password: a temporary one that signs in and must be changed, sessions revoked, no secret in the trail", async () => {
    const { db, server, dept, admin } = await setup();
    const id = await insertTestUser(db, "sun", [{ agencyId: dept, role: "reviewer" }]);
    const sun = await signIn(server, "sun");
    // Five wrong passwords from one address make sun wait there; the reset lifts the wait.
    const wrong = () =>
      server.inject({
        method: "POST",
        url: "/api/session",
        payload: { username: "sun", password: "wrong-password-1" },
        remoteAddress: "10.9.9.9",
      });
    for (let i = 0; i < 5; i++) await wrong();
    expect((await wrong()).json().code).toBe("ACCOUNT_LOCKED");
    const res = await server.inject({
      method: "POST",
      url: `/api/users/${id}/reset-password`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const { temporaryPassword } = res.json() as { temporaryPassword: string };
    expect(
      (await server.inject({ method: "GET", url: "/api/session", headers: { cookie: sun.cookie } }))
        .statusCode,
    ).toBe(401);
    const login = await server.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "sun", password: temporaryPassword },
      remoteAddress: "10.9.9.9",
    });
    expect(login.json().user.mustChangePassword).toBe(true);
    const trail = JSON.stringify(await db.db.selectFrom("trail").selectAll().execute());
    expect(trail).toContain("user.reset_password");
    expect(trail).not.toContain(temporaryPassword);
    const noCsrf = await server.inject({
      method: "POST",
      url: `/api/users/${id}/reset-password`,
      headers: { cookie: admin.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("changes roles only in agencies the caller manages, hides the others, and keeps at least one role", async () => {
    const { db, server, city, dept } = await setup();
    await insertTestUser(db, "deptadmin", [{ agencyId: dept, role: "system_admin" }]);
    const id = await insertTestUser(db, "zhou", [
      { agencyId: city, role: "reviewer" },
      { agencyId: dept, role: "case_officer" },
    ]);
    const deptAdmin = await signIn(server, "deptadmin");
    const put = (roles: object[]) =>
      server.inject({
        method: "PUT",
        url: `/api/users/${id}/roles`,
        headers: deptAdmin.headers,
        payload: { roles },
      });
    const res = await put([
      { agencyId: dept, role: "information_officer" },
      { agencyId: dept, role: "reviewer" },
      { agencyId: city, role: "system_admin" },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual([
      { agencyId: dept, agencyName: "某市教育局", role: "information_officer", roleName: "信息员" },
      { agencyId: dept, agencyName: "某市教育局", role: "reviewer", roleName: "审核人" },
    ]);
    const stored = await db.db
      .selectFrom("role_assignments")
      .select(["agency_id", "role"])
      .where("user_id", "=", id)
      .orderBy("agency_id")
      .orderBy("role")
      .execute();
    expect(stored).toEqual([
      { agency_id: city, role: "reviewer" },
      { agency_id: dept, role: "information_officer" },
      { agency_id: dept, role: "reviewer" },
    ]);
    const trail = await db.db.selectFrom("trail").selectAll().where("action", "=", "user.roles").execute();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ agency_id: dept, actor_name: "deptadmin 的姓名" });
    // Removing the user's roles in the department leaves the city role: allowed.
    expect((await put([])).statusCode).toBe(200);
    const onlyDept = await insertTestUser(db, "wu", [{ agencyId: dept, role: "case_officer" }]);
    const last = await server.inject({
      method: "PUT",
      url: `/api/users/${onlyDept}/roles`,
      headers: deptAdmin.headers,
      payload: { roles: [] },
    });
    expect(last.statusCode).toBe(400);
    expect(
      await db.db.selectFrom("role_assignments").select("role").where("user_id", "=", onlyDept).execute(),
    ).toEqual([{ role: "case_officer" }]);
  });
});
