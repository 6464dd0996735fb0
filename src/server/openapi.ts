/**
 * The API description: an OpenAPI 3.1 document of every /api route and its TypeBox schemas, built from the
 * routes themselves (@fastify/swagger), at /api/openapi.json, and a browsable page at /api/docs
 * (@fastify/swagger-ui, served from the package's own files, nothing fetched from the internet). The page
 * runs scripts, so it gets a CSP of its own; every other page keeps the strict one.
 */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";

/** Path of the OpenAPI document. */
export const OPENAPI_PATH = "/api/openapi.json";

/** Path of the browsable API page. */
export const API_DOCS_PATH = "/api/docs";

/** The CSP of the API page: its own scripts; inline styles for Swagger UI; fetches to this server only. */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

/** Chinese names of the route groups (the path segment after /api/). */
const TAG_NAMES: Readonly<Record<string, string>> = {
  session: "登录会话",
  account: "我的账号",
  agencies: "机关",
  users: "用户与角色",
  trail: "操作留痕",
  audit: "年报体检",
  requests: "依申请公开",
  "letter-templates": "答复书模板",
  publications: "主动公开",
  columns: "公开栏目",
  channels: "发布渠道",
  messages: "网民留言",
  registries: "年报台账",
  litigation: "行政复议和诉讼",
  reports: "年度报告",
  calendar: "工作日历",
  monitors: "监测",
};

/** The group of an /api path: its first segment after /api/ (e.g. "agencies"). */
export function tagOf(url: string): string {
  return url.split("/")[2] ?? "api";
}

/**
 * Registers the document and the page. Must run before any route is added: the document collects the
 * routes as they are registered.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "公开（Gongkai）后台接口",
        description:
          "政府信息公开工作平台的 HTTP 接口（JSON）。错误一律为 HTTP 状态码加 { code, message }（中文说明）。" +
          "除登录外，改变状态的请求须带 X-CSRF-Token 请求头（取自 POST 或 GET /api/session 的 csrfToken）。",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "gk_session" },
          csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        },
      },
      tags: Object.entries(TAG_NAMES).map(([name, description]) => ({ name, description })),
    },
    // Only the API is described; public pages, the admin shell's files and the page itself are left out.
    transform: ({ schema, url }) => {
      if (!url.startsWith("/api/") || url.startsWith(`${API_DOCS_PATH}/`) || url === API_DOCS_PATH) {
        return { schema: { ...schema, hide: true }, url };
      }
      const tags = (schema as { tags?: readonly string[] } | undefined)?.tags ?? [tagOf(url)];
      return { schema: { ...schema, tags: [...tags] } as typeof schema, url };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PATH,
    staticCSP: API_DOCS_CSP,
    theme: { title: "公开（Gongkai）接口文档" },
    // No "try it out" for calls that change anything (they need the CSRF token anyway); no online validator.
    uiConfig: { supportedSubmitMethods: ["get"], docExpansion: "list", deepLinking: true },
    validatorUrl: false,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply.header("cache-control", "no-cache").send(app.swagger()),
  );
}
