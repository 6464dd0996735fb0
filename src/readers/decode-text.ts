/**
 * Bytes → string for text and HTML files: byte order marks, the HTML <meta charset>, strict UTF-8
 * validation, then GB18030 (a superset of GBK and GB2312) for the Chinese pages that are not UTF-8.
 */
import iconv from "iconv-lite";

/** The decoded text, the encoding used and how many characters could not be decoded. */
export interface DecodedText {
  readonly text: string;
  /** The encoding used: "utf-8", "utf-16le", "utf-16be", "gb18030" or a declared charset. */
  readonly encoding: string;
  /** How the encoding was chosen. */
  readonly source: "bom" | "declared" | "detected";
  /** Number of U+FFFD replacement characters the decoding introduced (0 when nothing was lost). */
  readonly replaced: number;
  /** True when some bytes could not be decoded and were replaced (the caller should report it). */
  readonly lossy: boolean;
}

const CHARSET_META = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i;
const GB_FAMILY = new Set([
  "gb2312",
  "gbk",
  "gb18030",
  "x-gbk",
  "cp936",
  "windows-936",
  "euc-cn",
  "hz-gb-2312",
]);
const UTF8_NAMES = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);
/** Western single-byte labels: on a Chinese page they are a template default, not the real encoding. */
const WESTERN = new Set(["iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii"]);

/** Counts U+FFFD characters in a string. */
function countReplacements(text: string): number {
  let n = 0;
  let i = text.indexOf("\uFFFD");
  while (i !== -1) {
    n++;
    i = text.indexOf("\uFFFD", i + 1);
  }
  return n;
}

/** Scans bytes as UTF-8: how many multi-byte sequences are valid and how many bytes are invalid. */
export function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      min = 0x10000;
    }
    if (len === 0 || i + len > n) {
      invalid++;
      i++;
      continue;
    }
    let cp = b & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** The charset an HTML or XML head declares (first 4 KB, read as ASCII), lower-cased, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("latin1");
  const m = CHARSET_META.exec(head) ?? XML_ENCODING.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Normalises a declared charset to the decoder to use, or undefined when it is unknown. */
function decoderFor(charset: string): string | undefined {
  if (WESTERN.has(charset)) return undefined;
  if (UTF8_NAMES.has(charset)) return "utf-8";
  if (GB_FAMILY.has(charset)) return "gb18030";
  return iconv.encodingExists(charset) ? charset : undefined;
}

/** UTF-16 without a byte order mark: most ASCII characters leave a zero byte on one side. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Decodes with one encoding and counts the replacement characters the decoding added. */
function decodeWith(
  bytes: Uint8Array,
  encoding: string,
  source: DecodedText["source"],
  skip = 0,
): DecodedText {
  const body = skip > 0 ? bytes.subarray(skip) : bytes;
  let text: string;
  if (encoding === "utf-8") text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);
  else
    text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.length), encoding, {
      stripBOM: false,
    });
  const replaced = countReplacements(text);
  return { text, encoding, source, replaced, lossy: replaced > 0 };
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The text when the bytes are strict UTF-8 (plain ASCII included), else null — one native pass. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes text or HTML bytes. Order: BOM; for HTML a declared charset (unless the bytes are strict
 * UTF-8, which a mislabelled saved page often is); strict UTF-8; mostly-UTF-8 with some foreign bytes
 * (decoded as UTF-8, `lossy` set); else GB18030.
 */
export function decodeText(bytes: Uint8Array, options: { html?: boolean } = {}): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decodeWith(bytes, "utf-8", "bom", 3);
  if (b0 === 0xff && b1 === 0xfe) return decodeWith(bytes, "utf-16le", "bom", 2);
  if (b0 === 0xfe && b1 === 0xff) return decodeWith(bytes, "utf-16be", "bom", 2);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeWith(bytes, utf16, "detected");
  const strictText = strictUtf8(bytes);
  const strict = strictText !== null;
  if (options.html) {
    const declared = declaredCharset(bytes);
    const decoder = declared ? decoderFor(declared) : undefined;
    if (decoder && decoder !== "utf-8" && !(strict && scanUtf8(bytes).valid > 0)) {
      return decodeWith(bytes, decoder, "declared");
    }
    if (decoder === "utf-8" && !strict) {
      const { valid, invalid } = scanUtf8(bytes);
      if (valid >= invalid * 4) return decodeWith(bytes, "utf-8", "declared");
      return decodeWith(bytes, "gb18030", "detected");
    }
  }
  if (strictText !== null)
    return {
      text: strictText,
      encoding: "utf-8",
      source: "detected",
      replaced: 0,
      lossy: false,
    };
  const { valid, invalid } = scanUtf8(bytes);
  if (valid >= invalid * 4) return decodeWith(bytes, "utf-8", "detected");
  return decodeWith(bytes, "gb18030", "detected");
}
