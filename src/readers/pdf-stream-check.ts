/**
 * Before pdfjs sees a PDF: every zlib-compressed (FlateDecode) stream that text extraction may inflate —
 * content streams, object streams, fonts — is inflated here with a counter and discarded, and their total
 * must stay within the limit. Image streams are skipped: extracting the text layer never decodes them.
 */
import { type InflateLimits, inflateBounded, inflatedTooLarge } from "./inflate-limits.ts";

const STREAM = Buffer.from("stream", "latin1");
const END_STREAM = Buffer.from("endstream", "latin1");
const IMAGE_SUBTYPE = /\/Subtype\s*\/Image\b/;

/** True when two bytes open a zlib stream (deflate method, valid header check). */
function zlibHeader(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return (a & 0x0f) === 8 && a >> 4 <= 7 && ((a << 8) | b) % 31 === 0;
}

/** The dictionary text before a "stream" keyword (back to the object's start, at most 4 KB). */
function dictionaryBefore(bytes: Buffer, at: number): string {
  const head = bytes.toString("latin1", Math.max(0, at - 4096), at);
  const start = head.lastIndexOf(" obj");
  return start >= 0 ? head.slice(start) : head;
}

/** Each compressed stream's data that is not an image: [start, end) offsets into the bytes. */
export function flateStreams(bytes: Buffer): [number, number][] {
  const found: [number, number][] = [];
  let from = 0;
  for (;;) {
    const at = bytes.indexOf(STREAM, from);
    if (at < 0) break;
    from = at + STREAM.length;
    if (at >= 3 && bytes.toString("latin1", at - 3, at) === "end") continue;
    let start = from;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const end = bytes.indexOf(END_STREAM, start);
    const stop = end < 0 ? bytes.length : end;
    from = stop;
    if (!zlibHeader(bytes[start], bytes[start + 1])) continue;
    if (IMAGE_SUBTYPE.test(dictionaryBefore(bytes, at))) continue;
    found.push([start, stop]);
  }
  return found;
}

/**
 * Refuses (typed ReadError INFLATED_TOO_LARGE) a PDF whose compressed streams inflate past the limit;
 * damaged streams count what they inflated to and are otherwise left to pdfjs.
 */
export async function assertPdfWithinLimits(bytes: Uint8Array, limits: InflateLimits): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let total = 0;
  for (const [start, end] of flateStreams(buffer)) {
    const inflated = await inflateBounded(buffer.subarray(start, end), {
      format: "zlib",
      keep: false,
      budget: limits.maxInflatedBytes - total,
      onLimit: () => inflatedTooLarge(limits),
    });
    total += inflated.size;
  }
}
