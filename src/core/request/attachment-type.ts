/**
 * What an attachment really is, from its first bytes (magic numbers), never from its name or declared type:
 * PDF, JPEG, PNG or DOCX (a ZIP package holding word/document.xml). Anything else, or a file whose name or
 * declared type says otherwise (a disguised file), is refused. Pure: bytes in, verdict out.
 */
import { requestError } from "./request-errors.ts";

/** What an attachment is: an identity document, a supplement, or other. */
export const ATTACHMENT_KINDS = ["identity", "supplement", "other"] as const;

/** An attachment kind. */
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Largest attachment: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The accepted types: media type and the file-name extensions that go with it. */
export const ATTACHMENT_TYPES = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
} as const;

/** An accepted media type. */
export type AttachmentMediaType = keyof typeof ATTACHMENT_TYPES;

/** Whether the bytes start with the given ones. */
function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Whether an ASCII string occurs in the bytes (ZIP entry names are stored in plain ASCII). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - text.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** The media type the content really has, or null when it is none of the accepted types. */
export function sniffAttachment(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && containsAscii(bytes, "word/document.xml")) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return null;
}

/** Checks a file (size, real type, name and declared type agree); returns its real media type. */
export function checkAttachment(
  fileName: string,
  declaredType: string,
  bytes: Uint8Array,
): AttachmentMediaType {
  if (bytes.length === 0) throw requestError("ATTACHMENT_EMPTY", `附件“${fileName}”是空文件`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw requestError("ATTACHMENT_TOO_LARGE", `附件“${fileName}”超过 10 MB`);
  }
  const real = sniffAttachment(bytes);
  const extension = fileName.includes(".") ? (fileName.split(".").pop() ?? "").toLowerCase() : "";
  const claimed = Object.entries(ATTACHMENT_TYPES).find(([, exts]) =>
    (exts as readonly string[]).includes(extension),
  );
  if (real === null) {
    const code = claimed ? "ATTACHMENT_DISGUISED" : "ATTACHMENT_TYPE_INVALID";
    throw requestError(
      code,
      `附件“${fileName}”不是有效的 PDF、JPEG、PNG 或 DOCX 文件${claimed ? "：其内容与文件名不符" : ""}`,
    );
  }
  const declared = declaredType.split(";")[0]?.trim().toLowerCase() ?? "";
  const nameFits = (ATTACHMENT_TYPES[real] as readonly string[]).includes(extension);
  const typeFits = declared === "" || declared === "application/octet-stream" || declared === real;
  if (!nameFits || !typeFits) {
    throw requestError("ATTACHMENT_DISGUISED", `附件“${fileName}”的内容与其文件名或声明的类型不符，已拒收`);
  }
  return real;
}
