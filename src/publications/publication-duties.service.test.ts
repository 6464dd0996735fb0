import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateAgencyProfile } from "../agencies/agency.service.ts";
import { insertTestUser } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { listPublicationLog } from "./publication.repository.ts";
import { actOnPublication, createPublication, getPublicationRecord } from "./publication.service.ts";
import { actor, catalogFixture, draftInput } from "./publication.test-support.ts";

describe.each(testDialects())("SOD-1 先审后发分人办理 in the catalog service on %s", (dialect) => {
  let database: TestDatabase;
  let fixture: Awaited<ReturnType<typeof catalogFixture>>;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    fixture = await catalogFixture(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  /** A person with an account in A1 (SOD-1 tells people apart by user id). */
  const person = async (username: string, name: string): Promise<Actor> => ({
    userId: await insertTestUser(database, username, [{ agencyId: fixture.tree.a1, role: "office_head" }]),
    name,
    role: "office_head",
    ip: "127.0.0.1",
  });

  /** The number of trail entries. */
  const trailCount = async () => (await database.db.selectFrom("trail").select("seq").execute()).length;

  it("SOD-1 by default the submitter may not review and nobody takes two steps; a refusal changes nothing", async () => {
    const { tree, columnId } = fixture;
    const li = await person("li", "李信息");
    const zhao = await person("zhao", "赵保密");
    const item = await createPublication(database, tree.a1, draftInput(columnId, "分人办理"), li);
    await actOnPublication(database, item.id, { type: "submit" }, li);
    const trailBefore = await trailCount();
    await expect(
      actOnPublication(database, item.id, { type: "approve", opinion: "不涉密" }, li),
    ).rejects.toMatchObject({
      code: "SEPARATION_OF_DUTIES",
      status: 403,
      message: "先审后发分人办理：您已提交该信息，不能再进行保密审查",
    });
    await actOnPublication(database, item.id, { type: "approve", opinion: "不涉密" }, zhao);
    await expect(
      actOnPublication(database, item.id, { type: "approve", opinion: "同意" }, zhao),
    ).rejects.toMatchObject({
      code: "SEPARATION_OF_DUTIES",
      message: "先审后发分人办理：您已对该信息进行了保密审查，不能再进行审核",
    });
    expect((await getPublicationRecord(database, item.id)).status).toBe("review");
    expect((await listPublicationLog(database.db, item.id)).map((e) => e.actorName)).toEqual([
      "李信息",
      "赵保密",
    ]);
    expect(await trailCount()).toBe(trailBefore + 1);
    // A send-back ends the pass; in the next one 赵保密 may take 保密审查 again.
    await actOnPublication(
      database,
      item.id,
      { type: "sendBack", opinion: "请补充" },
      await person("qian", "钱审核"),
    );
    await actOnPublication(database, item.id, { type: "submit" }, li);
    const again = await actOnPublication(database, item.id, { type: "approve", opinion: "" }, zhao);
    expect(again.status).toBe("review");
  });

  it("SOD-1 with the agency setting off one person takes every step, and the change is in the trail", async () => {
    const { tree, columnId } = fixture;
    const changed = await updateAgencyProfile(
      database,
      tree.a1,
      { settings: { separateReviewDuties: false } },
      actor("office_head"),
    );
    expect(changed.settings).toEqual({ separateReviewDuties: false, letterSignOffByHead: true });
    const alone = await person("alone", "全能");
    const item = await createPublication(database, tree.a1, draftInput(columnId, "小机关"), alone);
    await actOnPublication(database, item.id, { type: "submit" }, alone);
    for (let i = 0; i < 3; i++) {
      await actOnPublication(database, item.id, { type: "approve", opinion: "同意" }, alone);
    }
    const published = await actOnPublication(
      database,
      item.id,
      { type: "publish", publishedOn: "2022-03-10" },
      alone,
    );
    expect(published.status).toBe("published");
    const entry = await database.db
      .selectFrom("trail")
      .select(["before_json", "after_json"])
      .where("action", "=", "agency.update")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json ?? "{}").settings.separateReviewDuties).toBe(true);
    expect(JSON.parse(entry.after_json ?? "{}").settings.separateReviewDuties).toBe(false);
  });
});
