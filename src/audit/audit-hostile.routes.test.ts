import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxBomb, pdfBomb, xlsxBomb } from "../readers/bomb.test-support.ts";
import { buildServer } from "../server/build-server.ts";
import { registerErrorHandling } from "../web/error-handler.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { registerAuditRoutes } from "./audit.routes.ts";
import { AuditPool, DEFAULT_AUDIT_POOL } from "./audit-pool.ts";
import { AuditRateLimiter } from "./audit-rate-limit.ts";

const FIXTURE = readFileSync(
  new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url),
  "utf8",
);
const LIMIT_MESSAGE = "文件解压后的内容超过 64 MB 上限（疑似“压缩炸弹”），已拒绝处理";

/** Posts a file to the audit API of a listening server with fetch. */
async function postFile(base: string, path: string, bytes: Uint8Array, fileName: string): Promise<Response> {
  const form = new FormData();
  form.append("report", new Blob([new Uint8Array(bytes)]), fileName);
  return fetch(`${base}${path}`, { method: "POST", body: form, headers: { accept: "text/html" } });
}

describe("hostile uploads to the public audit, on a listening server", () => {
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = await buildServer({ logLevel: false });
    await app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it("refuses a DOCX inflating to 500 MB with 422 INFLATED_TOO_LARGE while other pages keep answering", async () => {
    const bomb = await docxBomb(500, true);
    let settled = false;
    const audit = postFile(base, "/api/audit", bomb, "bomb.docx").then(async (res) => {
      settled = true;
      return { status: res.status, body: (await res.json()) as { code: string; message: string } };
    });
    const pages: number[] = [];
    let answeredMeanwhile = 0;
    while (!settled) {
      const page = await fetch(`${base}/tools/report-audit`);
      await page.text();
      pages.push(page.status);
      if (!settled) answeredMeanwhile++;
    }
    const refused = await audit;
    expect(refused).toEqual({ status: 422, body: { code: "INFLATED_TOO_LARGE", message: LIMIT_MESSAGE } });
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(pages.every((status) => status === 200)).toBe(true);
  });

  it("refuses an XLSX and a PDF inflating to 500 MB the same way, and the HTML form shows the reason", async () => {
    const xlsx = await postFile(base, "/api/audit", await xlsxBomb(500, true), "bomb.xlsx");
    expect(xlsx.status).toBe(422);
    expect(await xlsx.json()).toMatchObject({ code: "INFLATED_TOO_LARGE" });
    const pdf = await postFile(base, "/audit", await pdfBomb(500), "bomb.pdf");
    expect(pdf.status).toBe(422);
    const html = await pdf.text();
    expect(html).toContain(LIMIT_MESSAGE);
    expect(html).toContain("<h1>政府信息公开工作年度报告体检</h1>");
  });

  it("still audits a real report afterwards: the process and the pool survived", async () => {
    const res = await fetch(`${base}/api/audit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: FIXTURE }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { year: number }).year).toBe(2022);
  });
});

/** A bare server with the audit routes on the given pool and limiter. */
async function auditApp(pool: AuditPool, limiter: AuditRateLimiter): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 32 * 1024 * 1024 } });
  registerAuditRoutes(app, { pool, limiter });
  await app.ready();
  return app;
}

/** Posts the reference report (or another text) to an audit route from an address. */
function audit(app: FastifyInstance, remoteAddress: string, url = "/api/audit", text = FIXTURE) {
  const form = multipartForm([
    { name: "report", fileName: "report.txt", bytes: new TextEncoder().encode(text) },
  ]);
  return app.inject({
    method: "POST",
    url,
    remoteAddress,
    payload: form.payload,
    headers: { ...form.headers, accept: url === "/audit" ? "text/html" : "application/json" },
  });
}

describe("the audit routes' limits", () => {
  const pools: AuditPool[] = [];
  const apps: FastifyInstance[] = [];

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await Promise.all(pools.map((p) => p.close()));
  });

  /** A server on a new pool of one worker with the given wall-clock limit, and the given hourly limit. */
  async function limitedApp(timeoutMs: number, perHour: number): Promise<FastifyInstance> {
    const pool = new AuditPool({ ...DEFAULT_AUDIT_POOL, size: 1, timeoutMs });
    pools.push(pool);
    const app = await auditApp(pool, new AuditRateLimiter({ perHour, perDay: 5 }));
    apps.push(app);
    return app;
  }

  it("answers a job past the wall-clock limit with 422 AUDIT_TIMEOUT", async () => {
    const app = await limitedApp(1, 30);
    // About 3 MB of report text: its audit takes far longer than the 1 ms limit even on an idle machine, so
    // the limit fires first however late the main thread gets to the answer.
    const long = `${FIXTURE}\n${"本年度共收到政府信息公开申请3件。".repeat(60_000)}`;
    const res = await audit(app, "198.51.100.20", "/api/audit", long);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "AUDIT_TIMEOUT" });
    expect(res.json().message).toContain("秒时限");
  });

  it("refuses an address past its hourly audits with 429 AUDIT_RATE_LIMITED, form and API alike", async () => {
    const app = await limitedApp(DEFAULT_AUDIT_POOL.timeoutMs, 2);
    expect((await audit(app, "203.0.113.9")).statusCode).toBe(200);
    expect((await audit(app, "203.0.113.9", "/audit")).statusCode).toBe(200);
    const api = await audit(app, "203.0.113.9");
    expect(api.statusCode).toBe(429);
    expect(api.json()).toEqual({
      code: "AUDIT_RATE_LIMITED",
      message: "您提交体检过于频繁，请稍后再试（每小时最多 2 次，每天最多 5 次）",
    });
    const form = await audit(app, "203.0.113.9", "/audit");
    expect(form.statusCode).toBe(429);
    expect(form.body).toContain("每小时最多 2 次");
    expect((await audit(app, "203.0.113.10")).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/tools/report-audit" })).statusCode).toBe(200);
  });
});
