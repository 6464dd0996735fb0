import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { ROLE_KEYS, type Role } from "../core/access/permissions.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { createTestTree, rowCounts, type TestTree, validCreditCode } from "./agency.test-support.ts";

/** Where the role is held, relative to the target agency A1. */
const POSITIONS = ["own", "parent", "sibling", "unrelated"] as const;
type Position = (typeof POSITIONS)[number];

/** Roles that reach the descendants of the agency they are held in. */
const SUBTREE: readonly Role[] = ["system_admin", "supervisor"];

const HAN = /[\u4e00-\u9fff]/;

describe.each(testDialects())("agency API on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  let admin: TestSession;
  const sessions = new Map<string, TestSession>();
  let serial = 1000;

  /** The agency a role at this position is held in. */
  const heldAt = (position: Position): number =>
    ({ own: tree.a1, parent: tree.a, sibling: tree.a2, unrelated: tree.b })[position];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    tree = await createTestTree(database);
    await insertTestUser(database, "top-admin", [{ agencyId: tree.a, role: "system_admin" }]);
    admin = await signIn(app, "top-admin");
    for (const role of ROLE_KEYS) {
      for (const position of POSITIONS) {
        const username = `${role}-${position}`;
        await insertTestUser(database, username, [{ agencyId: heldAt(position), role }]);
        sessions.set(username, await signIn(app, username));
      }
    }
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const cases = ROLE_KEYS.flatMap((role) => POSITIONS.map((position) => ({ role, position })));

  it.each(cases)("permission matrix: $role held at $position of A1", async ({ role, position }) => {
    const session = sessions.get(`${role}-${position}`) as TestSession;
    const subtree = SUBTREE.includes(role);
    const reaches = position === "own" || (position === "parent" && subtree);
    const expectedList = {
      own: [tree.a1],
      parent: subtree ? [tree.a, tree.a1, tree.a2] : [tree.a],
      sibling: [tree.a2],
      unrelated: subtree ? [tree.b, tree.b1] : [tree.b],
    }[position];

    const list = await app.inject({
      method: "GET",
      url: "/api/agencies",
      headers: { cookie: session.cookie },
    });
    expect(list.statusCode).toBe(200);
    // Departments created under A1 by earlier cases are left out: the tree's five agencies are what is compared.
    const treeIds = new Set(Object.values(tree));
    const listed = list.json().agencies.map((a: { id: number }) => a.id);
    expect(listed.filter((id: number) => treeIds.has(id))).toEqual(expectedList);

    const one = await app.inject({
      method: "GET",
      url: `/api/agencies/${tree.a1}`,
      headers: { cookie: session.cookie },
    });
    expect(one.statusCode).toBe(reaches ? 200 : 404);
    if (reaches) expect(one.json()).toMatchObject({ id: tree.a1, name: "甲市公安局", parentId: tree.a });

    serial += 1;
    const before = await rowCounts(database);
    const post = await app.inject({
      method: "POST",
      url: "/api/agencies",
      headers: session.headers,
      payload: {
        parentId: tree.a1,
        name: `下属单位${serial}`,
        kind: "department",
        creditCode: validCreditCode(serial),
      },
    });
    const canCreate = reaches && role === "system_admin";
    expect(post.statusCode).toBe(canCreate ? 201 : reaches ? 403 : 404);
    const afterPost = await rowCounts(database);
    expect(afterPost).toEqual(
      canCreate ? { agencies: before.agencies + 1, trail: before.trail + 1 } : before,
    );

    const patch = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${tree.a1}`,
      headers: session.headers,
      payload: { contact: { phone: `0999-${serial}` } },
    });
    const canUpdate = reaches && (role === "system_admin" || role === "office_head");
    expect(patch.statusCode).toBe(canUpdate ? 200 : reaches ? 403 : 404);
    if (canUpdate) expect(patch.json().contact.phone).toBe(`0999-${serial}`);
    else expect(patch.json().message).toMatch(HAN);
    expect((await rowCounts(database)).trail).toBe(afterPost.trail + (canUpdate ? 1 : 0));
  });

  it("answers 401 without a session and 403 CSRF_INVALID without the token, changing nothing", async () => {
    const before = await rowCounts(database);
    const payload = {
      parentId: tree.a,
      name: "无权部门",
      kind: "department",
      creditCode: validCreditCode(5000),
    };
    const anonymous = await app.inject({ method: "POST", url: "/api/agencies", payload });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: "UNAUTHENTICATED", message: "请先登录" });
    expect((await app.inject({ method: "GET", url: "/api/agencies" })).statusCode).toBe(401);
    const forged = await app.inject({
      method: "POST",
      url: "/api/agencies",
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe("CSRF_INVALID");
    expect(await rowCounts(database)).toEqual(before);
  });

  const good = () => ({
    parentId: tree.a,
    name: "甲市统计局",
    kind: "department",
    creditCode: validCreditCode(6000),
  });
  const badBodies: { label: string; body: () => unknown; status: number; code: string }[] = [
    { label: "invalid JSON", body: () => '{"parentId": 1, "name": ', status: 400, code: "INVALID_JSON" },
    {
      label: "parentId as text",
      body: () => ({ ...good(), parentId: "甲" }),
      status: 400,
      code: "INVALID_INPUT",
    },
    { label: "name as a number", body: () => ({ ...good(), name: 42 }), status: 400, code: "INVALID_INPUT" },
    {
      label: "unknown kind",
      body: () => ({ ...good(), kind: "ministry" }),
      status: 400,
      code: "INVALID_INPUT",
    },
    { label: "empty name", body: () => ({ ...good(), name: "" }), status: 400, code: "INVALID_INPUT" },
    { label: "blank name", body: () => ({ ...good(), name: "   " }), status: 400, code: "INVALID_INPUT" },
    {
      label: "missing creditCode",
      body: () => ({ ...good(), creditCode: undefined }),
      status: 400,
      code: "INVALID_INPUT",
    },
    {
      label: "unknown field",
      body: () => ({ ...good(), isAdmin: true }),
      status: 400,
      code: "UNKNOWN_FIELD",
    },
    {
      label: "unknown contact field",
      body: () => ({ ...good(), contact: { phone: "1", qq: "2" } }),
      status: 400,
      code: "UNKNOWN_FIELD",
    },
    {
      label: "contact as text",
      body: () => ({ ...good(), contact: "电话" }),
      status: 400,
      code: "INVALID_INPUT",
    },
    {
      label: "oversized body",
      body: () => ({ ...good(), name: "长".repeat(70_000) }),
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
    },
    {
      label: "too long address",
      body: () => ({ ...good(), contact: { address: "路".repeat(201) } }),
      status: 400,
      code: "INVALID_INPUT",
    },
    {
      label: "bad credit code",
      body: () => ({ ...good(), creditCode: `${validCreditCode(6000).slice(0, 17)}I` }),
      status: 400,
      code: "INVALID_CREDIT_CODE",
    },
    {
      label: "duplicate sibling name",
      body: () => ({ ...good(), name: "甲市公安局" }),
      status: 409,
      code: "DUPLICATE_NAME",
    },
    {
      label: "duplicate credit code",
      body: () => ({ ...good(), creditCode: validCreditCode(201) }),
      status: 409,
      code: "DUPLICATE_CREDIT_CODE",
    },
  ];

  it.each(badBodies)(
    "POST refuses $label with a Chinese message and changes nothing",
    async ({ body, status, code }) => {
      const before = await rowCounts(database);
      const payload = body();
      const res = await app.inject({
        method: "POST",
        url: "/api/agencies",
        headers: { ...admin.headers, "content-type": "application/json" },
        payload: typeof payload === "string" ? payload : JSON.stringify(payload),
      });
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(HAN);
      if (status === 413) expect(res.json().message).toBe("提交的内容过大：不能超过 64 KB");
      expect(await rowCounts(database)).toEqual(before);
    },
  );

  it("PATCH refuses an empty body, unknown fields, a bad code and duplicates, changing nothing", async () => {
    const before = await rowCounts(database);
    const original = (
      await app.inject({ method: "GET", url: `/api/agencies/${tree.a2}`, headers: admin.headers })
    ).json();
    const attempts: [unknown, number, string][] = [
      [{}, 400, "INVALID_INPUT"],
      [{ parentId: tree.b }, 400, "UNKNOWN_FIELD"],
      [{ kind: "government" }, 400, "UNKNOWN_FIELD"],
      [{ creditCode: "12345" }, 400, "INVALID_CREDIT_CODE"],
      [{ name: "甲市公安局" }, 409, "DUPLICATE_NAME"],
      [{ creditCode: validCreditCode(102) }, 409, "DUPLICATE_CREDIT_CODE"],
      [{ contact: { fax: 12 } }, 400, "INVALID_INPUT"],
      [{ settings: { separateReviewDuties: "false" } }, 400, "INVALID_INPUT"],
      [{ settings: { letterSignOffByHead: 0 } }, 400, "INVALID_INPUT"],
      [{ settings: { separateReviewDuties: false, signByAnyone: true } }, 400, "UNKNOWN_FIELD"],
      [{ settings: null }, 400, "INVALID_INPUT"],
    ];
    for (const [payload, status, code] of attempts) {
      const res = await app.inject({
        method: "PATCH",
        url: `/api/agencies/${tree.a2}`,
        headers: admin.headers,
        payload: payload as object,
      });
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
      expect(res.json().message).toMatch(HAN);
    }
    const bad = await app.inject({ method: "GET", url: "/api/agencies/abc", headers: admin.headers });
    expect(bad.statusCode).toBe(400);
    expect(await rowCounts(database)).toEqual(before);
    const now = (
      await app.inject({ method: "GET", url: `/api/agencies/${tree.a2}`, headers: admin.headers })
    ).json();
    expect(now).toEqual(original);
  });

  it("SOD-1 SOD-2 settings: on for a new agency; changed only by those who may update the agency, in the trail", async () => {
    const path = `/api/agencies/${tree.a2}`;
    const read = async () =>
      (await app.inject({ method: "GET", url: path, headers: admin.headers })).json().settings;
    expect(await read()).toEqual({ separateReviewDuties: true, letterSignOffByHead: true });
    const patch = (user: string, settings: object) =>
      app.inject({
        method: "PATCH",
        url: path,
        headers: (sessions.get(user) as TestSession).headers,
        payload: { settings },
      });
    for (const user of ["information_officer-sibling", "reviewer-sibling", "supervisor-parent"]) {
      expect((await patch(user, { separateReviewDuties: false })).statusCode).toBe(403);
    }
    expect(await read()).toEqual({ separateReviewDuties: true, letterSignOffByHead: true });
    const head = await patch("office_head-sibling", { letterSignOffByHead: false });
    expect(head.statusCode).toBe(200);
    expect(head.json().settings).toEqual({ separateReviewDuties: true, letterSignOffByHead: false });
    const both = await patch("system_admin-parent", {
      separateReviewDuties: false,
      letterSignOffByHead: true,
    });
    expect(both.json().settings).toEqual({ separateReviewDuties: false, letterSignOffByHead: true });
    const trail = await database.db
      .selectFrom("trail")
      .select(["actor_name", "after_json"])
      .where("action", "=", "agency.update")
      .where("entity_id", "=", String(tree.a2))
      .orderBy("seq")
      .execute();
    expect(trail.map((t) => [t.actor_name, JSON.parse(t.after_json ?? "{}").settings])).toEqual([
      ["office_head-sibling 的姓名", { separateReviewDuties: true, letterSignOffByHead: false }],
      ["system_admin-parent 的姓名", { separateReviewDuties: false, letterSignOffByHead: true }],
    ]);
    expect((await patch("office_head-sibling", { separateReviewDuties: true })).statusCode).toBe(200);
    expect(await read()).toEqual({ separateReviewDuties: true, letterSignOffByHead: true });
  });

  it("stores SQL and HTML injection strings verbatim in every text field", async () => {
    const nasty = [
      "'; DROP TABLE agencies; --",
      "<script>alert(1)</script>",
      '" onmouseover="alert(1)',
      "Robert'); DELETE FROM trail;--",
    ];
    const contact = {
      officeName: nasty[0],
      address: nasty[1],
      hours: nasty[2],
      phone: nasty[3],
      fax: `${nasty[1]}${nasty[0]}`,
      email: "<img src=x onerror=alert(1)>@x.cn",
      website: "javascript:alert(1)",
    };
    const before = await rowCounts(database);
    const res = await app.inject({
      method: "POST",
      url: "/api/agencies",
      headers: admin.headers,
      payload: {
        parentId: tree.a,
        name: nasty[1],
        kind: "department",
        creditCode: validCreditCode(7000),
        contact,
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.name).toBe(nasty[1]);
    expect(created.contact).toEqual(contact);
    const read = await app.inject({
      method: "GET",
      url: `/api/agencies/${created.id}`,
      headers: admin.headers,
    });
    expect(read.json()).toEqual(created);
    expect(await rowCounts(database)).toEqual({ agencies: before.agencies + 1, trail: before.trail + 1 });
    const renamed = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${created.id}`,
      headers: admin.headers,
      payload: { name: nasty[0] },
    });
    expect(renamed.json().name).toBe(nasty[0]);
  });
});
