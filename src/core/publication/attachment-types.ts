/**
 * The attachment types the catalog accepts: the file's extension names the type, and its first bytes
 * (magic numbers) must agree, so a renamed executable or script never passes as a document.
 */

/** An accepted type: extension, media type, and the byte signatures its content may start with. */
interface AttachmentType {
  readonly extension: string;
  readonly mediaType: string;
  readonly signatures: readonly (readonly number[])[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The accepted types. */
const TYPES: readonly AttachmentType[] = [
  { extension: "pdf", mediaType: "application/pdf", signatures: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  { extension: "ofd", mediaType: "application/ofd", signatures: [ZIP] },
  { extension: "doc", mediaType: "application/msword", signatures: [OLE] },
  {
    extension: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    signatures: [ZIP],
  },
  { extension: "xls", mediaType: "application/vnd.ms-excel", signatures: [OLE] },
  {
    extension: "xlsx",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    signatures: [ZIP],
  },
  { extension: "wps", mediaType: "application/vnd.ms-works", signatures: [OLE] },
  { extension: "et", mediaType: "application/vnd.ms-excel", signatures: [OLE] },
  { extension: "jpg", mediaType: "image/jpeg", signatures: [[0xff, 0xd8, 0xff]] },
  { extension: "jpeg", mediaType: "image/jpeg", signatures: [[0xff, 0xd8, 0xff]] },
  {
    extension: "png",
    mediaType: "image/png",
    signatures: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  },
  { extension: "zip", mediaType: "application/zip", signatures: [ZIP] },
];

/** The extension of a file name, lower-cased ("" without one). */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** Whether `bytes` starts with `signature`. */
function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** The media type of an attachment whose extension is accepted and whose content matches it, else undefined. */
export function attachmentMediaType(fileName: string, bytes: Uint8Array): string | undefined {
  const type = TYPES.find((t) => t.extension === extensionOf(fileName));
  if (!type) return undefined;
  return type.signatures.some((s) => startsWith(bytes, s)) ? type.mediaType : undefined;
}

/** A file name safe to store and to send in Content-Disposition: no path, no control characters, ≤ 200. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return clean.slice(-200);
}
