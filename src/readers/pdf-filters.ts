/**
 * The PDF stream filters besides FlateDecode that expand their input — ASCIIHexDecode, ASCII85Decode,
 * RunLengthDecode and LZWDecode — decoded with an output budget, so that a bomb hidden behind them (or in
 * front of a FlateDecode stage) is measured before pdfjs decodes it into memory outside the V8 heap.
 */
import type { ReadError } from "./read-error.ts";

/** A filter of a stream's chain that the pre-scan decodes. */
export type PdfFilter = "flate" | "hex" | "a85" | "rl" | "lzw";

const NAMES: Readonly<Record<string, PdfFilter>> = {
  FlateDecode: "flate",
  Fl: "flate",
  ASCIIHexDecode: "hex",
  AHx: "hex",
  ASCII85Decode: "a85",
  A85: "a85",
  RunLengthDecode: "rl",
  RL: "rl",
  LZWDecode: "lzw",
  LZW: "lzw",
};

/**
 * The leading filters of a stream dictionary's /Filter (a name or an array) that expand data, in order,
 * up to the first other filter (an image codec, which reading the text layer never runs).
 */
export function filterChain(dictionary: string): PdfFilter[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
  if (!match?.[1]) return [];
  const chain: PdfFilter[] = [];
  for (const name of match[1].match(/\/[A-Za-z0-9]+/g) ?? []) {
    const filter = NAMES[name.slice(1)];
    if (!filter) break;
    chain.push(filter);
  }
  return chain;
}

/** Decoded bytes that refuse to grow past a budget. */
class BoundedOutput {
  private bytes: Uint8Array;
  length = 0;

  constructor(
    private readonly budget: number,
    private readonly onLimit: () => ReadError,
  ) {
    this.bytes = new Uint8Array(Math.min(64 * 1024, Math.max(budget, 1)));
  }

  /** Room for n more bytes, or the refusal. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need > this.budget) throw this.onLimit();
    if (need <= this.bytes.length) return;
    const grown = new Uint8Array(Math.min(this.budget, Math.max(need, this.bytes.length * 2)));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends one byte. */
  push(byte: number): void {
    this.reserve(1);
    this.bytes[this.length++] = byte;
  }

  /** Copies `n` bytes from `at` of the output itself to its end (LZW table strings). */
  copyWithin(at: number, n: number): void {
    this.reserve(n);
    this.bytes.copyWithin(this.length, at, at + n);
    this.length += n;
  }

  /** The bytes decoded so far. */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** ASCIIHexDecode: pairs of hex digits, whitespace ignored, `>` ends. */
function hexDecode(input: Uint8Array, out: BoundedOutput): void {
  let high = -1;
  for (const c of input) {
    if (c === 0x3e) break;
    const v =
      c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 87 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
}

/** ASCII85Decode: groups of five characters to four bytes, `z` for four zeros, `~>` ends. */
function a85Decode(input: Uint8Array, out: BoundedOutput): void {
  const group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(0x75);
    let value = 0;
    for (const c of group) value = value * 85 + (c - 0x21);
    for (let i = 0; i < n - 1; i++) out.push((value >>> (24 - 8 * i)) & 0xff);
    group.length = 0;
  };
  for (const c of input) {
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) {
      for (let i = 0; i < 4; i++) out.push(0);
    } else if (c >= 0x21 && c <= 0x75) {
      group.push(c);
      if (group.length === 5) flush(5);
    }
  }
  if (group.length > 1) flush(group.length);
}

/** RunLengthDecode: a length byte, then literal bytes (0–127) or one byte repeated (129–255); 128 ends. */
function runLengthDecode(input: Uint8Array, out: BoundedOutput): void {
  for (let i = 0; i < input.length; ) {
    const n = input[i++] ?? 128;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < input.length; k++) out.push(input[i++] ?? 0);
    } else {
      const byte = input[i++] ?? 0;
      for (let k = 0; k < 257 - n; k++) out.push(byte);
    }
  }
}

/** LZWDecode: 9–12-bit codes, widening one code early when `early` is 1; 256 clears the table, 257 ends. */
function lzwDecode(input: Uint8Array, out: BoundedOutput, early: 0 | 1): void {
  const start = new Int32Array(4096);
  const length = new Int32Array(4096);
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (;;) {
    while (bits < width && at < input.length) {
      buffer = ((buffer << 8) | (input[at++] ?? 0)) & 0xffffff;
      bits += 8;
    }
    if (bits < width) return;
    const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 257) return;
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    const outAt = out.length;
    const emit = (c: number) => (c < 256 ? out.push(c) : out.copyWithin(start[c] ?? 0, length[c] ?? 0));
    if (code < next) emit(code);
    else if (prev >= 0) {
      // Like pdfjs, any code past the table repeats the previous string plus its first byte.
      emit(prev);
      out.copyWithin(outAt, 1);
    } else continue;
    if (prev >= 0 && next < 4096) {
      // The new entry is the previous string plus the first byte of this one: it ends where this begins + 1.
      start[next] = outAt - (prev < 256 ? 1 : (length[prev] ?? 0));
      length[next] = (prev < 256 ? 1 : (length[prev] ?? 0)) + 1;
      next++;
    }
    prev = code;
    if (next + early >= 1 << width && width < 12) width++;
  }
}

/** Decodes one non-Flate stage within `budget` bytes of output; throws `onLimit()` past it. */
export function decodeStage(
  filter: Exclude<PdfFilter, "flate">,
  input: Uint8Array,
  budget: number,
  onLimit: () => ReadError,
): Uint8Array {
  const out = new BoundedOutput(budget, onLimit);
  if (filter === "hex") hexDecode(input, out);
  else if (filter === "a85") a85Decode(input, out);
  else if (filter === "rl") runLengthDecode(input, out);
  else {
    // /EarlyChange sits in /DecodeParms, which may lie: decode both ways and count the larger.
    lzwDecode(input, out, 1);
    const other = new BoundedOutput(budget, onLimit);
    lzwDecode(input, other, 0);
    return other.length > out.length ? other.result() : out.result();
  }
  return out.result();
}
