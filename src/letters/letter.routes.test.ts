import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import {
  insertAgencyWithOffice,
  insertTestRequest,
  letterTrailActions,
  pdfText,
} from "./letter.test-support.ts";

describe.each(testDialects())("letters API on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyA: number;
  let requestA: number;
  let requestB: number;
  const as: Record<string, TestSession> = {};

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    const government = await insertAgencyWithOffice(database, "示范市人民政府", null);
    agencyA = await insertAgencyWithOffice(database, "示范市财政局", government);
    const agencyB = await insertAgencyWithOffice(database, "示范市公安局", government);
    requestA = await insertTestRequest(database, agencyA, { applicantName: "赵六" });
    requestB = await insertTestRequest(database, agencyB);
    const users = {
      officer: { agencyId: agencyA, role: "case_officer" },
      head: { agencyId: agencyA, role: "office_head" },
      reviewer: { agencyId: agencyA, role: "reviewer" },
      supervisor: { agencyId: government, role: "supervisor" },
      outsider: { agencyId: agencyB, role: "case_officer" },
      admin: { agencyId: government, role: "system_admin" },
    } as const;
    for (const [name, role] of Object.entries(users)) {
      await insertTestUser(database, name, [role]);
      as[name] = await signIn(app, name);
    }
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  /** A call as a user (state-changing calls carry the CSRF token). */
  const call = (user: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: method === "GET" ? { cookie: as[user]?.cookie ?? "" } : (as[user]?.headers ?? {}),
      ...(payload ? { payload } : {}),
    });

  it("drafts, edits, issues and downloads a reply; an issued letter is frozen (409)", async () => {
    const created = await call("officer", "POST", `/api/requests/${requestA}/letters`, {
      kind: "reply",
      outcome: "O-2",
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(Object.keys(draft).sort()).toEqual(
      [
        "body",
        "createdAt",
        "id",
        "issuedAt",
        "issuedByName",
        "kind",
        "kindName",
        "requestId",
        "status",
        "title",
        "updatedAt",
      ].sort(),
    );
    expect(draft.body).toContain("第三十七条");
    expect(draft.body).toContain("{{reason}}");

    const url = `/api/requests/${requestA}/letters/${draft.id}`;
    const refused = await call("head", "POST", `${url}/issue`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("理由");

    const body = draft.body.replace("{{reason}}", "涉及第三方个人隐私");
    const edited = await call("head", "PUT", url, { title: draft.title, body });
    expect(edited.statusCode).toBe(200);
    expect((await call("supervisor", "GET", url)).json().body).toBe(body);
    expect(
      (await call("supervisor", "GET", `/api/requests/${requestA}/letters`)).json().letters,
    ).toHaveLength(1);

    const notYet = await call("officer", "GET", `${url}/download.pdf`);
    expect(notYet.statusCode).toBe(409);
    // SOD-2 (on by default): the 承办人 who drafted it may not sign it; the 公开办负责人 does.
    const byOfficer = await call("officer", "POST", `${url}/issue`);
    expect([byOfficer.statusCode, byOfficer.json()]).toEqual([
      403,
      { code: "FORBIDDEN", message: "本机关要求文书须由公开办负责人签发，您不是本机关的公开办负责人" },
    ]);

    const issued = await call("head", "POST", `${url}/issue`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: "issued", issuedByName: "head 的姓名" });

    const pdf = await call("supervisor", "GET", `${url}/download.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const disposition = String(pdf.headers["content-disposition"]);
    expect(disposition).toMatch(/^attachment; filename="letter-\d+\.pdf"; filename\*=UTF-8''YSQ2022\d+-/);
    expect(decodeURIComponent(disposition.split("''")[1] ?? "")).toMatch(/-政府信息公开申请答复书\.pdf$/);
    const text = pdfText(new Uint8Array(pdf.rawPayload));
    expect(text).toContain("赵六：");
    expect(text).toContain("《中华人民共和国政府信息公开条例》第三十七条");
    const docx = await call("officer", "GET", `${url}/download.docx`);
    expect(docx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");

    const frozen = await call("head", "PUT", url, { title: "改", body: "改" });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toEqual({ code: "LETTER_ISSUED", message: "该文书已签发，签发后的文书不能再修改" });
    expect((await call("head", "POST", `${url}/issue`)).statusCode).toBe(409);
    expect(await letterTrailActions(database)).toEqual(["letter.create", "letter.edit", "letter.issue"]);
  });

  it("another agency's request is 404; without request.view or request.handle it is 403", async () => {
    const list = `/api/requests/${requestA}/letters`;
    for (const [user, method, url, status] of [
      ["outsider", "GET", list, 404],
      ["outsider", "POST", list, 404],
      ["officer", "GET", `/api/requests/${requestB}/letters`, 404],
      ["officer", "GET", "/api/requests/999999/letters", 404],
      ["reviewer", "GET", list, 403],
      ["reviewer", "POST", list, 403],
      ["supervisor", "GET", list, 200],
      ["supervisor", "POST", list, 403],
    ] as const) {
      const res = await call(
        user,
        method,
        url,
        method === "POST" ? { kind: "supplement_notice" } : undefined,
      );
      expect(res.statusCode, `${user} ${method} ${url}`).toBe(status);
      if (status !== 200) expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    const letter = (await call("officer", "POST", list, { kind: "supplement_notice" })).json();
    for (const path of ["", "/download.pdf"]) {
      expect((await call("outsider", "GET", `${list}/${letter.id}${path}`)).statusCode).toBe(404);
    }
    expect(
      (await call("reviewer", "PUT", `${list}/${letter.id}`, { title: "x", body: "y" })).statusCode,
    ).toBe(403);
    expect((await call("officer", "GET", `/api/requests/${requestB}/letters/${letter.id}`)).statusCode).toBe(
      404,
    );
  });

  it("refuses bad input with a Chinese message and changes nothing", async () => {
    const url = `/api/requests/${requestA}/letters`;
    const before = await letterTrailActions(database);
    const unknownField = await call("officer", "POST", url, { kind: "reply", outcome: "O-1", extra: 1 });
    expect(unknownField.json().code).toBe("UNKNOWN_FIELD");
    expect((await call("officer", "POST", url, { kind: "letter" })).statusCode).toBe(400);
    const noOutcome = await call("officer", "POST", url, { kind: "reply" });
    expect(noOutcome.json()).toEqual({
      code: "LETTER_OUTCOME_REQUIRED",
      message: "请选择处理结果：答复书和不予处理告知书须按处理结果生成",
    });
    const noCsrf = await app.inject({
      method: "POST",
      url,
      headers: { cookie: as.officer?.cookie ?? "" },
      payload: { kind: "fee_notice" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await call("officer", "GET", `${url}/424242`)).json().code).toBe("LETTER_NOT_FOUND");
    expect(await letterTrailActions(database)).toEqual(before);
  });

  it("lists the effective templates and saves an agency's override and the installation's default", async () => {
    const list = await call("officer", "GET", `/api/letter-templates?agencyId=${agencyA}`);
    expect(list.statusCode).toBe(200);
    const templates = list.json().templates as { kind: string; outcome: string | null; source: string }[];
    expect(templates).toHaveLength(31);
    expect(templates.every((t) => t.source === "builtin")).toBe(true);

    const override = {
      agencyId: agencyA,
      kind: "reply",
      outcome: "O-1",
      title: "答复书",
      body: "{{applicantName}}：予以公开。",
    };
    const saved = await call("officer", "PUT", "/api/letter-templates", override);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ source: "agency", outcome: "O-1", outcomeName: "予以公开" });
    const after = (await call("officer", "GET", `/api/letter-templates?agencyId=${agencyA}`)).json()
      .templates;
    expect(after.find((t: { outcome: string }) => t.outcome === "O-1")).toMatchObject({
      source: "agency",
      body: override.body,
    });

    const installation = { ...override, agencyId: null };
    expect((await call("head", "PUT", "/api/letter-templates", installation)).json().code).toBe(
      "TEMPLATE_FORBIDDEN",
    );
    expect((await call("admin", "PUT", "/api/letter-templates", installation)).json().source).toBe(
      "installation",
    );

    expect((await call("outsider", "PUT", "/api/letter-templates", override)).statusCode).toBe(404);
    expect((await call("supervisor", "PUT", "/api/letter-templates", override)).statusCode).toBe(403);
    expect((await call("outsider", "GET", `/api/letter-templates?agencyId=${agencyA}`)).statusCode).toBe(404);
    const bad = await call("officer", "PUT", "/api/letter-templates", { ...override, body: "{{姓名}}" });
    expect(bad.json()).toEqual({
      code: "TEMPLATE_PLACEHOLDER_UNKNOWN",
      message: "模板中有不认识的占位符：{{姓名}}",
    });
    const wrongOutcome = await call("officer", "PUT", "/api/letter-templates", {
      ...override,
      kind: "fee_notice",
    });
    expect(wrongOutcome.json().code).toBe("LETTER_OUTCOME_INVALID");

    // The installation's default now applies to agencies without their own.
    const installationList = (await call("supervisor", "GET", "/api/letter-templates")).json().templates;
    expect(installationList.find((t: { outcome: string }) => t.outcome === "O-1").source).toBe(
      "installation",
    );

    // Removing the agency's override brings back the installation's default; removing that, the built-in one.
    const reset = await call(
      "officer",
      "DELETE",
      `/api/letter-templates?agencyId=${agencyA}&kind=reply&outcome=O-1`,
    );
    expect(reset.statusCode).toBe(200);
    expect(reset.json().template).toMatchObject({ source: "installation", body: override.body });
    const again = await call(
      "officer",
      "DELETE",
      `/api/letter-templates?agencyId=${agencyA}&kind=reply&outcome=O-1`,
    );
    expect(again.json()).toEqual({ code: "TEMPLATE_NOT_SAVED", message: "该模板未曾修改，无需恢复默认" });
    expect((await call("head", "DELETE", "/api/letter-templates?kind=reply&outcome=O-1")).statusCode).toBe(
      403,
    );
    const builtIn = await call("admin", "DELETE", "/api/letter-templates?kind=reply&outcome=O-1");
    expect(builtIn.json().template).toMatchObject({ source: "builtin", title: "政府信息公开申请答复书" });
    const actions = await letterTrailActions(database);
    expect(actions.filter((a) => a.startsWith("letterTemplate."))).toEqual([
      "letterTemplate.save",
      "letterTemplate.save",
      "letterTemplate.reset",
      "letterTemplate.reset",
    ]);
  });
});
