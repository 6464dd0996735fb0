import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnnualReport, APPLICATION_ROW_KEYS } from "../core/report/report-model.ts";
import { buildServer } from "../server/build-server.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";

/** The reference report: correct, 3 new requests, 3 in 三（三）5, table 二 641 / 1578 / 536 / 1014.5589. */
const FIXTURE = readFileSync(
  new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url),
  "utf8",
);
const NEW_ROW = "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3";
/** The same report with one number changed: 本年新收 自然人 3 → 4 (breaks C-1 and C-3). */
const MUTATED = FIXTURE.replace(NEW_ROW, "一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t3");
const encode = (text: string) => new TextEncoder().encode(text);

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ logLevel: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

describe("GET /tools/report-audit", () => {
  it("shows the audit form: multipart POST /audit, file, text, previous report, date", async () => {
    const res = await app.inject({ method: "GET", url: "/tools/report-audit" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html; charset=utf-8/);
    const html = res.body;
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
    expect(html).toContain("<h1>政府信息公开工作年度报告体检</h1>");
    expect(html).toMatch(/<form[^>]*action="\/audit"[^>]*encType="multipart\/form-data"[^>]*method="post"/i);
    expect(html).toContain('<label for="report">');
    expect(html).toContain('<label for="text">');
    expect(html).toContain("上一年度报告（可选，用于跨年度核对）");
    expect(html).toMatch(/<input id="publishedOn" type="date"/);
    expect(html).not.toContain("<script");
  });
});

describe("POST /api/audit", () => {
  it("audits an uploaded file and answers the interchange JSON", async () => {
    const form = multipartForm([{ name: "report", fileName: "report.txt", bytes: encode(FIXTURE) }]);
    const res = await app.inject({ method: "POST", url: "/api/audit", ...form });
    expect(res.statusCode).toBe(200);
    const report = res.json() as AnnualReport;
    expect(Object.keys(report).sort()).toEqual(
      ["agency", "applications", "findings", "format", "proactive", "review", "sections", "year"].sort(),
    );
    expect(report.format).toBe("2021");
    expect(report.year).toBe(2022);
    expect(Object.keys(report.applications)).toEqual(APPLICATION_ROW_KEYS);
    expect(report.applications.new).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(report.applications["denied.internalAffairs"]).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(report.proactive).toMatchObject({
      licensing: 641,
      penalty: 1578,
      enforcement: 536,
      fees: "1014.5589",
    });
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("audits pasted text sent as JSON { text }", async () => {
    const res = await app.inject({ method: "POST", url: "/api/audit", payload: { text: FIXTURE } });
    expect(res.statusCode).toBe(200);
    expect((res.json() as AnnualReport).applications.totalProcessed).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });

  it("C-1/C-3: a report with one number changed yields a finding", async () => {
    const res = await app.inject({ method: "POST", url: "/api/audit", payload: { text: MUTATED } });
    expect(res.statusCode).toBe(200);
    const rules = (res.json() as AnnualReport).findings.map((f) => f.rule);
    expect(rules.some((r) => r === "C-1" || r === "C-3")).toBe(true);
  });

  it("answers 400 NO_INPUT without a file or text", async () => {
    for (const payload of [{}, { text: "   " }]) {
      const res = await app.inject({ method: "POST", url: "/api/audit", payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: "NO_INPUT", message: "请上传报告文件或粘贴报告文本" });
    }
    const empty = multipartForm([{ name: "report", fileName: "", bytes: new Uint8Array(0) }]);
    const res = await app.inject({ method: "POST", url: "/api/audit", ...empty });
    expect(res.json()).toMatchObject({ code: "NO_INPUT" });
    const none = await app.inject({ method: "POST", url: "/api/audit" });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: "NO_INPUT" });
  });

  it("answers 400 INVALID_INPUT for a JSON body of the wrong shape, INVALID_DATE for a bad date", async () => {
    const wrong = await app.inject({
      method: "POST",
      url: "/api/audit",
      payload: { text: { nested: true } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "INVALID_INPUT" });
    const date = await app.inject({
      method: "POST",
      url: "/api/audit",
      payload: { text: FIXTURE, publishedOn: "2023-02-30" },
    });
    expect(date.statusCode).toBe(400);
    expect(date.json()).toEqual({ code: "INVALID_DATE", message: "发布日期格式不正确，应为 YYYY-MM-DD" });
  });

  it("answers 422 with the reader's code for an unreadable file", async () => {
    const form = multipartForm([{ name: "report", fileName: "empty.txt", bytes: new Uint8Array(0) }]);
    const res = await app.inject({ method: "POST", url: "/api/audit", ...form });
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; message: string };
    expect(body.code).toBe("EMPTY_FILE");
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("checks against the previous year's report when one is uploaded", async () => {
    const form = multipartForm([
      { name: "report", fileName: "2022.txt", bytes: encode(FIXTURE) },
      { name: "previous", fileName: "2021.txt", bytes: encode(FIXTURE.replace(/2022/g, "2021")) },
      { name: "publishedOn", value: "2023-01-20" },
    ]);
    const res = await app.inject({ method: "POST", url: "/api/audit", ...form });
    expect(res.statusCode).toBe(200);
    expect(Array.isArray((res.json() as AnnualReport).findings)).toBe(true);
  });
});

describe("POST /audit (HTML)", () => {
  it("renders the result: agency, year, format, summary and the rebuilt tables", async () => {
    const form = multipartForm([{ name: "report", fileName: "report.txt", bytes: encode(FIXTURE) }]);
    const res = await app.inject({ method: "POST", url: "/audit", ...form });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain("<dd>公安局</dd>");
    expect(html).toContain("<dd>2022 年</dd>");
    expect(html).toContain("2021 年格式");
    expect(html).toMatch(/错误 0 项、提示 \d+ 项/);
    expect(html).toContain("一、本年新收政府信息公开申请数量");
    expect(html).toContain("（七）总计");
    expect(html).toContain("法律服务机构");
    expect(html.match(/id="cell-applications\./g)).toHaveLength(25 * 7);
    expect(html).toContain('id="cell-proactive.fees">1014.5589<');
    expect(html).toContain('id="cell-proactive.licensing">641<');
    expect(html.match(/id="cell-review\./g)).toHaveLength(15);
  });

  it("highlights the cells a finding names and lists the finding", async () => {
    const form = multipartForm([{ name: "text", value: MUTATED }]);
    const res = await app.inject({ method: "POST", url: "/audit", ...form });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/错误 [1-9]\d* 项/);
    expect(res.body).toMatch(/<span class="rule">C-[13]<\/span><span class="badge error">错误<\/span>/);
    expect(res.body).toMatch(
      /<td class="flagged" id="cell-applications\.new\.0">4<span class="visually-hidden">/,
    );
  });

  it("escapes HTML in pasted text when it shows the form again", async () => {
    const form = multipartForm([
      { name: "text", value: '<script>alert("x")</script>' },
      { name: "publishedOn", value: "2023-01-20" },
    ]);
    const res = await app.inject({ method: "POST", url: "/audit", ...form });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('role="alert"');
    expect(res.body).not.toContain("<script>");
    expect(res.body).toContain("&lt;script&gt;");
  });

  it("shows the form again with the message when there is no input", async () => {
    const form = multipartForm([{ name: "text", value: "" }]);
    const res = await app.inject({ method: "POST", url: "/audit", ...form });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain("请上传报告文件或粘贴报告文本");
    expect(res.body).toContain('action="/audit"');
  });
});
