/**
 * The back-office shell at /admin/: the Vite build in dist/admin served as static files, with a fallback to
 * index.html for the shell's own routes (/admin/users, /admin/trail …), long caching for the hashed assets,
 * no caching for index.html, and a CSP of its own (its scripts and antd's inline styles), leaving the strict
 * CSP of the public pages untouched. When the shell is not built, /admin/ answers a Chinese 503 page.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/** Where `npm run build:admin` writes the shell (relative to the repository root). */
export const ADMIN_DIST_DIR = resolve(import.meta.dirname, "../../dist/admin");

/** The CSP of the back office: own scripts only; inline styles for antd's CSS-in-JS; API calls to self. */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

/** Hashed build assets never change under the same name. */
const ASSET_CACHE = "public, max-age=31536000, immutable";

/** The page shown when dist/admin/index.html is missing. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>后台界面尚未构建</title>
<link rel="stylesheet" href="/assets/site.css"></head>
<body><main><h1>后台界面尚未构建</h1>
<p>后台界面尚未构建，请运行 npm run build:admin</p>
<p>构建完成后刷新本页即可。</p></main></body></html>
`;

/** Options of registerAdminRoutes. */
export interface AdminRoutesOptions {
  /** Folder of the built shell; defaults to dist/admin. */
  readonly distDir?: string;
}

/** Send the shell's index.html (not cached, so a new build is picked up at once) or the 503 page. */
async function sendIndex(reply: FastifyReply, distDir: string): Promise<FastifyReply> {
  const indexFile = join(distDir, "index.html");
  if (!existsSync(indexFile)) {
    return reply
      .code(503)
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(NOT_BUILT_PAGE);
  }
  const html = await readFile(indexFile, "utf8");
  return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html);
}

/** Register GET /admin, the static files under /admin/ and the fallback to index.html. */
export async function registerAdminRoutes(
  app: FastifyInstance,
  options: AdminRoutesOptions = {},
): Promise<void> {
  const distDir = options.distDir ?? ADMIN_DIST_DIR;

  app.get("/admin", async (_request, reply) => reply.redirect("/admin/", 301));

  await app.register(
    async (admin) => {
      admin.addHook("onSend", async (_request, reply, payload) => {
        reply.header("content-security-policy", ADMIN_CSP);
        return payload;
      });

      await admin.register(fastifyStatic, {
        root: distDir,
        prefix: "/",
        index: false,
        cacheControl: false,
        decorateReply: false,
        setHeaders: (reply, path) => {
          reply.header("cache-control", path.endsWith(".html") ? "no-cache" : ASSET_CACHE);
        },
      });

      admin.get("/", { prefixTrailingSlash: "slash" }, async (_request, reply) => sendIndex(reply, distDir));

      // Paths of the shell's own routes are not files: answer index.html, the shell routes on the client.
      // A missing build asset stays a 404, so a stale page fails visibly instead of loading HTML as script.
      admin.setNotFoundHandler(async (request, reply) => {
        const path = request.url.split("?")[0] ?? "";
        const isPage = request.method === "GET" || request.method === "HEAD";
        if (!isPage || path.startsWith("/admin/assets/")) {
          return reply
            .code(404)
            .type("application/json; charset=utf-8")
            .send({ code: "NOT_FOUND", message: "找不到您要访问的页面或接口" });
        }
        return sendIndex(reply, distDir);
      });
    },
    { prefix: "/admin" },
  );
}
