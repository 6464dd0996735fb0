import { describe, expect, it } from "vitest";
import {
  buildZip,
  docxBomb,
  lzwEncode,
  manyEntriesZip,
  pdfBomb,
  pdfWithContent,
  xlsxBomb,
} from "./bomb.test-support.ts";
import { assertZipWithinLimits, listZipEntries, unzipBounded } from "./bounded-unzip.ts";
import { readDocx } from "./docx-reader.ts";
import { DOCUMENT_INFLATE_LIMITS } from "./inflate-limits.ts";
import { decodeStage } from "./pdf-filters.ts";
import { readPdf } from "./pdf-reader.ts";
import { assertPdfWithinLimits } from "./pdf-stream-check.ts";
import { ReadError } from "./read-error.ts";
import { readSource } from "./read-source.ts";
import { readXlsx } from "./xlsx-reader.ts";

const text = (s: string) => new TextEncoder().encode(s);

/** The ReadError a promise rejects with (fails the test when it resolves or throws anything else). */
async function refusal(promise: Promise<unknown>): Promise<ReadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

describe("bounded unzip", () => {
  it("inflates the entries of a well-formed ZIP and lists its directory", async () => {
    const zip = await buildZip([
      { name: "a.xml", content: text("<a>政府信息公开</a>") },
      { name: "b.xml", content: { prefix: "<b>", block: "x", inflatedMb: 1, suffix: "</b>" } },
    ]);
    expect(listZipEntries(zip, DOCUMENT_INFLATE_LIMITS).map((e) => e.name)).toEqual(["a.xml", "b.xml"]);
    const parts = await unzipBounded(zip, DOCUMENT_INFLATE_LIMITS);
    expect(parts.get("a.xml")?.toString("utf8")).toBe("<a>政府信息公开</a>");
    expect(parts.get("b.xml")?.length).toBe(1024 * 1024 + 7);
  });

  it("counts the real inflated bytes while streaming, whatever size the directory declares", async () => {
    const zip = await buildZip([
      { name: "big.xml", content: { prefix: "", block: "ab", inflatedMb: 2, suffix: "" }, declaredSize: 10 },
    ]);
    const limits = { maxInflatedBytes: 1024 * 1024, maxEntries: 10 };
    expect(listZipEntries(zip, limits)[0]?.declaredSize).toBe(10);
    const error = await refusal(unzipBounded(zip, limits));
    expect(error.code).toBe("INFLATED_TOO_LARGE");
    expect(error.message).toContain("1 MB");
    await expect(assertZipWithinLimits(zip, { ...limits, maxInflatedBytes: 3 * 1024 * 1024 })).resolves.toBe(
      undefined,
    );
  });

  it("refuses a DOCX whose body declares 100 MB before inflating anything (INFLATED_TOO_LARGE)", async () => {
    const error = await refusal(readSource(await docxBomb(100), "bomb.docx"));
    expect(error.code).toBe("INFLATED_TOO_LARGE");
    expect(error.message).toBe("文件解压后的内容超过 64 MB 上限（疑似“压缩炸弹”），已拒绝处理");
  });

  it("refuses a DOCX whose body inflates to 500 MB under a lying size, without the memory growing", async () => {
    const bomb = await docxBomb(500, true);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage();
    const error = await refusal(readDocx(bomb));
    const after = process.memoryUsage();
    expect(error.code).toBe("INFLATED_TOO_LARGE");
    // Reading the whole body would hold 500 MB (and twice that as a string); the counter stops at 64 MB.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(150 * 1024 * 1024);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(150 * 1024 * 1024);
  });

  it("refuses an XLSX whose sheet inflates past the limit before exceljs sees it", async () => {
    const error = await refusal(readXlsx(await xlsxBomb(100, true)));
    expect(error.code).toBe("INFLATED_TOO_LARGE");
    const sniffed = await refusal(readSource(await xlsxBomb(100), "bomb.xlsx"));
    expect(sniffed.code).toBe("INFLATED_TOO_LARGE");
  });

  it("refuses a ZIP with more than 2,000 entries (TOO_MANY_ENTRIES), and reads one with 2,000", async () => {
    const error = await refusal(readSource(await manyEntriesZip(2001), "many.docx"));
    expect(error.code).toBe("TOO_MANY_ENTRIES");
    expect(error.message).toBe("压缩包内的文件数超过 2000 个上限（疑似“压缩炸弹”），已拒绝处理");
    expect(listZipEntries(await manyEntriesZip(2000), DOCUMENT_INFLATE_LIMITS)).toHaveLength(2000);
  });

  it("refuses a truncated ZIP as CORRUPT_FILE", async () => {
    const zip = await docxBomb(1);
    const error = await refusal(readDocx(zip.subarray(0, zip.length - 30)));
    expect(error.code).toBe("CORRUPT_FILE");
  });
});

describe("bounded PDF streams", () => {
  it("refuses a PDF whose FlateDecode page content inflates to 100 MB", async () => {
    const error = await refusal(readPdf(await pdfBomb(100)));
    expect(error.code).toBe("INFLATED_TOO_LARGE");
    expect(error.message).toContain("64 MB");
  });

  it("lets a PDF whose streams stay within the limit through to pdfjs", async () => {
    await expect(assertPdfWithinLimits(await pdfBomb(1), DOCUMENT_INFLATE_LIMITS)).resolves.toBe(undefined);
    const small = { maxInflatedBytes: 512 * 1024, maxEntries: 1 };
    expect((await refusal(assertPdfWithinLimits(await pdfBomb(1), small))).code).toBe("INFLATED_TOO_LARGE");
  });

  it("skips image streams, which reading the text layer never decodes", async () => {
    const bomb = Buffer.from(await pdfBomb(2));
    const image = Buffer.from(
      bomb.toString("latin1").replace("/Filter /FlateDecode", "/Subtype /Image /Filter /FlateDecode"),
      "latin1",
    );
    const small = { maxInflatedBytes: 512 * 1024, maxEntries: 1 };
    await expect(assertPdfWithinLimits(new Uint8Array(image), small)).resolves.toBe(undefined);
  });

  it.each(["hex", "a85", "rl", "lzw"] as const)(
    "refuses a PDF whose content expands to 100 MB through %s (in front of FlateDecode or alone)",
    async (filter) => {
      const error = await refusal(readPdf(await pdfBomb(100, filter)));
      expect(error.code).toBe("INFLATED_TOO_LARGE");
    },
  );

  it("is not fooled by a string that names an image inside the content stream's dictionary", async () => {
    const bomb = Buffer.from(await pdfBomb(2));
    const start = bomb.indexOf("stream\n") + 7;
    const data = bomb.subarray(start, bomb.indexOf("\nendstream"));
    const disguised = pdfWithContent(Buffer.from(data), "/Filter /FlateDecode", " /Note (/Subtype /Image)");
    const small = { maxInflatedBytes: 512 * 1024, maxEntries: 1 };
    expect((await refusal(assertPdfWithinLimits(disguised, small))).code).toBe("INFLATED_TOO_LARGE");
  });

  it("decodes LZW as pdfjs does: the same text comes out of both", async () => {
    const content = "BT /F1 24 Tf 72 720 Td (Gongkai LZW gongkai LZW gongkai) Tj ET";
    const encoded = lzwEncode(new TextEncoder().encode(content));
    const limit = () => new ReadError("INFLATED_TOO_LARGE");
    expect(Buffer.from(decodeStage("lzw", encoded, 1024, limit)).toString("latin1")).toBe(content);
    const doc = await readPdf(pdfWithContent(encoded, "/Filter /LZWDecode"));
    expect(doc.rows.map((r) => r.cells.map((c) => c.text).join(" "))).toEqual([
      "Gongkai LZW gongkai LZW gongkai",
    ]);
  });
});
