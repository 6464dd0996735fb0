/**
 * What leaves the server about letters: the Letter of the API contract (docs/REQUESTS.md), and downloads
 * with a Chinese file name (RFC 5987 / RFC 6266 Content-Disposition, an ASCII fallback for old clients).
 */
import type { Letter } from "../contract/letter.contract.ts";
import { isLetterKind, LETTER_KINDS, type LetterKind } from "../core/letter/letter-kinds.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import type { LetterRow } from "./letter.repository.ts";

/** A letter as the API shows it (the contract's Letter). */
export type { Letter } from "../contract/letter.contract.ts";

/** The two file formats of an issued letter. */
export type LetterFormat = "docx" | "pdf";

/** The media type of each format. */
export const LETTER_MEDIA_TYPES: Readonly<Record<LetterFormat, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The Chinese name of a kind (the stored key when unknown). */
export function kindName(kind: string): string {
  return isLetterKind(kind) ? LETTER_KINDS[kind] : kind;
}

/** The API shape of a letter row. */
export function presentLetter(row: LetterRow): Letter {
  return {
    id: row.id,
    requestId: row.requestId,
    kind: row.kind as LetterKind,
    kindName: kindName(row.kind),
    status: row.status,
    title: row.title,
    body: row.body,
    issuedAt: row.issuedAt,
    issuedByName: row.issuedByName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The download name of a letter: "{trackingNo}-{title}.{format}", without characters file systems refuse. */
export function letterFileName(trackingNo: string, title: string, format: LetterFormat): string {
  const clean = `${trackingNo}-${title}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").trim();
  return `${clean.slice(0, 120)}.${format}`;
}

/** The Content-Disposition of a letter download: the UTF-8 name as filename*, an ASCII name as filename. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return contentDisposition(fileName, "attachment", asciiFallback);
}
