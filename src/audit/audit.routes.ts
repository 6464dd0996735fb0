/**
 * The 年报体检 routes: the form page, the HTML audit and the JSON audit. Each route counts the address
 * against the rate limit, parses the request, audits it in the worker pool (off the main thread, with
 * memory and time limits) and presents the result; failures go through describeError.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement } from "react";
import { AuditReport } from "../contract/audit.contract.ts";
import { ERROR_RESPONSES, ErrorBody } from "../contract/common.contract.ts";
import { HtmlPage } from "../contract/site.contract.ts";
import { describeError } from "../web/error-handler.ts";
import { renderPage } from "../web/page-layout.tsx";
import { textSizeOf } from "../web/text-size.ts";
import { AuditFormPage, type AuditFormPageProps } from "./audit-form-page.tsx";
import { AuditPool, auditPoolOptionsFromEnv } from "./audit-pool.ts";
import { type AuditRateLimit, AuditRateLimiter, auditRateFromEnv } from "./audit-rate-limit.ts";
import { type AuditCommand, AuditTextBody, readAuditRequest } from "./audit-request.ts";
import { AuditResultPage } from "./audit-result-page.tsx";

/** Where the 年报体检 form page is (linked from the home page and the footer). */
export const AUDIT_TOOL_PATH = "/tools/report-audit";

/** Body schemas of the audit routes, by content type (multipart bodies are read as a stream). */
const AUDIT_BODY_SCHEMA = {
  content: {
    "application/json": { schema: AuditTextBody },
    "application/x-www-form-urlencoded": { schema: AuditTextBody },
  },
};

/**
 * The answer of the HTML audit routes: a page (the result; on 4xx the form with the error, or, to a client
 * not asking for HTML, `{ code, message }` — an HTML string is sent as it is, an object by the 4xx schema).
 */
const AUDIT_PAGE = HtmlPage;

/** Answers of POST /api/audit: the report as the interchange JSON, or `{ code, message }`. */
const AUDIT_JSON_RESPONSES = { 200: AuditReport, ...ERROR_RESPONSES, 413: ErrorBody, 415: ErrorBody };

/** Send the form page, with an error message and the submitted values when given. */
function sendFormPage(
  request: FastifyRequest,
  reply: FastifyReply,
  extra: Pick<AuditFormPageProps, "error" | "text" | "publishedOn"> = {},
): FastifyReply {
  const page = createElement(AuditFormPage, {
    ...extra,
    textSize: textSizeOf(request),
    returnPath: AUDIT_TOOL_PATH,
  });
  return reply.type("text/html; charset=utf-8").send(renderPage(page));
}

/** What the audit routes run on: the worker pool and the per-address limit (in process, from the environment, if absent). */
export interface AuditRouteOptions {
  readonly pool?: AuditPool;
  readonly limiter?: AuditRateLimit;
}

/**
 * Register GET /tools/report-audit, POST /audit and POST /api/audit. A pool made here is closed with the
 * app; a pool given is the caller's to close.
 */
export function registerAuditRoutes(app: FastifyInstance, options: AuditRouteOptions = {}): void {
  const pool = options.pool ?? new AuditPool(auditPoolOptionsFromEnv());
  if (!options.pool) app.addHook("onClose", () => pool.close());
  const limiter = options.limiter ?? new AuditRateLimiter(auditRateFromEnv());
  // Counted before the body is read, so a refused address costs no upload parsing.
  const limited = {
    schema: { body: AUDIT_BODY_SCHEMA },
    onRequest: async (request: FastifyRequest) => {
      await limiter.take(request.ip);
    },
  };
  app.get(AUDIT_TOOL_PATH, { schema: { response: { 200: AUDIT_PAGE } } }, async (request, reply) =>
    sendFormPage(request, reply),
  );

  app.post(
    "/audit",
    { ...limited, schema: { ...limited.schema, response: { 200: AUDIT_PAGE, "4xx": ErrorBody } } },
    async (request, reply) => {
      let command: AuditCommand | undefined;
      try {
        command = await readAuditRequest(request);
        const result = await pool.run(command.input, command.options);
        const page = createElement(AuditResultPage, {
          result,
          publishedOn: command.publishedOn,
          textSize: textSizeOf(request),
          returnPath: AUDIT_TOOL_PATH,
        });
        return reply.type("text/html; charset=utf-8").send(renderPage(page));
      } catch (error) {
        const answer = describeError(error);
        if (answer.status >= 500) throw error;
        request.log.info({ code: answer.body.code, status: answer.status }, "audit rejected");
        reply.code(answer.status);
        return sendFormPage(request, reply, {
          error: answer.body.message,
          text: command?.text,
          publishedOn: command?.publishedOn,
        });
      }
    },
  );

  const json = { ...limited, schema: { ...limited.schema, response: AUDIT_JSON_RESPONSES } };
  app.post("/api/audit", json, async (request, reply) => {
    const command = await readAuditRequest(request);
    const result = await pool.run(command.input, command.options);
    return reply.type("application/json; charset=utf-8").send(result.report);
  });
}
