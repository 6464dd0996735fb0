/**
 * The limits on what compressed input (the parts of a DOCX/XLSX, the streams of a PDF) may inflate to, and
 * the counting inflater that enforces them while streaming: it stops as soon as the budget is passed, so
 * memory never grows past the limit whatever sizes the file declares.
 */
import { constants, createInflate, createInflateRaw } from "node:zlib";
import { ReadError } from "./read-error.ts";

const MB = 1024 * 1024;

/** How much one compressed input may inflate to, in total, and how many ZIP entries it may hold. */
export interface InflateLimits {
  readonly maxInflatedBytes: number;
  readonly maxEntries: number;
}

/** Limits for a document to read or audit: 64 MB inflated in total, 2,000 ZIP entries. */
export const DOCUMENT_INFLATE_LIMITS: InflateLimits = { maxInflatedBytes: 64 * MB, maxEntries: 2000 };

/** Limits for a spreadsheet imported on the main thread (ledger, registers, posts): 32 MB, 2,000 entries. */
export const IMPORT_INFLATE_LIMITS: InflateLimits = { maxInflatedBytes: 32 * MB, maxEntries: 2000 };

/** The refusal of input that inflates past the limit. */
export function inflatedTooLarge(limits: InflateLimits): ReadError {
  return new ReadError(
    "INFLATED_TOO_LARGE",
    `文件解压后的内容超过 ${limits.maxInflatedBytes / MB} MB 上限（疑似“压缩炸弹”），已拒绝处理`,
  );
}

/** The refusal of a ZIP container with too many entries. */
export function tooManyEntries(limits: InflateLimits): ReadError {
  return new ReadError(
    "TOO_MANY_ENTRIES",
    `压缩包内的文件数超过 ${limits.maxEntries} 个上限（疑似“压缩炸弹”），已拒绝处理`,
  );
}

/** What an inflation produced: the byte count, the bytes when kept, and whether the data was damaged. */
export interface Inflated {
  readonly size: number;
  readonly bytes: Buffer | undefined;
  readonly damaged: boolean;
}

/** How to inflate: raw deflate (ZIP) or zlib-wrapped (PDF FlateDecode); keep the bytes or only count them. */
export interface InflateOptions {
  readonly format: "raw" | "zlib";
  readonly keep: boolean;
  /** The bytes left in the budget; passing it rejects with `onLimit()`. */
  readonly budget: number;
  readonly onLimit: () => ReadError;
}

/**
 * Inflates `data` on the zlib thread pool, counting the output as it arrives and destroying the stream once
 * the count passes the budget. Damaged data resolves with `damaged: true` and what was inflated so far.
 */
export function inflateBounded(data: Uint8Array, options: InflateOptions): Promise<Inflated> {
  return new Promise((resolve, reject) => {
    const stream =
      options.format === "raw" ? createInflateRaw() : createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (damaged: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ size, bytes: options.keep ? Buffer.concat(chunks, size) : undefined, damaged });
    };
    stream.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > options.budget) {
        settled = true;
        chunks.length = 0;
        stream.destroy();
        reject(options.onLimit());
        return;
      }
      if (options.keep) chunks.push(chunk);
    });
    stream.on("end", () => finish(false));
    stream.on("error", () => finish(true));
    stream.end(data);
  });
}

/** True for the refusal of input past an inflate limit (which callers pass on rather than rewording). */
export function isInflateLimitError(error: unknown): error is ReadError {
  return (
    error instanceof ReadError && (error.code === "INFLATED_TOO_LARGE" || error.code === "TOO_MANY_ENTRIES")
  );
}
