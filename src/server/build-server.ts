/**
 * Assembles the web server: security headers, body parsers, logging without bodies, the error handler,
 * and the routes. Building does not listen (see start-server.ts), so tests use `app.inject()`.
 */
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { registerAgencyRoutes } from "../agencies/agency.routes.ts";
import { registerPortalRoutes } from "../agencies/portal.routes.ts";
import { registerAuditRoutes } from "../audit/audit.routes.ts";
import { DatabaseAuditRateLimit } from "../audit/audit-flood.ts";
import { auditRateFromEnv } from "../audit/audit-rate-limit.ts";
import { registerAccountRoutes } from "../auth/account.routes.ts";
import { registerAuth } from "../auth/auth.plugin.ts";
import { isApiRoute } from "../auth/route-scope.ts";
import { registerSessionRoutes } from "../auth/session.routes.ts";
import { SESSION_COOKIE } from "../auth/session.service.ts";
import { registerChannelRoutes } from "../channels/channel.routes.ts";
import { registerChannelResponseRoutes } from "../channels/channel-response.routes.ts";
import type { Database } from "../db/database.ts";
import { registerLetterRoutes } from "../letters/letter.routes.ts";
import { registerLitigationRoutes } from "../litigation/litigation.routes.ts";
import { registerMessageRoutes } from "../messages/message.routes.ts";
import { registerMessagePublicRoutes } from "../messages/message-public.routes.ts";
import { registerMonitorRoutes } from "../monitors/monitor.routes.ts";
import { registerCatalogRoutes } from "../publications/catalog.routes.ts";
import { registerColumnRoutes } from "../publications/column.routes.ts";
import { registerPublicationRoutes } from "../publications/publication.routes.ts";
import { registerDecisionApiRoutes } from "../registries/decision-api.routes.ts";
import { registerDecisionPortalRoutes } from "../registries/decision-portal.routes.ts";
import { registerLedgerRoutes } from "../registries/ledger.routes.ts";
import { registerRegistryRoutes } from "../registries/registry.routes.ts";
import { registerReportRoutes } from "../reports/report.routes.ts";
import { registerReportPublicRoutes } from "../reports/report-public.routes.ts";
import { registerRequestRoutes } from "../requests/request.routes.ts";
import { registerRequestPublicRoutes } from "../requests/request-public.routes.ts";
import { registerTrailRoutes } from "../trail/http/trail.routes.ts";
import { registerUserRoutes } from "../users/user.routes.ts";
import { registerErrorHandling } from "../web/error-handler.ts";
import { answerClientError, answerFrameworkError } from "../web/framework-errors.ts";
import { pageCacheBytesFromEnv, pageCacheFor } from "../web/page-cache.ts";
import { installPageCache } from "../web/page-cache-hooks.ts";
import { registerStrictJsonBodies } from "../web/strict-json-bodies.ts";
import { registerAdminRoutes } from "./admin.routes.ts";
import { lazySchemaCompilers } from "./lazy-schema-compilers.ts";
import { registerOpenApi } from "./openapi.ts";
import { registerSiteRoutes } from "./site.routes.ts";

/** Largest uploaded file and largest pasted text, in bytes (32 MB, as the readers accept). */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

/** Options of buildServer. */
export interface BuildServerOptions {
  /** Log level, or false for no logging (tests). Defaults to LOG_LEVEL or "info". */
  readonly logLevel?: string | false;
  /** Where the log lines go (start-server's readable console on a terminal); pino's stdout by default. */
  readonly logStream?: { write(line: string): void };
  /** The open, migrated database; routes that need it are registered only when it is given. */
  readonly database?: Database;
  /** Proxy addresses whose X-Forwarded-* headers are believed; defaults to GONGKAI_TRUST_PROXY. */
  readonly trustProxy?: string | false;
  /** Bound of the public pages' cache in bytes (0: no cache); GONGKAI_PAGE_CACHE_MB by default. */
  readonly pageCacheBytes?: number;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The database of the platform (absent in a server built without one, e.g. audit-only tests). */
    database?: Database;
    /** Compiles now every route schema not compiled yet (they compile on first use); tests call it. */
    compileSchemas(): number;
  }
}

/** Log configuration: request method, path and address only, never headers, bodies or uploads. */
function loggerOptions(
  level: string | false | undefined,
  stream: BuildServerOptions["logStream"],
): FastifyServerOptions["logger"] {
  if (level === false) return false;
  return {
    level: level ?? process.env.LOG_LEVEL ?? "info",
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        path: request.url.split("?")[0],
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

/** Build the Fastify instance with every plugin and route registered, ready to inject or listen. */
export async function buildServer(options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const schemas = lazySchemaCompilers();
  const app = Fastify({
    logger: loggerOptions(options.logLevel, options.logStream),
    bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
    return503OnClosing: true,
    // Unknown fields are refused (additionalProperties: false answers 400 UNKNOWN_FIELD), never dropped.
    ajv: { customOptions: { removeAdditional: false } },
    // Fastify's own compilers with these options, each route's schemas compiled on first use (issue #10.4).
    schemaController: { compilersFactory: schemas.compilersFactory },
    // Behind a reverse proxy, its address(es): then X-Forwarded-For/-Proto give the client's address and https.
    trustProxy: options.trustProxy ?? (process.env.GONGKAI_TRUST_PROXY?.trim() || false),
    // Malformed requests (bad percent-encoding, unreadable headers) answered in Chinese too (issue #9.6).
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  app.decorate("compileSchemas", schemas.compileAll);
  // First of all: public pages that opt in are answered from the page cache (GONGKAI_PAGE_CACHE_MB; 0: off).
  // A visitor carrying a session cookie (possibly signed in) neither gets nor fills it.
  const pageCacheBytes = options.pageCacheBytes ?? pageCacheBytesFromEnv();
  if (options.database && pageCacheBytes > 0) {
    const { cache, stop } = pageCacheFor(options.database, pageCacheBytes);
    const personal = (request: FastifyRequest) =>
      request.headers.cookie?.includes(`${SESSION_COOKIE}=`) === true;
    installPageCache(app, cache, { personal });
    app.addHook("onClose", async () => stop());
  }
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: "same-origin" },
  });
  await app.register(formbody, { bodyLimit: MAX_UPLOAD_BYTES });
  await app.register(multipart, {
    limits: {
      fileSize: MAX_UPLOAD_BYTES,
      // The report and, optionally, the previous year's report.
      files: 2,
      fieldSize: MAX_UPLOAD_BYTES,
      fields: 10,
      parts: 12,
    },
  });
  registerErrorHandling(app);
  // Before any route: the OpenAPI document collects the routes as they are added.
  await registerOpenApi(app);
  registerSiteRoutes(app);
  // With a database, the audit's per-address limit is counted there (shared by every instance).
  registerAuditRoutes(
    app,
    options.database ? { limiter: new DatabaseAuditRateLimit(options.database, auditRateFromEnv()) } : {},
  );
  // The back-office shell is static; it needs no database (its API calls do).
  await registerAdminRoutes(app);
  if (options.database) {
    app.decorate("database", options.database);
    // Platform routes (session, account, agencies, users, trail, public column, admin) are registered here.
    await registerAuth(app);
    registerSessionRoutes(app);
    registerAccountRoutes(app);
    registerUserRoutes(app);
    registerAgencyRoutes(app, options.database);
    registerTrailRoutes(app, options.database);
    registerPortalRoutes(app, options.database);
    registerRequestPublicRoutes(app, options.database);
    registerCatalogRoutes(app, options.database);
    registerPublicationRoutes(app, options.database);
    registerColumnRoutes(app, options.database);
    registerChannelRoutes(app, options.database);
    registerMessageRoutes(app, options.database);
    registerMessagePublicRoutes(app, options.database);
    registerReportRoutes(app, options.database);
    registerChannelResponseRoutes(app, options.database);
    registerReportPublicRoutes(app, options.database);
    registerRegistryRoutes(app, options.database);
    registerLedgerRoutes(app, options.database);
    registerDecisionApiRoutes(app, options.database);
    registerDecisionPortalRoutes(app, options.database);
    registerLitigationRoutes(app, options.database);
    registerLetterRoutes(app, options.database);
    registerRequestRoutes(app, options.database);
    registerMonitorRoutes(app, options.database);
  }
  // After the auth plugin's CSRF check: JSON bodies are checked exactly as sent, without type coercion.
  registerStrictJsonBodies(app, isApiRoute);
  return app;
}
