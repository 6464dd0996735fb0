/**
 * Parsing an audit request (multipart form, JSON or url-encoded body) into the facade's input:
 * the report as bytes with a file name, the optional previous year's report and publication date.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { DomainError } from "../core/domain-error.ts";
import type { AuditInput, AuditOptions } from "./audit-report.ts";

/** File name given to pasted text, so that the readers treat it as plain text. */
export const PASTED_TEXT_FILE_NAME = "粘贴的报告.txt";

/** Body of a JSON or url-encoded audit request. */
export const AuditTextBody = Type.Object({
  text: Type.Optional(Type.String()),
  publishedOn: Type.Optional(Type.String({ maxLength: 32 })),
});

/** The parsed body of a JSON or url-encoded audit request. */
export type AuditTextBodyType = Static<typeof AuditTextBody>;

/** A parsed audit request: what to hand to the facade, and the form values to show again on failure. */
export interface AuditCommand {
  readonly input: AuditInput;
  readonly options: AuditOptions;
  readonly publishedOn?: string;
  /** The pasted text, when the report came from the text box. */
  readonly text?: string;
}

/** The raw values of an audit request before they are checked. */
interface RawAuditRequest {
  report?: AuditInput;
  previous?: AuditInput;
  text?: string;
  publishedOn?: string;
}

/** A YYYY-MM-DD date that exists in the calendar, or undefined for an empty value; else INVALID_DATE. */
export function parsePublishedOn(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (match) {
    const date = new Date(`${trimmed}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(trimmed)) return trimmed;
  }
  throw new DomainError("INVALID_DATE");
}

/** Read every part of a multipart request; files are buffered (the plugin enforces the 32 MB limit). */
async function readMultipart(request: FastifyRequest): Promise<RawAuditRequest> {
  const raw: RawAuditRequest = {};
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const bytes = new Uint8Array(await part.toBuffer());
      // A file input left empty arrives as a part with no name and no bytes.
      if (part.filename === "" && bytes.length === 0) continue;
      const input: AuditInput = { bytes, fileName: part.filename || "未命名文件" };
      if (part.fieldname === "report") raw.report = input;
      else if (part.fieldname === "previous") raw.previous = input;
    } else if (typeof part.value === "string") {
      if (part.fieldname === "text") raw.text = part.value;
      else if (part.fieldname === "publishedOn") raw.publishedOn = part.value;
    }
  }
  return raw;
}

/** Turn the raw values into a command: the uploaded file wins over pasted text; neither is NO_INPUT. */
function toCommand(raw: RawAuditRequest): AuditCommand {
  const publishedOn = parsePublishedOn(raw.publishedOn);
  const text = raw.text?.trim() ? raw.text : undefined;
  const input =
    raw.report ??
    (text ? { bytes: new TextEncoder().encode(text), fileName: PASTED_TEXT_FILE_NAME } : undefined);
  if (!input) throw new DomainError("NO_INPUT");
  const options: AuditOptions = {
    ...(raw.previous ? { previous: raw.previous } : {}),
    ...(publishedOn ? { publishedOn } : {}),
  };
  return {
    input,
    options,
    ...(publishedOn ? { publishedOn } : {}),
    ...(raw.report || !text ? {} : { text }),
  };
}

/** Parse an audit request of any accepted kind; other content types are UNSUPPORTED_MEDIA_TYPE. */
export async function readAuditRequest(request: FastifyRequest): Promise<AuditCommand> {
  if (request.isMultipart()) return toCommand(await readMultipart(request));
  const body = request.body;
  if (body === undefined || body === null || body === "") throw new DomainError("NO_INPUT");
  const type = request.headers["content-type"] ?? "";
  if (typeof body !== "object" || !/^application\/(json|x-www-form-urlencoded)\b/i.test(type)) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
  }
  const { text, publishedOn } = body as AuditTextBodyType;
  return toCommand({ text, publishedOn });
}
