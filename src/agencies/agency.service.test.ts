import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../core/domain-error.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { verifyTrail } from "../trail/trail.repository.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createAgency, getAgency, listAgencies, updateAgencyProfile } from "./agency.service.ts";
import { createTestTree, rowCounts, validCreditCode } from "./agency.test-support.ts";

/** The code of the DomainError a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
}

describe.each(testDialects())("agency service on %s", (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("creates agencies with contact and a trail entry each, and lists parents before children", async () => {
    const tree = await createTestTree(database);
    const all = await listAgencies(database);
    expect(all.map((a) => a.name)).toEqual([
      "甲市人民政府",
      "甲市公安局",
      "甲市财政局",
      "乙市人民政府",
      "乙市教育局",
    ]);
    expect(all[1]).toMatchObject({ parentId: tree.a, kind: "department", creditCode: validCreditCode(102) });
    expect(all[1]?.contact.officeName).toBe("甲市人民政府办公室政务公开科");
    expect(await listAgencies(database, [tree.b1, tree.a2])).toHaveLength(2);
    const trail = await database.db.selectFrom("trail").selectAll().orderBy("seq").execute();
    expect(trail.map((t) => t.action)).toEqual(Array(5).fill("agency.create"));
    expect(JSON.parse(trail[0]?.after_json ?? "{}")).toMatchObject({ name: "甲市人民政府" });
    expect(trail[0]).toMatchObject({ actor_name: "系统", actor_role: "system", agency_id: tree.a });
    expect((await verifyTrail(database.db)).ok).toBe(true);
  });

  it("normalises the credit code and refuses one failing GB 32100 (INVALID_CREDIT_CODE)", async () => {
    const lower = validCreditCode(5).toLowerCase();
    const created = await createAgency(
      database,
      { parentId: null, name: "丙市人民政府", kind: "government", creditCode: ` ${lower} ` },
      SYSTEM_ACTOR,
    );
    expect(created.creditCode).toBe(validCreditCode(5));
    expect(created.contact).toEqual({
      officeName: "",
      address: "",
      hours: "",
      phone: "",
      fax: "",
      email: "",
      website: "",
    });
    const wrong = `${validCreditCode(6).slice(0, 17)}${validCreditCode(6).endsWith("0") ? "1" : "0"}`;
    const before = await rowCounts(database);
    expect(
      await codeOf(
        createAgency(
          database,
          { parentId: null, name: "丁", kind: "government", creditCode: wrong },
          SYSTEM_ACTOR,
        ),
      ),
    ).toBe("INVALID_CREDIT_CODE");
    expect(await rowCounts(database)).toEqual(before);
  });

  it("refuses a sibling's name and a used credit code, on create and on update, changing nothing", async () => {
    const tree = await createTestTree(database);
    const before = await rowCounts(database);
    const dept = (name: string, n: number, parentId = tree.a) =>
      createAgency(
        database,
        { parentId, name, kind: "department", creditCode: validCreditCode(n) },
        SYSTEM_ACTOR,
      );
    expect(await codeOf(dept("甲市公安局", 900))).toBe("DUPLICATE_NAME");
    expect(await codeOf(dept("甲市统计局", 102))).toBe("DUPLICATE_CREDIT_CODE");
    expect(await codeOf(updateAgencyProfile(database, tree.a2, { name: "甲市公安局" }, SYSTEM_ACTOR))).toBe(
      "DUPLICATE_NAME",
    );
    expect(
      await codeOf(
        updateAgencyProfile(database, tree.a2, { creditCode: validCreditCode(201) }, SYSTEM_ACTOR),
      ),
    ).toBe("DUPLICATE_CREDIT_CODE");
    expect(await codeOf(dept("新部门", 901, 999_999))).toBe("NOT_FOUND");
    expect(await rowCounts(database)).toEqual(before);
    // The same name under another parent is fine.
    expect((await dept("甲市公安局", 902, tree.b)).parentId).toBe(tree.b);
  });

  it("updates name and single contact fields, recording before and after", async () => {
    const tree = await createTestTree(database);
    const updated = await updateAgencyProfile(
      database,
      tree.a1,
      { name: "甲市公安局（新）", contact: { phone: "0999-0000000" } },
      { userId: null, name: "测试员", role: "system_admin", ip: "10.0.0.1" },
    );
    expect(updated.name).toBe("甲市公安局（新）");
    expect(updated.contact.phone).toBe("0999-0000000");
    expect(updated.contact.fax).toBe("0999-7654321");
    expect((await getAgency(database, tree.a1)).name).toBe("甲市公安局（新）");
    const last = await database.db
      .selectFrom("trail")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: "agency.update",
      actor_name: "测试员",
      ip: "10.0.0.1",
      agency_id: tree.a1,
    });
    expect(JSON.parse(last.before_json ?? "{}").name).toBe("甲市公安局");
    expect(JSON.parse(last.after_json ?? "{}").contact.phone).toBe("0999-0000000");
    expect(await codeOf(getAgency(database, 999_999))).toBe("NOT_FOUND");
  });
});
