/**
 * The files of issued letters: downloads for the back office (any kind, issued only), and for the public
 * status page the letters addressed to the applicant — never the consultation letters sent to a third
 * party or another agency (条例第三十二条、第三十四条), which concern someone else.
 */
import type { Kysely } from "kysely";
import { normaliseAttachmentName } from "../core/attachment/attachment-name.ts";
import { letterError } from "../core/letter/letter-errors.ts";
import { isAddressedToApplicant, isLetterKind } from "../core/letter/letter-kinds.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import {
  attachmentDisposition,
  kindName,
  LETTER_MEDIA_TYPES,
  type LetterFormat,
  letterFileName,
} from "./letter.presenter.ts";
import { findLetterFile, findLetterRequest, listLetterRows } from "./letter.repository.ts";

/** A stored file of an issued letter, ready to send. */
export interface LetterFile {
  readonly fileName: string;
  readonly mediaType: string;
  /** The Content-Disposition header value (Chinese file name per RFC 5987, ASCII fallback). */
  readonly contentDisposition: string;
  readonly content: Uint8Array;
}

/** An issued letter as the public status page lists it. */
export interface IssuedLetterSummary {
  readonly id: number;
  readonly kind: string;
  readonly kindName: string;
  readonly title: string;
  readonly issuedAt: string;
}

/** The database of a caller that passes either the open database or its Kysely instance. */
function kyselyOf(db: Database | Kysely<Schema>): Kysely<Schema> {
  return "dialect" in db && "close" in db ? db.db : (db as Kysely<Schema>);
}

/** Whether a stored kind is shown to the applicant. */
function forApplicant(kind: string): boolean {
  return isLetterKind(kind) && isAddressedToApplicant(kind);
}

/** The file of a letter of the request, or undefined when there is none (no such letter, or not issued). */
async function issuedFile(
  db: Kysely<Schema>,
  requestId: number,
  letterId: number,
  format: LetterFormat,
): Promise<(LetterFile & { kind: string }) | "draft" | undefined> {
  const file = await findLetterFile(db, requestId, letterId, format);
  if (!file) return undefined;
  if (file.status !== "issued" || file.content === null) return "draft";
  const request = await findLetterRequest(db, requestId);
  const fileName = normaliseAttachmentName(
    letterFileName(request?.facts.trackingNo ?? String(requestId), file.title, format),
  );
  return {
    kind: file.kind,
    fileName,
    mediaType: LETTER_MEDIA_TYPES[format],
    contentDisposition: attachmentDisposition(fileName, `letter-${letterId}.${format}`),
    content: file.content,
  };
}

/** The DOCX or PDF of an issued letter for the back office; 404 unknown letter, 409 not issued yet. */
export async function letterDownload(
  database: Database,
  requestId: number,
  letterId: number,
  format: LetterFormat,
): Promise<LetterFile> {
  const file = await issuedFile(database.db, requestId, letterId, format);
  if (file === undefined) throw letterError("LETTER_NOT_FOUND");
  if (file === "draft") throw letterError("LETTER_NOT_ISSUED");
  return file;
}

/** The issued letters addressed to the applicant of a request, oldest first (for the public status page). */
export async function listIssuedLetters(
  db: Database | Kysely<Schema>,
  requestId: number,
): Promise<IssuedLetterSummary[]> {
  const rows = await listLetterRows(kyselyOf(db), requestId);
  return rows
    .filter((r) => r.status === "issued" && r.issuedAt !== null && forApplicant(r.kind))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      kindName: kindName(r.kind),
      title: r.title,
      issuedAt: r.issuedAt ?? "",
    }));
}

/**
 * The DOCX or PDF of an issued letter addressed to the applicant (for the public status page), or undefined
 * when the request has no such letter — a draft, a consultation letter or another request's letter alike.
 */
export async function issuedLetterFile(
  db: Database | Kysely<Schema>,
  requestId: number,
  letterId: number,
  format: LetterFormat,
): Promise<LetterFile | undefined> {
  const file = await issuedFile(kyselyOf(db), requestId, letterId, format);
  if (file === undefined || file === "draft" || !forApplicant(file.kind)) return undefined;
  const { kind: _kind, ...rest } = file;
  return rest;
}
