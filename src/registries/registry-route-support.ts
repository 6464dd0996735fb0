/**
 * What the registry and litigation routes share: the TypeBox pieces of their bodies and queries, and loading
 * a record with the permission check on its agency (404 when it or its agency is not visible).
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { authorize } from "../auth/request-auth.ts";
import type { Action } from "../core/access/permissions.ts";
import { DomainError } from "../core/domain-error.ts";
import { registryError } from "../core/registry/registry-errors.ts";

/** A database id. */
export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
/** A calendar date "YYYY-MM-DD" (its reality is checked by the services). */
export const CalendarDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
/** A report year. */
export const Year = Type.Integer({ minimum: 2000, maximum: 2200 });
/** A short text field. */
export const Text = (maxLength: number) => Type.String({ maxLength });

/** Path parameters naming a record. */
export const IdParams = Type.Object({ id: Id });
/** Query naming an agency. */
export const AgencyQuery = Type.Object({ agencyId: Id }, { additionalProperties: false });
/** Query naming an agency and a year. */
export const AgencyYearQuery = Type.Object({ agencyId: Id, year: Year }, { additionalProperties: false });
/** Query naming an agency and, optionally, a year. */
export const AgencyOptionalYearQuery = Type.Object(
  { agencyId: Id, year: Type.Optional(Year) },
  { additionalProperties: false },
);

/** Static types of the shared schemas. */
export type IdParamsType = Static<typeof IdParams>;

/** The record `find` returns, once the caller may take `action` in its agency; 404 when there is none. */
export async function loadAuthorized<T extends { readonly agencyId: number }>(
  request: FastifyRequest,
  action: Action,
  find: () => Promise<T | undefined>,
): Promise<T> {
  const record = await find();
  if (!record) throw new DomainError("NOT_FOUND", "找不到该登记记录");
  await authorize(request, action, record.agencyId);
  return record;
}

/** The uploaded file of a multipart import; 400 NO_FILE without one. */
export async function uploadedFile(request: FastifyRequest): Promise<{ name: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "请以表单（multipart/form-data）上传导入文件");
  const part = await request.file();
  if (part?.fieldname !== "file") throw registryError("NO_FILE");
  return { name: part.filename.slice(0, 200), bytes: await part.toBuffer() };
}
