/**
 * Checking the content of a catalog item as entered: required fields, dates, the 条例第二十条 item, the
 * column (one of the agency's), and the body sanitised.
 */
import { parseDate } from "../core/calendar/calendar-date.ts";
import { DomainError } from "../core/domain-error.ts";
import { failPublication } from "../core/publication/publication-errors.ts";
import { isCategoryItem } from "../core/publication/publication-rules.ts";
import type { Database } from "../db/database.ts";
import { sanitizeBody } from "./body-sanitizer.ts";
import { columnOf } from "./column.service.ts";
import type { PublicationContent } from "./publication.repository.ts";

/** The content fields of an item as a client sends them (all optional in an update). */
export interface PublicationInput {
  readonly columnId: number;
  readonly title: string;
  readonly summary?: string;
  readonly publisher?: string;
  readonly writtenOn?: string | null;
  readonly formedOn: string;
  readonly documentNo?: string;
  readonly topic?: string;
  readonly genre?: string;
  readonly categoryItem?: string | null;
  readonly bodyHtml?: string;
  readonly issueNo?: number | null;
}

/** A calendar date "YYYY-MM-DD" that exists, or 400 INVALID_DATE naming the field. */
function checkedDate(value: string, field: string): string {
  try {
    parseDate(value);
    return value;
  } catch {
    throw new DomainError("INVALID_DATE", `${field}格式不正确，应为 YYYY-MM-DD`);
  }
}

/** The input checked and normalised into stored content; `publisherDefault` is the agency's name. */
export async function checkedContent(
  database: Database,
  agencyId: number,
  input: PublicationInput,
  publisherDefault: string,
): Promise<PublicationContent> {
  const title = input.title.trim();
  if (title === "") throw new DomainError("INVALID_INPUT", "名称不能为空");
  await columnOf(database, agencyId, input.columnId);
  const categoryItem = input.categoryItem ?? null;
  if (categoryItem !== null && !isCategoryItem(categoryItem)) throw failPublication("INVALID_CATEGORY");
  const writtenOn = input.writtenOn ? checkedDate(input.writtenOn, "成文日期") : null;
  const formedOn = checkedDate(input.formedOn, "形成日期");
  return {
    columnId: input.columnId,
    title,
    summary: (input.summary ?? "").trim(),
    publisher: (input.publisher ?? "").trim() || publisherDefault,
    writtenOn,
    formedOn,
    documentNo: (input.documentNo ?? "").trim(),
    topic: (input.topic ?? "").trim(),
    genre: (input.genre ?? "").trim(),
    categoryItem,
    bodyHtml: sanitizeBody(input.bodyHtml ?? ""),
    issueNo: input.issueNo ?? null,
  };
}
