import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateAgencyProfile } from "../agencies/agency.service.ts";
import { insertTestUser } from "../auth/auth.test-support.ts";
import type { Role } from "../core/access/permissions.ts";
import { fillLetterDrafters } from "../db/migrations/0014-separation-of-duties.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createLetterDraft, getLetter, issueLetter } from "./letter.service.ts";
import { insertAgencyWithOffice, insertTestRequest, letterTrailActions } from "./letter.test-support.ts";

/** 2022-10-26 10:00 in Asia/Shanghai. */
const ISSUE_AT = new Date("2022-10-26T02:00:00.000Z");

describe.each(testDialects())("SOD-2 答复书须由负责人签发 on %s", (dialect) => {
  let database: TestDatabase;
  let government: number;
  let agencyId: number;
  let requestId: number;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    government = await insertAgencyWithOffice(database, "示范市人民政府", null);
    agencyId = await insertAgencyWithOffice(database, "示范市财政局", government);
    requestId = await insertTestRequest(database, agencyId, { outcome: "O-1" });
  });

  afterEach(async () => {
    await database.dispose();
  });

  /** A person holding `role` in `where` (default: the request's agency). */
  const staff = async (username: string, role: Role, where = agencyId): Promise<Actor> => ({
    userId: await insertTestUser(database, username, [{ agencyId: where, role }]),
    name: `${username} 的姓名`,
    role,
    ip: "127.0.0.1",
  });

  /** A reply drafted by `actor`. */
  const draftBy = (actor: Actor) => createLetterDraft(database, requestId, { kind: "reply" }, actor);

  it("SOD-2 by default a 承办人 may not sign, nor a head of another agency; a refusal changes nothing", async () => {
    const officer = await staff("officer", "case_officer");
    const parentHead = await staff("parent-head", "office_head", government);
    const draft = await draftBy(officer);
    for (const issuer of [officer, parentHead, SYSTEM_ACTOR]) {
      await expect(issueLetter(database, requestId, draft.id, issuer, ISSUE_AT)).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
        message: "本机关要求文书须由公开办负责人签发，您不是本机关的公开办负责人",
      });
    }
    expect((await getLetter(database, requestId, draft.id)).status).toBe("draft");
    expect(await letterTrailActions(database)).toEqual(["letter.create"]);
    const head = await staff("head", "office_head");
    expect((await issueLetter(database, requestId, draft.id, head, ISSUE_AT)).issuedByName).toBe(
      "head 的姓名",
    );
  });

  it("SOD-2 the head who drafted a letter may not sign it; another head of the office may", async () => {
    const head = await staff("head", "office_head");
    const draft = await draftBy(head);
    await expect(issueLetter(database, requestId, draft.id, head, ISSUE_AT)).rejects.toMatchObject({
      code: "SEPARATION_OF_DUTIES",
      status: 403,
      message: "答复书须由负责人签发：您起草了该文书，不能再签发，请由本机关其他公开办负责人签发",
    });
    expect(await letterTrailActions(database)).toEqual(["letter.create"]);
    const deputy = await staff("deputy", "office_head");
    expect((await issueLetter(database, requestId, draft.id, deputy, ISSUE_AT)).status).toBe("issued");
  });

  it("SOD-2 off: the 承办人 issues the letter they drafted, as before", async () => {
    await updateAgencyProfile(database, agencyId, { settings: { letterSignOffByHead: false } }, SYSTEM_ACTOR);
    const officer = await staff("officer", "case_officer");
    const draft = await draftBy(officer);
    expect((await issueLetter(database, requestId, draft.id, officer, ISSUE_AT)).status).toBe("issued");
  });

  it("SOD-2 migration 0014 takes an older letter's drafter from its letter.create trail entry", async () => {
    const officer = await staff("officer", "case_officer");
    const draft = await draftBy(officer);
    const drafter = () =>
      database.db
        .selectFrom("letters")
        .select("drafted_by")
        .where("id", "=", draft.id)
        .executeTakeFirstOrThrow();
    expect((await drafter()).drafted_by).toBe(officer.userId);
    await database.db.updateTable("letters").set({ drafted_by: null }).execute();
    await fillLetterDrafters(database.db as never);
    expect((await drafter()).drafted_by).toBe(officer.userId);
    // The officer drafted it, so under SOD-2 the officer (even made a head) still may not sign it.
    await database.db
      .insertInto("role_assignments")
      .values({ user_id: officer.userId ?? 0, agency_id: agencyId, role: "office_head", created_at: "" })
      .execute();
    await expect(issueLetter(database, requestId, draft.id, officer, ISSUE_AT)).rejects.toMatchObject({
      code: "SEPARATION_OF_DUTIES",
    });
  });
});
