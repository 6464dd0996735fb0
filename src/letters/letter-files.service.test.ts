import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertTestUser } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { createLetterDraft, issueLetter } from "./letter.service.ts";
import { insertAgencyWithOffice, insertRequestEvent, insertTestRequest } from "./letter.test-support.ts";
import { issuedLetterFile, letterDownload, listIssuedLetters } from "./letter-files.service.ts";

/** 2022-10-26 10:00 in Asia/Shanghai. */
const ISSUE_AT = new Date("2022-10-26T02:00:00.000Z");

describe.each(testDialects())("issued letter files on %s", (dialect) => {
  let database: TestDatabase;
  let agencyId: number;
  let requestId: number;
  let officer: Actor;
  /** The 公开办负责人 who signs (签发) what the officer drafts (SOD-2, on by default). */
  let head: Actor;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    agencyId = await insertAgencyWithOffice(database, "示范市财政局", null);
    requestId = await insertTestRequest(database, agencyId);
    const userId = await insertTestUser(database, "officer", [{ agencyId, role: "case_officer" }]);
    officer = { userId, name: "承办人甲", role: "case_officer", ip: "127.0.0.1" };
    const headId = await insertTestUser(database, "head", [{ agencyId, role: "office_head" }]);
    head = { userId: headId, name: "负责人乙", role: "office_head", ip: "127.0.0.1" };
  });

  afterEach(async () => {
    await database.dispose();
  });

  it("lists for the public page only issued letters addressed to the applicant, and serves only their files", async () => {
    const reply = await createLetterDraft(database, requestId, { kind: "reply", outcome: "O-1" }, officer);
    await insertRequestEvent(database, requestId, "consultation_sent", "2022-10-08", {
      party: "third-party",
      consultee: "示范化工有限公司",
    });
    const consultation = await createLetterDraft(
      database,
      requestId,
      { kind: "third_party_consultation" },
      officer,
    );
    expect(consultation.body.startsWith("示范化工有限公司：")).toBe(true);
    expect(await listIssuedLetters(database, requestId)).toEqual([]);
    expect(await issuedLetterFile(database, requestId, reply.id, "pdf")).toBeUndefined();
    await expect(letterDownload(database, requestId, reply.id, "pdf")).rejects.toMatchObject({
      code: "LETTER_NOT_ISSUED",
    });

    await issueLetter(database, requestId, reply.id, head, ISSUE_AT);
    await issueLetter(database, requestId, consultation.id, head, ISSUE_AT);
    expect(await listIssuedLetters(database.db, requestId)).toEqual([
      {
        id: reply.id,
        kind: "reply",
        kindName: "政府信息公开申请答复书",
        title: "政府信息公开申请答复书",
        issuedAt: ISSUE_AT.toISOString(),
      },
    ]);
    const file = await issuedLetterFile(database, requestId, reply.id, "docx");
    expect(file?.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(file?.fileName).toMatch(/^YSQ2022\d+-政府信息公开申请答复书\.docx$/);
    expect(await issuedLetterFile(database, requestId, consultation.id, "pdf")).toBeUndefined();
    const otherRequest = await insertTestRequest(database, agencyId);
    expect(await issuedLetterFile(database, otherRequest, reply.id, "pdf")).toBeUndefined();
    // The back office downloads every issued letter, the consultation letter included.
    expect(
      (await letterDownload(database, requestId, consultation.id, "pdf")).content.length,
    ).toBeGreaterThan(1000);
  });
});
