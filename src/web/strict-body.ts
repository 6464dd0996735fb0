/**
 * Route options for the JSON body of a platform API call: checked against its TypeBox schema exactly as
 * sent — no type coercion (42 is not a name), unknown fields refused (400 UNKNOWN_FIELD) — before the
 * handler runs, and a 64 KB limit whose refusal names that limit.
 */
import type { TSchema } from "@sinclair/typebox";
import { Value, ValueErrorType } from "@sinclair/typebox/value";
import type { FastifyError, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import { DomainError } from "../core/domain-error.ts";
import { describeError, sendError } from "./error-handler.ts";

/** Largest JSON body of an API call (64 KB: far above any form, far below an upload). */
export const MAX_API_BODY_BYTES = 64 * 1024;

/** Turns "body too large" into a message naming the API limit; every other error as usual. */
function apiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    const tooLarge = new DomainError("PAYLOAD_TOO_LARGE", "提交的内容过大：不能超过 64 KB");
    return sendError(request, reply, describeError(tooLarge));
  }
  const answer = describeError(error);
  if (answer.status >= 500) request.log.error({ err: error }, "request failed");
  else request.log.info({ code: answer.body.code, status: answer.status }, "request rejected");
  return sendError(request, reply, answer);
}

/** The refusal of a body that does not match `schema` exactly, or undefined when it matches. */
export function bodyProblem(schema: TSchema, body: unknown): DomainError | undefined {
  const first = Value.Errors(schema, body).First();
  if (!first) return undefined;
  const field = first.path.replace(/^\//, "").replaceAll("/", ".").slice(0, 100);
  if (first.type === ValueErrorType.ObjectAdditionalProperties) {
    return new DomainError("UNKNOWN_FIELD", `提交的内容包含不认识的字段：${field}`);
  }
  if (first.type === ValueErrorType.ObjectMinProperties && field === "") {
    return new DomainError("INVALID_INPUT", "提交的内容为空：至少须包含一个要修改的字段");
  }
  return new DomainError("INVALID_INPUT", `提交的内容不符合要求${field ? `（字段 ${field}）` : ""}`);
}

/** Route options for a JSON body matching `schema` exactly, at most 64 KB. */
export function strictBody(schema: TSchema): RouteShorthandOptions {
  return {
    bodyLimit: MAX_API_BODY_BYTES,
    errorHandler: apiErrorHandler,
    schema: { body: schema },
    preValidation: async (request) => {
      const problem = bodyProblem(schema, request.body);
      if (problem) throw problem;
    },
  };
}
