/**
 * Recognises the multipart parser's own errors (@fastify/busboy throws plain Errors without a code when a
 * form is cut short or has no boundary), so that a malformed upload is a 400 in Chinese, never a 500.
 */
import { DomainError } from "../core/domain-error.ts";

/** The messages @fastify/busboy gives a malformed multipart body. */
const BUSBOY_MESSAGES =
  /^(?:Unexpected end of multipart data|Multipart: Boundary not found|\w+ terminated early due to unexpected end of multipart data)$/;

/** The 400 refusal of a malformed multipart body, or undefined when the error is something else. */
export function malformedMultipartError(error: unknown): DomainError | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== undefined) return undefined;
  if (!BUSBOY_MESSAGES.test(error.message)) return undefined;
  return new DomainError("INVALID_INPUT", "上传的表单数据不完整或格式有误，请重新提交");
}
