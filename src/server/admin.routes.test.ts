import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_DIST_DIR, registerAdminRoutes } from "./admin.routes.ts";
import { buildServer } from "./build-server.ts";

let app: FastifyInstance;
let scriptAsset: string;

beforeAll(async () => {
  if (!existsSync(join(ADMIN_DIST_DIR, "index.html"))) {
    const { build } = await import("vite");
    await build({ configFile: "admin/vite.config.ts", logLevel: "warn" });
  }
  const script = readdirSync(join(ADMIN_DIST_DIR, "assets")).find((name) => name.endsWith(".js"));
  if (!script) throw new Error("the admin build has no script");
  scriptAsset = `/admin/assets/${script}`;
  app = await buildServer({ logLevel: false });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app.close();
});

describe("admin shell at /admin/", () => {
  it("GET /admin/ answers the shell's index.html, not cached", async () => {
    const res = await app.inject({ method: "GET", url: "/admin/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toContain('<div id="root"></div>');
    expect(res.body).toContain(scriptAsset);
  });

  it("GET /admin redirects to /admin/", async () => {
    const res = await app.inject({ method: "GET", url: "/admin" });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe("/admin/");
  });

  it("serves a hashed script as JavaScript with a long cache", async () => {
    const res = await app.inject({ method: "GET", url: scriptAsset });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body.length).toBeGreaterThan(1000);
  });

  it("falls back to index.html for the shell's own routes", async () => {
    const res = await app.inject({ method: "GET", url: "/admin/some/deep/route?x=1" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toContain(scriptAsset);
  });

  it("answers a missing build asset with 404, not with index.html", async () => {
    const res = await app.inject({ method: "GET", url: "/admin/assets/no-such-file.js" });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<div id="root">');
  });

  it("gives /admin its own CSP (own scripts, inline styles) and keeps the public pages strict", async () => {
    const admin = String(
      (await app.inject({ method: "GET", url: "/admin/users" })).headers["content-security-policy"],
    );
    expect(admin).toContain("script-src 'self'");
    expect(admin).toContain("style-src 'self' 'unsafe-inline'");
    expect(admin).toContain("frame-ancestors 'none'");
    expect(admin).not.toContain("unsafe-eval");
    const asset = String(
      (await app.inject({ method: "GET", url: scriptAsset })).headers["content-security-policy"],
    );
    expect(asset).toBe(admin);

    const publicCsp = String(
      (await app.inject({ method: "GET", url: "/", headers: { accept: "text/html" } })).headers[
        "content-security-policy"
      ],
    );
    expect(publicCsp).toContain("script-src 'none'");
    expect(publicCsp).not.toContain("unsafe-inline");
  });

  it("answers a Chinese 503 page when the shell is not built", async () => {
    const empty = mkdtempSync(join(tmpdir(), "gongkai-admin-"));
    const bare = (await import("fastify")).default({ logger: false });
    try {
      await registerAdminRoutes(bare, { distDir: empty });
      for (const url of ["/admin/", "/admin/agencies"]) {
        const res = await bare.inject({ method: "GET", url });
        expect(res.statusCode).toBe(503);
        expect(res.headers["content-type"]).toMatch(/^text\/html/);
        expect(res.body).toContain("后台界面尚未构建，请运行 npm run build:admin");
      }
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
