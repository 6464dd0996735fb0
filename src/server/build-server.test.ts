import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { buildServer, MAX_UPLOAD_BYTES } from "./build-server.ts";

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ logLevel: false });
  // A route that fails unexpectedly, to see what the client gets from the error handler.
  app.get("/test-only/boom", async () => {
    throw new Error("secret internal detail");
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

describe("server base", () => {
  it("GET /healthz answers ok", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("sends security headers with a CSP that allows no scripts and no inline styles", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBeDefined();
  });

  it("serves the stylesheet", async () => {
    const res = await app.inject({ method: "GET", url: "/assets/site.css" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/css/);
    expect(res.body).toContain("html.large");
  });

  it("answers an unknown path with 404 { code, message } in Chinese", async () => {
    const res = await app.inject({ method: "GET", url: "/no/such/page" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: "NOT_FOUND", message: "找不到您要访问的页面或接口" });
  });

  it("answers a browser's 404 with an HTML page carrying the same message", async () => {
    const res = await app.inject({ method: "GET", url: "/no/such/page", headers: { accept: "text/html" } });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="zh-CN"');
    expect(res.body).toContain("找不到您要访问的页面或接口");
  });

  it("never leaks an internal error's message or stack", async () => {
    const res = await app.inject({ method: "GET", url: "/test-only/boom" });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: "INTERNAL_ERROR", message: "服务器内部错误，请稍后再试" });
    expect(res.body).not.toContain("secret");
    expect(res.body).not.toContain("at ");
  });

  it("answers a validation error with 400 INVALID_INPUT", async () => {
    const res = await app.inject({ method: "GET", url: "/text-size?size=huge" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "INVALID_INPUT" });
    expect(res.json().message).toMatch(/^提交的内容不符合要求/);
  });

  it("answers malformed JSON with 400 INVALID_JSON", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/audit",
      headers: { "content-type": "application/json" },
      payload: '{"text": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "INVALID_JSON", message: "JSON 格式有误，无法解析" });
  });

  it("answers an unsupported content type with 415", async () => {
    for (const type of ["application/xml", "text/plain"]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/audit",
        headers: { "content-type": type },
        payload: "<report/>",
      });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    }
  });

  it("rejects an upload over 32 MB with 413 and a Chinese message", async () => {
    const form = multipartForm([
      { name: "report", fileName: "big.txt", bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x41) },
    ]);
    const res = await app.inject({ method: "POST", url: "/api/audit", ...form });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: "上传的内容过大：单个文件不能超过 32 MB",
    });
  });

  it("rejects more than two files with 413 TOO_MANY_FILES", async () => {
    const bytes = new TextEncoder().encode("x");
    const form = multipartForm([
      { name: "report", fileName: "a.txt", bytes },
      { name: "previous", fileName: "b.txt", bytes },
      { name: "extra", fileName: "c.txt", bytes },
    ]);
    const res = await app.inject({ method: "POST", url: "/api/audit", ...form });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "TOO_MANY_FILES" });
  });
});

describe("大字模式 switch", () => {
  it("sets the cookie and returns to the page", async () => {
    const res = await app.inject({ method: "GET", url: "/text-size?size=large&back=%2F" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
    expect(String(res.headers["set-cookie"])).toMatch(/^gk_text_size=large;/);
  });

  it("never redirects to another site", async () => {
    const res = await app.inject({ method: "GET", url: "/text-size?size=large&back=%2F%2Fevil.example" });
    expect(res.headers.location).toBe("/");
  });

  it("renders the pages large when the cookie says so", async () => {
    const url = "/tools/report-audit";
    const res = await app.inject({ method: "GET", url, headers: { cookie: "gk_text_size=large" } });
    expect(res.body).toContain('<html lang="zh-CN" class="large"');
    expect(res.body).toContain("恢复标准字号");
    const normal = await app.inject({ method: "GET", url });
    expect(normal.body).not.toContain('class="large"');
    expect(normal.body).toContain('href="/text-size?size=large&amp;back=%2Ftools%2Freport-audit"');
  });
});
