/**
 * The permission matrix of the user API: for every role, held in a department (D1) or in its government
 * (G1), against users and agencies in the caller's own agency, its parent government, a sibling
 * department and an unrelated government. The expected answers are written out from the rules in
 * docs/API.md and permissions.ts, not computed by the code under test.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { ROLE_KEYS, type Role } from "../core/access/permissions.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";

type Place = "G1" | "D1" | "D2" | "G2";
const PLACES: Place[] = ["G1", "D1", "D2", "G2"];
/** Roles that may list users, and the one that may manage them. */
const VIEWERS: Role[] = ["system_admin", "office_head", "supervisor"];
const MANAGERS: Role[] = ["system_admin"];
/** Roles whose reach extends to descendant agencies. */
const SUBTREE: Role[] = ["system_admin", "supervisor"];
/** D1 and D2 are departments of G1; G2 is another government. */
const CHILDREN: Record<Place, Place[]> = { G1: ["D1", "D2"], D1: [], D2: [], G2: [] };

/** Whether a role held at `at` reaches agency `target`. */
function reaches(role: Role, at: Place, target: Place): boolean {
  return target === at || (SUBTREE.includes(role) && CHILDREN[at].includes(target));
}

/** The status each endpoint must answer for a caller with `role` at `at`, about agency `target`. */
function expected(role: Role, at: Place, target: Place) {
  const reach = reaches(role, at, target);
  const viewer = VIEWERS.includes(role);
  const manager = MANAGERS.includes(role);
  const userVisible = reach && viewer;
  return {
    list: reach ? (viewer ? 200 : 403) : 404,
    create: reach ? (manager ? 201 : 403) : 404,
    patch: userVisible ? (manager ? 200 : 403) : 404,
    roles: userVisible ? (manager ? 200 : 403) : 404,
  };
}

describe.each(testDialects())("user permission matrix on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const agency = {} as Record<Place, number>;
  const target = {} as Record<Place, number>;
  const callers = new Map<string, TestSession>();
  let serial = 0;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    agency.G1 = await insertAgency(database, "甲市人民政府", null);
    agency.D1 = await insertAgency(database, "甲市教育局", agency.G1);
    agency.D2 = await insertAgency(database, "甲市财政局", agency.G1);
    agency.G2 = await insertAgency(database, "乙市人民政府", null);
    for (const place of PLACES) {
      target[place] = await insertTestUser(database, `target-${place}`, [
        { agencyId: agency[place], role: "case_officer" },
      ]);
    }
    // Holds roles in D1 and G2: visible from D1, but its G2 role must never show there.
    await insertTestUser(database, "dual", [
      { agencyId: agency.D1, role: "reviewer" },
      { agencyId: agency.G2, role: "secrecy_reviewer" },
    ]);
    app = await buildServer({ logLevel: false, database });
    for (const role of ROLE_KEYS) {
      for (const at of ["D1", "G1"] as const) {
        await insertTestUser(database, `${role}@${at}`, [{ agencyId: agency[at], role }]);
        callers.set(`${role}@${at}`, await signIn(app, `${role}@${at}`));
      }
    }
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  for (const role of ROLE_KEYS) {
    for (const at of ["D1", "G1"] as const) {
      it(`${role} at ${at}: GET, POST, PATCH, PUT roles for own, parent, sibling and unrelated agencies`, async () => {
        const session = callers.get(`${role}@${at}`) as TestSession;
        for (const place of PLACES) {
          const want = expected(role, at, place);
          const label = `${role}@${at} → ${place}`;
          const list = await app.inject({
            method: "GET",
            url: `/api/users?agencyId=${agency[place]}`,
            headers: { cookie: session.cookie },
          });
          expect(list.statusCode, `GET ${label}`).toBe(want.list);
          serial += 1;
          const create = await app.inject({
            method: "POST",
            url: "/api/users",
            headers: session.headers,
            payload: {
              username: `new-${serial}`,
              displayName: "新用户",
              password: "Abcdef123456",
              roles: [{ agencyId: agency[place], role: "information_officer" }],
            },
          });
          expect(create.statusCode, `POST ${label}`).toBe(want.create);
          const patch = await app.inject({
            method: "PATCH",
            url: `/api/users/${target[place]}`,
            headers: session.headers,
            payload: { displayName: `改名 ${serial}` },
          });
          expect(patch.statusCode, `PATCH ${label}`).toBe(want.patch);
          const roles = await app.inject({
            method: "PUT",
            url: `/api/users/${target[place]}/roles`,
            headers: session.headers,
            payload: { roles: [{ agencyId: agency[place], role: "case_officer" }] },
          });
          expect(roles.statusCode, `PUT ${label}`).toBe(want.roles);
          for (const res of [list, create, patch, roles]) {
            if (res.statusCode === 404) expect(res.json().code).toBe("NOT_FOUND");
            if (res.statusCode === 403) expect(res.json().code).toBe("FORBIDDEN");
          }
        }
        // The target's roles are what they were: refused calls changed nothing.
        const held = await database.db
          .selectFrom("role_assignments")
          .select(["user_id", "agency_id", "role"])
          .where("user_id", "in", Object.values(target))
          .execute();
        expect(held).toHaveLength(4);
        expect(held.every((r) => r.role === "case_officer")).toBe(true);
      });

      it(`${role} at ${at}: GET /api/users lists exactly the users of agencies it may view, and only their roles there`, async () => {
        const session = callers.get(`${role}@${at}`) as TestSession;
        const viewable = PLACES.filter((p) => VIEWERS.includes(role) && reaches(role, at, p)).map(
          (p) => agency[p],
        );
        const res = await app.inject({
          method: "GET",
          url: "/api/users",
          headers: { cookie: session.cookie },
        });
        expect(res.statusCode).toBe(200);
        const users = res.json().users as { id: number; roles: { agencyId: number }[] }[];
        const assignments = await database.db
          .selectFrom("role_assignments")
          .select(["user_id", "agency_id"])
          .execute();
        const expectedIds = [
          ...new Set(assignments.filter((a) => viewable.includes(a.agency_id)).map((a) => a.user_id)),
        ].sort((a, b) => a - b);
        expect(users.map((u) => u.id)).toEqual(expectedIds);
        for (const user of users) {
          expect(user.roles.length).toBeGreaterThan(0);
          for (const r of user.roles) expect(viewable).toContain(r.agencyId);
        }
        expect(res.body).not.toContain("乙市人民政府");
        if (!VIEWERS.includes(role)) expect(users).toEqual([]);
      });
    }
  }

  it("hides a user of an invisible agency as 404 even from a manager elsewhere, and 404s a missing user", async () => {
    const session = callers.get("system_admin@G1") as TestSession;
    const hidden = await app.inject({
      method: "PATCH",
      url: `/api/users/${target.G2}`,
      headers: session.headers,
      payload: { disabled: true },
    });
    expect(hidden.statusCode).toBe(404);
    const missing = await app.inject({
      method: "PATCH",
      url: "/api/users/999999",
      headers: session.headers,
      payload: { disabled: true },
    });
    expect(missing.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    const reset = await app.inject({
      method: "POST",
      url: `/api/users/${target.G2}/reset-password`,
      headers: session.headers,
    });
    expect(reset.statusCode).toBe(404);
    const viewerOnly = callers.get("supervisor@G1") as TestSession;
    const forbidden = await app.inject({
      method: "POST",
      url: `/api/users/${target.D1}/reset-password`,
      headers: viewerOnly.headers,
    });
    expect(forbidden.statusCode).toBe(403);
    const unauthenticated = await app.inject({ method: "GET", url: "/api/users" });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
