/**
 * The one rule for a file name a client supplies (identity documents, office attachments, catalog
 * attachments) before it is stored or sent back in Content-Disposition: no directory part, no invisible
 * characters that make a name read differently from what it is (Unicode bidi controls such as U+202E turn
 * "身份证gpj.exe" into "身份证exe.jpg" on screen), no control characters, one Unicode form (NFC), a length cap
 * that keeps the extension, and a neutral name when nothing is left. Chinese and other letters are kept.
 */

/** Longest stored name, in Unicode code points. */
export const MAX_ATTACHMENT_NAME_LENGTH = 100;

/** The name given to a file whose name is empty once cleaned. */
export const FALLBACK_ATTACHMENT_NAME = "附件";

/**
 * Characters removed: C0 and C1 controls, DEL; bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
 * U+2066–U+2069, U+200E, U+200F, U+061C); zero-width and other invisible format characters (U+200B–U+200D,
 * U+2060–U+2065, U+FEFF, U+180E, U+00AD); line and paragraph separators; characters Windows refuses in names.
 */
const REMOVED =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"<>|?*:]/gu;

/** Unpaired UTF-16 surrogates (not a character at all). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A client-supplied file name made safe to store and show (see the file comment). */
export function normaliseAttachmentName(raw: string): string {
  const wellFormed = raw.replace(LONE_SURROGATE, "");
  // The last segment of a path ("C:\\fakepath\\x.pdf", "../../x.pdf"): separators never stay in a name.
  const base = wellFormed.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\t-\r]+/g, " ")
    .replace(REMOVED, "")
    .replace(/\s+/gu, " ")
    .trim();
  // Leading dots make hidden files and "..": a name that is only an extension gets the neutral stem.
  const rest = clean.replace(/^[.\s]+/u, "");
  const named = rest !== clean && rest !== "" ? `${FALLBACK_ATTACHMENT_NAME}.${rest}` : rest;
  const capped = capLength(named);
  return capped === "" ? FALLBACK_ATTACHMENT_NAME : capped;
}

/** The name cut to MAX_ATTACHMENT_NAME_LENGTH code points, keeping a short extension. */
function capLength(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_ATTACHMENT_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keep = extension.length > 1 && extension.length <= 10 ? extension : [];
  const stem = chars.slice(0, chars.length - keep.length);
  return [...stem.slice(0, MAX_ATTACHMENT_NAME_LENGTH - keep.length), ...keep].join("").trim();
}
