/**
 * Before pdfjs sees a PDF: every stream that text extraction may decode — content streams, object streams,
 * fonts — is decoded here through its expanding filters (FlateDecode with a counting inflater, and
 * ASCIIHex/ASCII85/RunLength/LZW with an output budget), and the total of every stage's output must stay
 * within the limit. Image streams are skipped: extracting the text layer never decodes them.
 */
import { type InflateLimits, inflateBounded, inflatedTooLarge } from "./inflate-limits.ts";
import { decodeStage, filterChain, type PdfFilter } from "./pdf-filters.ts";

const STREAM = Buffer.from("stream", "latin1");
const END_STREAM = Buffer.from("endstream", "latin1");
const IMAGE_SUBTYPE = /\/Subtype\s*\/Image\b/;
const LENGTH = /\/Length\s+(\d+)(?!\s+\d+\s+R)/;

/** True when two bytes open a zlib stream (deflate method, valid header check). */
function zlibHeader(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return (a & 0x0f) === 8 && a >> 4 <= 7 && ((a << 8) | b) % 31 === 0;
}

/** A stream to measure: where its data may be and the expanding filters to run on it. */
export interface PdfStream {
  readonly start: number;
  readonly end: number;
  readonly chain: readonly PdfFilter[];
}

/** The offset just past a literal string starting at `i` (nested parentheses, backslash escapes). */
function skipString(bytes: Buffer, i: number): number {
  let depth = 0;
  for (; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return bytes.length;
}

/** Where a stream's data starts, and its end by /Length and by the next "endstream" (pdfjs takes either). */
function streamData(
  bytes: Buffer,
  keyword: number,
  dictionary: string,
): { start: number; near: number; far: number } {
  let start = keyword + STREAM.length;
  if (bytes[start] === 0x0d) start++;
  if (bytes[start] === 0x0a) start++;
  const found = bytes.indexOf(END_STREAM, start);
  const byMarker = found < 0 ? bytes.length : found;
  const length = Number(LENGTH.exec(dictionary)?.[1] ?? Number.NaN);
  const byLength = Number.isFinite(length) ? Math.min(bytes.length, start + length) : byMarker;
  return { start, near: Math.min(byMarker, byLength), far: Math.max(byMarker, byLength) };
}

/**
 * Each non-image stream with expanding filters, found by a tokenizer that skips strings and comments and
 * reads only the top level of each stream's dictionary (strings and nested dictionaries blanked), so
 * that neither text inside strings nor a wrong /Length hides a stream or its filters. Data is measured up
 * to the farther of /Length and "endstream"; scanning resumes at the nearer.
 */
export function expandingStreams(bytes: Buffer): PdfStream[] {
  const found: PdfStream[] = [];
  let depth = 0;
  let text = "";
  let lastDictionary = "";
  let lastDictionaryEnd = -1;
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i];
    if (c === 0x25) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      i = skipString(bytes, i);
      if (depth === 1) text += "()";
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      depth++;
      if (depth === 1) text = "";
      i += 2;
    } else if (c === 0x3c) {
      const close = bytes.indexOf(0x3e, i);
      i = close < 0 ? bytes.length : close + 1;
      if (depth === 1) text += "<>";
    } else if (c === 0x3e && bytes[i + 1] === 0x3e) {
      if (depth === 1) {
        lastDictionary = text;
        lastDictionaryEnd = i + 2;
      }
      depth = Math.max(0, depth - 1);
      i += 2;
    } else if (depth === 1) {
      text += String.fromCharCode(c ?? 0x20);
      i++;
    } else if (depth === 0 && c === 0x73 && bytes.subarray(i, i + 6).equals(STREAM)) {
      const between = bytes.toString("latin1", lastDictionaryEnd, i);
      if (lastDictionaryEnd < 0 || between.trim() !== "") {
        i += STREAM.length;
        continue;
      }
      const data = streamData(bytes, i, lastDictionary);
      let chain = IMAGE_SUBTYPE.test(lastDictionary) ? [] : filterChain(lastDictionary);
      const unread = !/\/Filter\b/.test(lastDictionary) || /\/Filter\s+\d+\s+\d+\s+R/.test(lastDictionary);
      if (chain.length === 0 && unread && zlibHeader(bytes[data.start], bytes[data.start + 1]))
        chain = ["flate"];
      if (chain.length > 0) found.push({ start: data.start, end: data.far, chain });
      lastDictionaryEnd = -1;
      i = Math.max(data.near, data.start);
    } else i++;
  }
  return found;
}

/**
 * Refuses (typed ReadError INFLATED_TOO_LARGE) a PDF whose streams decode past the limit, every stage of a
 * filter chain counted; damaged data counts what it decoded to and is otherwise left to pdfjs.
 */
export async function assertPdfWithinLimits(bytes: Uint8Array, limits: InflateLimits): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const onLimit = () => inflatedTooLarge(limits);
  let total = 0;
  for (const stream of expandingStreams(buffer)) {
    let data: Uint8Array = buffer.subarray(stream.start, stream.end);
    for (const [i, filter] of stream.chain.entries()) {
      const budget = limits.maxInflatedBytes - total;
      const last = i === stream.chain.length - 1;
      if (filter === "flate") {
        const inflated = await inflateBounded(data, { format: "zlib", keep: !last, budget, onLimit });
        total += inflated.size;
        data = inflated.bytes ?? new Uint8Array(0);
      } else {
        data = decodeStage(filter, data, budget, onLimit);
        total += data.length;
      }
    }
  }
}
