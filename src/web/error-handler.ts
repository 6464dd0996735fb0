/**
 * The one place that turns failures into answers: domain errors, reading errors and Fastify's own errors
 * become an HTTP status with `{ code, message }` in Chinese (or an HTML error page for browsers).
 * Stack traces and internal messages never reach the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement } from "react";
import { DOMAIN_ERRORS, DomainError, type DomainErrorCode, type ErrorBody } from "../core/domain-error.ts";
import { databaseFaultError } from "../db/database-errors.ts";
import { ReadError } from "../readers/read-error.ts";
import { ErrorPage } from "./error-page.tsx";
import { malformedMultipartError } from "./malformed-multipart.ts";
import { renderPage } from "./page-layout.tsx";
import { textSizeOf } from "./text-size.ts";

/** A failure as the client will see it. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: ErrorBody;
}

/** Fastify and plugin error codes, by the domain code they answer with. */
const FRAMEWORK_CODES: Readonly<Record<string, DomainErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "TOO_MANY_FILES",
  FST_PARTS_LIMIT: "TOO_MANY_FILES",
  FST_FIELDS_LIMIT: "INVALID_INPUT",
  FST_PROTO_VIOLATION: "INVALID_INPUT",
  FST_MP_PREMATURE_CLOSE: "INVALID_INPUT",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "INVALID_INPUT",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_INVALID_JSON_FIELD_ERROR: "INVALID_JSON",
  FST_ERR_NOT_FOUND: "NOT_FOUND",
};

/** Answer of a known domain code. */
function answerOf(code: DomainErrorCode, message?: string): ErrorAnswer {
  const known = DOMAIN_ERRORS[code];
  return { status: known.status, body: { code, message: message ?? known.message } };
}

/** The HTTP status and `{ code, message }` a failure answers with; unknown failures are 500. */
export function describeError(error: unknown): ErrorAnswer {
  if (error instanceof DomainError)
    return { status: error.status, body: { code: error.code, message: error.message } };
  if (error instanceof ReadError) return { status: 422, body: { code: error.code, message: error.message } };
  // PostgreSQL unreachable (503 DATABASE_UNAVAILABLE), SQLite locked by another process (503 DATABASE_BUSY),
  // disk full (507 DISK_FULL): the driver's error told as what it is.
  const fault = databaseFaultError(error);
  if (fault) return { status: fault.status, body: { code: fault.code, message: fault.message } };
  const malformed = malformedMultipartError(error);
  if (malformed)
    return { status: malformed.status, body: { code: malformed.code, message: malformed.message } };
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError?.validation) {
    const unknown = fastifyError.validation.find((v) => v.keyword === "additionalProperties");
    const name = (unknown?.params as { additionalProperty?: unknown } | undefined)?.additionalProperty;
    if (unknown)
      return answerOf(
        "UNKNOWN_FIELD",
        `提交的内容包含不认识的字段${typeof name === "string" ? `：${name}` : ""}`,
      );
    const field = fastifyError.validation[0]?.instancePath?.replace(/^\//, "") ?? "";
    return answerOf("INVALID_INPUT", `提交的内容不符合要求${field ? `（字段 ${field}）` : ""}`);
  }
  const mapped = fastifyError?.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
  if (mapped) return answerOf(mapped);
  const status = fastifyError?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return { status, body: { code: "BAD_REQUEST", message: "请求有误，无法处理" } };
  }
  return answerOf("INTERNAL_ERROR");
}

/** True when the answer should be an HTML page: a browser asking for a page, not an /api/ call. */
export function wantsHtml(request: FastifyRequest): boolean {
  // The matched route when there is one ("/%61pi/x" is "/api/x" to the router), else the raw path.
  if ((request.routeOptions.url ?? request.url).startsWith("/api/")) return false;
  return (request.headers.accept ?? "").includes("text/html");
}

/** Send an error answer as JSON, or as the HTML error page when the client wants HTML. */
export function sendError(request: FastifyRequest, reply: FastifyReply, answer: ErrorAnswer): FastifyReply {
  reply.code(answer.status);
  if (!wantsHtml(request)) return reply.type("application/json; charset=utf-8").send(answer.body);
  const page = createElement(ErrorPage, {
    status: answer.status,
    error: answer.body,
    textSize: textSizeOf(request),
    returnPath: "/",
  });
  return reply.type("text/html; charset=utf-8").send(renderPage(page));
}

/** Install the error handler and the 404 handler on an instance. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = describeError(error);
    if (answer.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: answer.body.code, status: answer.status }, "request rejected");
    return sendError(request, reply, answer);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, answerOf("NOT_FOUND")));
}
