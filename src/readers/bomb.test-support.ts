/**
 * Builds decompression bombs for the tests and the hostile-input benchmark: DOCX, XLSX and PDF files whose
 * main part inflates to hundreds of megabytes. The content is deflated as it is generated, one block at a
 * time, so building a 500 MB bomb costs a few megabytes of memory.
 */
import { crc32, createDeflate, createDeflateRaw } from "node:zlib";

const MB = 1024 * 1024;

/** An entry's content: small bytes, or a prefix, a block repeated to a size, and a suffix. */
export type BombContent =
  | Uint8Array
  | { readonly prefix: string; readonly block: string; readonly inflatedMb: number; readonly suffix: string };

/** One ZIP entry to write; `declaredSize` lies about the inflated size when given. */
export interface BombEntry {
  readonly name: string;
  readonly content: BombContent;
  readonly declaredSize?: number;
}

/** Deflates generated content block by block: the compressed bytes, the CRC and the real size. */
async function deflateContent(
  content: BombContent,
  format: "raw" | "zlib",
): Promise<{ data: Buffer; crc: number; size: number }> {
  const stream = format === "raw" ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!stream.write(bytes)) await new Promise((resolve) => stream.once("drain", resolve));
  };
  if (content instanceof Uint8Array) await write(Buffer.from(content));
  else {
    await write(Buffer.from(content.prefix));
    const one = Buffer.from(content.block);
    const block = Buffer.alloc(Math.max(one.length, Math.floor(MB / one.length) * one.length));
    for (let at = 0; at < block.length; at += one.length) one.copy(block, at);
    const target = content.inflatedMb * MB;
    while (size < target) await write(block);
    await write(Buffer.from(content.suffix));
  }
  stream.end();
  await ended;
  return { data: Buffer.concat(chunks), crc, size };
}

/** A ZIP file (deflated entries) with the given entries; declared sizes may lie. */
export async function buildZip(entries: readonly BombEntry[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflateContent(entry.content, "raw");
    const name = Buffer.from(entry.name, "utf8");
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const text = (s: string) => new TextEncoder().encode(s);
const CONTENT_TYPES = text('<?xml version="1.0" encoding="UTF-8"?><Types/>');

/** A DOCX whose word/document.xml inflates to `inflatedMb` MB (its declared size lies when `lie`). */
export function docxBomb(inflatedMb: number, lie = false): Promise<Uint8Array> {
  return buildZip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    {
      name: "word/document.xml",
      content: {
        prefix: '<?xml version="1.0"?><w:document><w:body>',
        block: "<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>",
        inflatedMb,
        suffix: "</w:body></w:document>",
      },
      ...(lie ? { declaredSize: 4096 } : {}),
    },
  ]);
}

/** An XLSX whose first worksheet inflates to `inflatedMb` MB (its declared size lies when `lie`). */
export function xlsxBomb(inflatedMb: number, lie = false): Promise<Uint8Array> {
  return buildZip([
    { name: "[Content_Types].xml", content: CONTENT_TYPES },
    {
      name: "xl/workbook.xml",
      content: text('<workbook><sheets><sheet name="表" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      content: {
        prefix: "<worksheet><sheetData>",
        block: '<row><c t="inlineStr"><is><t>0</t></is></c></row>',
        inflatedMb,
        suffix: "</sheetData></worksheet>",
      },
      ...(lie ? { declaredSize: 4096 } : {}),
    },
  ]);
}

/** A ZIP with `count` tiny entries (one DOCX body among them). */
export function manyEntriesZip(count: number): Promise<Uint8Array> {
  const entries: BombEntry[] = [{ name: "word/document.xml", content: text("<w:document/>") }];
  for (let i = 1; i < count; i++) entries.push({ name: `word/media/p${i}.xml`, content: text("x") });
  return buildZip(entries);
}

/** Packs codes MSB first at the widths PDF's LZWDecode reads them (EarlyChange 1). */
function packLzw(codes: readonly number[]): Buffer {
  const out: number[] = [];
  let width = 9;
  let next = 258;
  let prev = -1;
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer = (buffer << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
    if (code === 256) {
      width = 9;
      next = 258;
      prev = -1;
      continue;
    }
    if (prev >= 0 && next < 4096) next++;
    prev = code;
    if (next + 1 >= 1 << width && width < 12) width++;
  }
  if (bits > 0) out.push((buffer << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/** LZWDecode data (EarlyChange 1) of any bytes, with a string table; for small inputs. */
export function lzwEncode(input: Uint8Array): Buffer {
  const table = new Map<string, number>();
  for (let i = 0; i < 256; i++) table.set(String.fromCharCode(i), i);
  let next = 258;
  const codes: number[] = [256];
  let word = "";
  for (const byte of input) {
    const grown = word + String.fromCharCode(byte);
    if (table.has(grown)) word = grown;
    else {
      codes.push(table.get(word) ?? 0);
      if (next < 4096) table.set(grown, next++);
      word = String.fromCharCode(byte);
    }
  }
  if (word) codes.push(table.get(word) ?? 0);
  codes.push(257);
  return packLzw(codes);
}

/** LZWDecode data of `mb` MB of spaces, by its codes: each new code one space longer, then the longest. */
function lzwSpaces(mb: number): Buffer {
  const codes = [256, 0x20];
  let size = 1;
  for (let code = 258; code < 4096 && size < mb * MB; code++) {
    codes.push(code);
    size += code - 256;
  }
  while (size < mb * MB) {
    codes.push(4095);
    size += 4095 - 256;
  }
  codes.push(257);
  return packLzw(codes);
}

/** ASCII85 of bytes, ended by "~>". */
function ascii85(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (k < n ? (bytes[i + k] ?? 0) : 0);
    const chars: string[] = [];
    for (let k = 0; k < 5; k++) {
      chars.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += chars.slice(0, n + 1).join("");
  }
  return `${out}~>`;
}

/** How the bomb's page content is encoded: FlateDecode, or another expanding filter (in front of it). */
export type PdfBombFilter = "flate" | "hex" | "a85" | "rl" | "lzw";

/** A one-page PDF whose page content is a content stream of `data` under the given /Filter entry. */
export function pdfWithContent(data: Buffer, filter: string, extra = ""): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (chunk: Buffer | string) => {
    const b = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    parts.push(b);
    length += b.length;
  };
  const object = (body: string | Buffer[]) => {
    offsets.push(length);
    if (typeof body === "string") add(`${offsets.length} 0 obj\n${body}\nendobj\n`);
    else for (const b of body) add(b);
  };
  add("%PDF-1.7\n");
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " +
      "/Resources << /Font << /F1 5 0 R >> >> >>",
  );
  object([
    Buffer.from(`4 0 obj\n<< /Length ${data.length} ${filter}${extra} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  ]);
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const xref = length;
  add(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`);
  for (const at of offsets) add(`${String(at).padStart(10, "0")} 00000 n \n`);
  add(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/** A one-page PDF whose page content decodes to `inflatedMb` MB through the given filter. */
export async function pdfBomb(inflatedMb: number, filter: PdfBombFilter = "flate"): Promise<Uint8Array> {
  if (filter === "rl") {
    // Each pair (129, space) is 128 spaces.
    const pairs = Buffer.alloc(Math.ceil((inflatedMb * MB) / 128) * 2, Buffer.from([129, 0x20]));
    return pdfWithContent(Buffer.concat([pairs, Buffer.from([128])]), "/Filter /RunLengthDecode");
  }
  if (filter === "lzw") return pdfWithContent(lzwSpaces(inflatedMb), "/Filter /LZWDecode");
  const { data } = await deflateContent(
    { prefix: "BT /F1 12 Tf 72 720 Td ", block: "(0) Tj ", inflatedMb, suffix: "ET" },
    "zlib",
  );
  if (filter === "hex") {
    return pdfWithContent(Buffer.from(`${data.toString("hex")}>`, "latin1"), "/Filter [/AHx /Fl]");
  }
  if (filter === "a85") return pdfWithContent(Buffer.from(ascii85(data), "latin1"), "/Filter [/A85 /Fl]");
  return pdfWithContent(data, "/Filter /FlateDecode");
}
