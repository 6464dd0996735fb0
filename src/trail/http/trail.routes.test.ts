import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAgencyProfile } from "../../agencies/agency.service.ts";
import { createTestTree, type TestTree } from "../../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../../db/test-databases.ts";
import { buildServer } from "../../server/build-server.ts";
import { appendTrail, verifyTrail } from "../trail.repository.ts";
import { shanghaiDayStart } from "./trail.routes.ts";

interface Listed {
  entries: {
    seq: number;
    action: string;
    agencyId: number | null;
    agencyName: string | null;
    actorName: string;
  }[];
  total: number;
}

describe("calendar dates of the trail filter (Asia/Shanghai)", () => {
  it("begins a day at 00:00 UTC+8 and refuses impossible dates", () => {
    expect(shanghaiDayStart("2026-01-01")).toBe("2025-12-31T16:00:00.000Z");
    expect(shanghaiDayStart("2026-02-28", 1)).toBe("2026-02-28T16:00:00.000Z");
    expect(() => shanghaiDayStart("2026-02-30")).toThrow("日期不正确");
  });
});

describe.each(testDialects())("trail API on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tree: TestTree;
  const session: Record<string, TestSession> = {};

  const list = async (who: string, query = ""): Promise<Listed> => {
    const res = await app.inject({
      method: "GET",
      url: `/api/trail${query}`,
      headers: { cookie: session[who]?.cookie ?? "" },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as Listed;
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    tree = await createTestTree(database); // 5 × agency.create
    const users: [string, number, "system_admin" | "office_head" | "supervisor" | "case_officer"][] = [
      ["top", tree.a, "system_admin"],
      ["dept-admin", tree.a1, "system_admin"],
      ["head-a1", tree.a1, "office_head"],
      ["supervisor-a", tree.a, "supervisor"],
      ["officer-a1", tree.a1, "case_officer"],
    ];
    for (const [name, agencyId, role] of users) await insertTestUser(database, name, [{ agencyId, role }]);
    for (const [name] of users) session[name] = await signIn(app, name);
    // One installation-wide event (no agency) and one change by a named person.
    await database.db.transaction().execute((trx) =>
      appendTrail(trx, database.dialect, {
        actorUserId: null,
        actorName: "系统",
        actorRole: "system",
        agencyId: null,
        action: "calendar.update",
        entityType: "calendar",
        entityId: "2026",
        ip: "local",
      }),
    );
    await updateAgencyProfile(
      database,
      tree.a1,
      { contact: { phone: "1" } },
      { userId: null, name: "张三", role: "office_head" },
    );
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  /** How many entries the trail holds for these agencies (and, when asked, without an agency). */
  const stored = async (agencyIds: number[], withoutAgency: boolean): Promise<number> => {
    const rows = await database.db.selectFrom("trail").select("agency_id").execute();
    return rows.filter((r) => (r.agency_id === null ? withoutAgency : agencyIds.includes(r.agency_id)))
      .length;
  };

  it("lists newest first only the agencies where the caller has trail.view", async () => {
    const top = await list("top");
    expect(top.total).toBe(await stored([tree.a, tree.a1, tree.a2], true));
    expect(top.total).toBeGreaterThanOrEqual(12);
    const seqs = top.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(top.entries[0]).toMatchObject({
      action: "agency.update",
      agencyName: "甲市公安局",
      actorName: "张三",
    });
    expect(top.entries.some((e) => e.agencyId === null)).toBe(true);
    expect(top.entries.some((e) => e.agencyId === tree.b)).toBe(false);

    const head = await list("head-a1");
    expect(new Set(head.entries.map((e) => e.agencyId))).toEqual(new Set([tree.a1]));
    const supervisor = await list("supervisor-a");
    expect(new Set(supervisor.entries.map((e) => e.agencyId))).toEqual(new Set([tree.a, tree.a1, tree.a2]));
    // Installation-wide entries only for the top-level administrator, not for a department's.
    const dept = await list("dept-admin");
    expect(dept.entries.every((e) => e.agencyId === tree.a1)).toBe(true);
    expect(await list("officer-a1")).toEqual({ entries: [], total: 0 });
  });

  it("filters by agency, actor, action and dates, and pages", async () => {
    expect((await list("top", `?agencyId=${tree.a1}`)).entries.every((e) => e.agencyId === tree.a1)).toBe(
      true,
    );
    expect((await list("top", `?agencyId=${tree.b}`)).total).toBe(0);
    expect((await list("top", `?actor=${encodeURIComponent("张三")}`)).total).toBe(1);
    expect((await list("top", "?action=user.create")).total).toBe(5);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const all = (await list("top")).total;
    expect((await list("top", `?from=${today}&to=${today}`)).total).toBe(all);
    expect((await list("top", "?to=2020-01-01")).total).toBe(0);
    const page1 = await list("top", "?pageSize=5");
    const page3 = await list("top", "?pageSize=5&page=3");
    expect(page1.entries).toHaveLength(5);
    expect(page3.entries).toHaveLength(all - 10);
    expect(page3.total).toBe(all);
    expect((page1.entries[4]?.seq ?? 0) > (page3.entries[0]?.seq ?? 0)).toBe(true);
  });

  it("refuses bad queries with 400 and a Chinese message, and answers 401 without a session", async () => {
    for (const query of ["?pageSize=201", "?page=0", "?from=2026-13-01", "?to=2026-02-30", "?agencyId=abc"]) {
      const res = await app.inject({
        method: "GET",
        url: `/api/trail${query}`,
        headers: { cookie: session.top?.cookie ?? "" },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await app.inject({ method: "GET", url: "/api/trail" })).statusCode).toBe(401);
  });

  it("verifies for the top-level administrator only, as verifyTrail does: 完整, then 截断, 缺号 and 篡改/重算", async () => {
    const verify = async (who: string) => {
      const res = await app.inject({
        method: "GET",
        url: "/api/trail/verify",
        headers: { cookie: session[who]?.cookie ?? "" },
      });
      if (res.statusCode === 200) expect(res.json()).toEqual(await verifyTrail(database.db));
      return res;
    };
    const seqs = (await database.db.selectFrom("trail").select("seq").orderBy("seq").execute()).map(
      (r) => r.seq,
    );
    const last = seqs.at(-1) ?? 0;
    expect(seqs).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect((await verify("top")).json()).toMatchObject({
      ok: true,
      checked: last,
      checkpoint: { seq: last },
    });
    expect((await verify("dept-admin")).statusCode).toBe(403);
    expect((await verify("supervisor-a")).statusCode).toBe(403);
    await sql`delete from trail where seq > ${last - 2}`.execute(database.db);
    expect((await verify("top")).json()).toMatchObject({
      ok: false,
      checked: last - 2,
      firstBroken: { seq: last - 1, kind: "truncation" },
    });
    await sql`delete from trail where seq = 3`.execute(database.db);
    expect((await verify("top")).json()).toMatchObject({ ok: false, firstBroken: { seq: 3, kind: "gap" } });
    await sql`update trail set actor_name = ${"李四"} where seq = 2`.execute(database.db);
    const broken = (await verify("top")).json();
    expect(broken).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2, kind: "rehash" } });
    expect(broken.firstBroken.reason).toBe("篡改/重算：记录内容与其哈希不符（该条被修改）");
  });
});
