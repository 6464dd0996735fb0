/**
 * The pieces every noun's API contract shares: ids, dates, instants, nullable values and the error body.
 * A contract file imports only TypeBox and src/core, so the back office can `import type` from it.
 */
import { type TSchema, Type } from "@sinclair/typebox";

/** A database id. */
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/** A calendar date "YYYY-MM-DD" (an Asia/Shanghai date). */
export const DateText = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });

/** An instant as ISO 8601 text (UTC, as stored). */
export const Instant = Type.String({ format: "date-time" });

/** A value of the given schema, or null. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** An object whose shape is a model of src/core (the annual report's tables, findings): typed `T`, sent as is. */
export function CoreModel<T>(description: string) {
  return Type.Unsafe<T>(Type.Object({}, { additionalProperties: true, description }));
}

/** The answer of a call that succeeds with 204 and no body. */
export const NoContent = Type.Null({ description: "成功，无内容（204）" });

/** The body of every refused call: a stable code and a Chinese message. */
export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() });

/** The error answers every JSON route may give, by status. */
export const ERROR_RESPONSES = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
  503: ErrorBody,
} as const;
