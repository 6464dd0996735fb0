/**
 * A ZIP reader that cannot be bombed: it walks the central directory (refusing more entries than the
 * limit), refuses declared sizes past the limit at once, and then inflates entries with a counter that
 * aborts past the limit, so sizes that lie are caught while streaming, before memory grows.
 */
import { type InflateLimits, inflateBounded, inflatedTooLarge, tooManyEntries } from "./inflate-limits.ts";
import { ReadError } from "./read-error.ts";

/** One entry of a ZIP's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The refusal of a damaged container. */
function corrupt(detail: string): ReadError {
  return new ReadError("CORRUPT_FILE", `压缩文件已损坏，无法读取（${detail}）`);
}

/** A little-endian reader over the bytes that refuses reads past the end. */
function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (offset: number, n: number): number => {
    if (offset < 0 || offset + n > bytes.length) throw corrupt("目录越界");
    return offset;
  };
  return {
    u16: (offset: number) => view.getUint16(at(offset, 2), true),
    u32: (offset: number) => view.getUint32(at(offset, 4), true),
    u64: (offset: number) => Number(view.getBigUint64(at(offset, 8), true)),
  };
}

/** Where the central directory is and how many entries it claims (ZIP64 records followed). */
function findDirectory(bytes: Uint8Array): { offset: number; size: number; count: number } {
  const r = reader(bytes);
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes[at] === 0x50 && r.u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt("找不到压缩目录");
  let count = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20) {
    if (r.u32(eocd - 20) === ZIP64_LOCATOR) {
      const record = r.u64(eocd - 12);
      if (r.u32(record) !== ZIP64_EOCD) throw corrupt("ZIP64 目录无效");
      count = r.u64(record + 32);
      size = r.u64(record + 40);
      offset = r.u64(record + 48);
    }
  }
  if (offset + size > bytes.length) throw corrupt("目录越界");
  return { offset, size, count };
}

/** The ZIP64 extra field's real sizes and offset, for the fields the central record left at 0xFFFFFFFF. */
function zip64Fields(bytes: Uint8Array, extraStart: number, extraEnd: number, entry: ZipEntry): ZipEntry {
  const r = reader(bytes);
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = r.u16(at);
    const length = r.u16(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const v = r.u64(p);
        p += 8;
        return v;
      };
      const declaredSize = entry.declaredSize === 0xffffffff ? next() : entry.declaredSize;
      const compressedSize = entry.compressedSize === 0xffffffff ? next() : entry.compressedSize;
      const localOffset = entry.localOffset === 0xffffffff ? next() : entry.localOffset;
      return { ...entry, declaredSize, compressedSize, localOffset };
    }
    at += 4 + length;
  }
  return entry;
}

/**
 * The entries of a ZIP's central directory. Refuses (typed ReadError) more entries than the limit and
 * declared sizes whose sum passes the limit, before anything is inflated.
 */
export function listZipEntries(bytes: Uint8Array, limits: InflateLimits): ZipEntry[] {
  const r = reader(bytes);
  const dir = findDirectory(bytes);
  if (dir.count > limits.maxEntries) throw tooManyEntries(limits);
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let at = dir.offset; at < dir.offset + dir.size; ) {
    if (r.u32(at) !== CENTRAL) throw corrupt("目录记录无效");
    if (entries.length >= limits.maxEntries) throw tooManyEntries(limits);
    const flags = r.u16(at + 8);
    if (flags & 0x1) throw new ReadError("CORRUPT_FILE", "文件已加密，无法读取，请提供未加密的版本");
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = Buffer.from(nameBytes).toString(flags & 0x800 ? "utf8" : "latin1");
    const plain: ZipEntry = {
      name,
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      declaredSize: r.u32(at + 24),
      localOffset: r.u32(at + 42),
    };
    const extraStart = at + 46 + nameLength;
    const entry = zip64Fields(bytes, extraStart, extraStart + extraLength, plain);
    declared += entry.declaredSize;
    if (declared > limits.maxInflatedBytes) throw inflatedTooLarge(limits);
    entries.push(entry);
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const r = reader(bytes);
  const at = entry.localOffset;
  if (r.u32(at) !== LOCAL) throw corrupt(`${entry.name} 的文件头无效`);
  const start = at + 30 + r.u16(at + 26) + r.u16(at + 28);
  if (start + entry.compressedSize > bytes.length) throw corrupt(`${entry.name} 越界`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Options of unzipBounded: which entries to inflate (default all) and whether to keep their bytes. */
export interface UnzipOptions {
  readonly only?: readonly string[];
  readonly keep?: boolean;
}

/**
 * Inflates the chosen entries of a ZIP within the limits (their inflated total counted as it streams) and
 * answers their bytes by name (empty buffers when `keep` is false: a check only). Throws ReadError.
 */
export async function unzipBounded(
  bytes: Uint8Array,
  limits: InflateLimits,
  options: UnzipOptions = {},
): Promise<Map<string, Buffer>> {
  const entries = listZipEntries(bytes, limits);
  const keep = options.keep ?? true;
  const wanted = options.only ? new Set(options.only) : undefined;
  const out = new Map<string, Buffer>();
  let total = 0;
  for (const entry of entries) {
    if (wanted && !wanted.has(entry.name)) continue;
    if (entry.name.endsWith("/") && entry.compressedSize === 0) continue;
    const data = entryData(bytes, entry);
    const budget = limits.maxInflatedBytes - total;
    if (entry.method === 0) {
      if (data.length > budget) throw inflatedTooLarge(limits);
      total += data.length;
      out.set(entry.name, keep ? Buffer.from(data) : Buffer.alloc(0));
      continue;
    }
    if (entry.method !== 8) throw corrupt(`${entry.name} 使用了不支持的压缩方式`);
    const inflated = await inflateBounded(data, {
      format: "raw",
      keep,
      budget,
      onLimit: () => inflatedTooLarge(limits),
    });
    if (inflated.damaged) throw corrupt(`${entry.name} 的压缩数据无效`);
    total += inflated.size;
    out.set(entry.name, inflated.bytes ?? Buffer.alloc(0));
  }
  return out;
}

/**
 * Checks, without keeping anything, that a ZIP (an XLSX handed to exceljs next) stays within the limits
 * once every entry is inflated. Throws the typed ReadError when it does not.
 */
export async function assertZipWithinLimits(bytes: Uint8Array, limits: InflateLimits): Promise<void> {
  await unzipBounded(bytes, limits, { keep: false });
}
