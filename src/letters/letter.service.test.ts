import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertTestUser } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { verifyTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { createLetterDraft, editLetterDraft, getLetter, issueLetter, listLetters } from "./letter.service.ts";
import {
  docxText,
  insertAgencyWithOffice,
  insertRequestEvent,
  insertTestRequest,
  letterTrailActions,
  pdfText,
} from "./letter.test-support.ts";
import { saveTemplate } from "./letter-template.service.ts";

/** 2022-10-26 10:00 in Asia/Shanghai. */
const ISSUE_AT = new Date("2022-10-26T02:00:00.000Z");

describe.each(testDialects())("letters on %s", (dialect) => {
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

  /** A stored column of a letter row. */
  const letterRow = (id: number) =>
    database.db.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("O-3.5 draft reply is filled from the request and cites 第十六条第一款; the date waits for issuing", async () => {
    const letter = await createLetterDraft(database, requestId, { kind: "reply", outcome: "O-3.5" }, officer);
    expect(letter).toMatchObject({
      requestId,
      kind: "reply",
      kindName: "政府信息公开申请答复书",
      status: "draft",
    });
    expect(letter.title).toBe("政府信息公开申请答复书");
    expect(letter.body.startsWith("张三：\n本机关于2022年9月28日收到您提出的政府信息公开申请")).toBe(true);
    expect(letter.body).toContain("《中华人民共和国政府信息公开条例》第十六条第一款的规定");
    expect(letter.body).toContain(
      "联系单位：示范市财政局办公室；联系电话：0531-12345678；通讯地址：示范市政务路1号",
    );
    expect(letter.body).toContain("示范市财政局\n{{date}}\n");
    expect(letter.issuedAt).toBeNull();
    expect(await letterTrailActions(database)).toEqual(["letter.create"]);
  });

  it("a reply takes the request's outcome when none is given, and needs one", async () => {
    await expect(createLetterDraft(database, requestId, { kind: "reply" }, officer)).rejects.toMatchObject({
      code: "LETTER_OUTCOME_REQUIRED",
      status: 400,
    });
    const closed = await insertTestRequest(database, agencyId, { outcome: "O-4.1" });
    await insertRequestEvent(database, closed, "closed", "2022-10-26", {
      outcome: "O-4.1",
      reason: "经检索未找到",
      responsibleAgency: "示范市人民政府",
    });
    const government = await insertAgencyWithOffice(database, "示范市人民政府", null);
    expect(government).toBeGreaterThan(0);
    const letter = await createLetterDraft(database, closed, { kind: "reply" }, officer);
    expect(letter.body).toContain("第三十六条第（四）（五）项");
    expect(letter.body).toContain("负责公开该政府信息的行政机关为示范市人民政府（联系方式：0531-12345678）");
  });

  it("refuses an unknown outcome, an outcome of another kind and an outcome on a notice; nothing is stored", async () => {
    const cases = [
      { kind: "reply", outcome: "O-9" },
      { kind: "not_processed_notice", outcome: "O-3.1" },
      { kind: "supplement_notice", outcome: "O-1" },
    ] as const;
    for (const input of cases) {
      await expect(createLetterDraft(database, requestId, input, officer)).rejects.toMatchObject({
        code: "LETTER_OUTCOME_INVALID",
      });
    }
    await expect(
      createLetterDraft(database, 999_999, { kind: "reply", outcome: "O-1" }, officer),
    ).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(await listLetters(database, requestId)).toEqual([]);
    expect(await letterTrailActions(database)).toEqual([]);
  });

  it("R-30-1 supplement notice takes the items and period from the case log", async () => {
    await insertRequestEvent(database, requestId, "supplement_requested", "2022-09-30", {
      supplementBy: "2022-10-20",
      items: "所需信息的文件名称或者文号",
    });
    const letter = await createLetterDraft(database, requestId, { kind: "supplement_notice" }, officer);
    expect(letter.body).toContain("现一次性告知您对以下事项作出补正：所需信息的文件名称或者文号。");
    expect(letter.body).toContain("于2022年10月20日前将补正后的申请提交本机关");
  });

  it("uses the agency's override before the installation's stored default before the built-in one", async () => {
    await saveTemplate(
      database,
      {
        agencyId: null,
        kind: "reply",
        outcome: "O-1",
        title: "答复书（全系统）",
        body: "{{applicantName}}：全系统模板。",
      },
      officer,
    );
    const fromInstallation = await createLetterDraft(
      database,
      requestId,
      { kind: "reply", outcome: "O-1" },
      officer,
    );
    expect(fromInstallation).toMatchObject({ title: "答复书（全系统）", body: "张三：全系统模板。" });
    await saveTemplate(
      database,
      {
        agencyId,
        kind: "reply",
        outcome: null,
        title: "答复书",
        body: "{{applicantName}}：本机关通用模板。",
      },
      officer,
    );
    const fromAgency = await createLetterDraft(
      database,
      requestId,
      { kind: "reply", outcome: "O-1" },
      officer,
    );
    expect(fromAgency.body).toBe("张三：本机关通用模板。");
    const other = await insertAgencyWithOffice(database, "示范市公安局", null);
    const otherRequest = await insertTestRequest(database, other);
    const builtIn = await createLetterDraft(
      database,
      otherRequest,
      { kind: "reply", outcome: "O-3.5" },
      officer,
    );
    expect(builtIn.body).toContain("第十六条第一款");
    expect(await letterTrailActions(database)).toEqual([
      "letterTemplate.save",
      "letter.create",
      "letterTemplate.save",
      "letter.create",
      "letter.create",
    ]);
  });

  it("refuses a template with an unknown placeholder or an unbalanced section; nothing is stored", async () => {
    const base = { agencyId, kind: "reply" as const, outcome: "O-1", title: "答复书" };
    await expect(
      saveTemplate(database, { ...base, body: "{{applicantNmae}}：" }, officer),
    ).rejects.toMatchObject({
      code: "TEMPLATE_PLACEHOLDER_UNKNOWN",
      message: "模板中有不认识的占位符：{{applicantNmae}}",
    });
    await expect(saveTemplate(database, { ...base, body: "{{#reason}}理由" }, officer)).rejects.toMatchObject(
      {
        code: "TEMPLATE_SYNTAX",
      },
    );
    await expect(
      saveTemplate(database, { ...base, outcome: null, kind: "fee_notice", body: "x" }, officer),
    ).resolves.toMatchObject({ source: "agency" });
    const rows = await database.db.selectFrom("letter_templates").select("kind").execute();
    expect(rows).toEqual([{ kind: "fee_notice" }]);
  });

  it("edits a draft, issues it with DOCX and PDF, and then refuses every change (409)", async () => {
    const draft = await createLetterDraft(database, requestId, { kind: "reply", outcome: "O-3.5" }, officer);
    const edited = await editLetterDraft(
      database,
      requestId,
      draft.id,
      {
        title: " 政府信息公开申请答复书 ",
        body: draft.body.replace("特此答复。", "特此答复，谢谢您的理解。"),
      },
      officer,
    );
    expect(edited.title).toBe("政府信息公开申请答复书");
    expect(edited.body).toContain("特此答复，谢谢您的理解。");

    const issued = await issueLetter(database, requestId, draft.id, head, ISSUE_AT);
    expect(issued).toMatchObject({
      status: "issued",
      issuedAt: ISSUE_AT.toISOString(),
      issuedByName: "head 的姓名",
    });
    expect(issued.body).toContain("示范市财政局\n2022年10月26日\n");
    expect(issued.body).not.toContain("{{");

    const row = await letterRow(draft.id);
    expect(row.status).toBe("issued");
    expect(row.issued_by).toBe(head.userId);
    const pdf = pdfText(new Uint8Array(row.pdf ?? new Uint8Array()));
    expect(pdf).toContain("张三：");
    expect(pdf).toContain("《中华人民共和国政府信息公开条例》第十六条第一款");
    expect(await docxText(new Uint8Array(row.docx ?? new Uint8Array()))).toContain(
      "特此答复，谢谢您的理解。",
    );

    await expect(
      editLetterDraft(database, requestId, draft.id, { title: "改", body: "改" }, officer),
    ).rejects.toMatchObject({
      code: "LETTER_ISSUED",
      status: 409,
      message: "该文书已签发，签发后的文书不能再修改",
    });
    await expect(issueLetter(database, requestId, draft.id, head)).rejects.toMatchObject({
      code: "LETTER_ISSUED",
    });
    expect(await getLetter(database, requestId, draft.id)).toEqual(issued);
    expect(await letterTrailActions(database)).toEqual(["letter.create", "letter.edit", "letter.issue"]);
    expect((await verifyTrail(database.db)).ok).toBe(true);
  });

  it("issues a letter once when two issue it at the same time; the trail holds the files' SHA-256", async () => {
    const draft = await createLetterDraft(database, requestId, { kind: "reply", outcome: "O-5.1" }, officer);
    const results = await Promise.allSettled([
      issueLetter(database, requestId, draft.id, head, ISSUE_AT),
      issueLetter(database, requestId, draft.id, head, ISSUE_AT),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "LETTER_ISSUED", status: 409 });
    const row = await letterRow(draft.id);
    const entry = await database.db
      .selectFrom("trail")
      .select("after_json")
      .where("action", "=", "letter.issue")
      .executeTakeFirstOrThrow();
    const after = JSON.parse(entry.after_json ?? "{}");
    const sha = (bytes: Uint8Array | null) =>
      createHash("sha256")
        .update(bytes ?? new Uint8Array())
        .digest("hex");
    expect(after.pdfSha256).toBe(sha(row.pdf));
    expect(after.docxSha256).toBe(sha(row.docx));
    expect(await letterTrailActions(database)).toEqual(["letter.create", "letter.issue"]);
  });

  it("refuses to issue while a placeholder is unfilled (422) and changes nothing", async () => {
    const draft = await createLetterDraft(database, requestId, { kind: "fee_notice" }, officer);
    expect(draft.body).toContain("{{feeAmount}}");
    await expect(issueLetter(database, requestId, draft.id, head, ISSUE_AT)).rejects.toMatchObject({
      code: "LETTER_UNFILLED",
      status: 422,
    });
    const row = await letterRow(draft.id);
    expect({ status: row.status, docx: row.docx, pdf: row.pdf }).toEqual({
      status: "draft",
      docx: null,
      pdf: null,
    });
    await insertRequestEvent(database, requestId, "fee_notified", "2022-10-10", {
      method: "per_volume",
      quantity: 150,
      amountYuan: 1700,
    });
    // What the case log now knows is filled in when issuing.
    const issued = await issueLetter(database, requestId, draft.id, head, ISSUE_AT);
    expect(issued.body).toContain("计费数量150页，应缴纳信息处理费1700元");
  });
});
