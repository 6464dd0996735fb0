import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDF_BODY_FONT, PDF_HEADING_FONT, pdfFontBytes } from "./pdf-fonts.ts";
import { writePdf } from "./pdf-writer.ts";
import { sampleReport } from "./sample-report.test-helper.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-pdf-"));
let pdf: Uint8Array = new Uint8Array();
let text = "";

beforeAll(async () => {
  pdf = await writePdf(sampleReport());
  const file = join(dir, "report.pdf");
  writeFileSync(file, pdf);
  text = execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text items of every page, as pdf.js extracts them, with their baseline and page. */
async function textItems(data: Uint8Array): Promise<{ str: string; y: number; page: number }[]> {
  const doc = await getDocument({ data: data.slice(), isEvalSupported: false }).promise;
  const items: { str: string; y: number; page: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) {
      if ("str" in item && item.str.trim() !== "")
        items.push({ str: item.str, y: item.transform[5], page: n });
    }
  }
  await doc.destroy();
  return items;
}

describe("writePdf", () => {
  it("is an A4 PDF whose text pdftotext extracts", () => {
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    expect(text).toContain("公安局2022年政府信息公开工作年度报告");
    expect(text).toContain("1014.5589");
    expect(text).toContain("予以公开");
    expect(text).toContain("六、其他需要报告的事项");
    expect(text).toContain("2022年未收取信息公开处理费用。");
    // The full-width dashes leave pdftotext's layout mode no gap to see the spaces by; its raw mode keeps them.
    const raw = execFileSync("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", join(dir, "report.pdf"), "-"], {
      encoding: "utf8",
    });
    expect(raw).toContain("— 1 —");
    const info = execFileSync("/usr/bin/pdfinfo", [join(dir, "report.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it("embeds the two CJK fonts of the npm package, subset", () => {
    const fonts = execFileSync("/usr/bin/pdffonts", [join(dir, "report.pdf")], { encoding: "utf8" });
    expect(fonts).toMatch(/\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+NotoSerifSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/UMing|WenQuanYi/);
    // Subset: the two 14 MB font files leave well under 200 KB in the report.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it("writes each table cell as one text item, the cells of a row on one baseline", async () => {
    const items = await textItems(pdf);
    const find = (str: string) => items.find((i) => i.str === str);
    const label = find("行政事业性收费");
    const fee = find("1014.5589");
    expect(label).toBeDefined();
    expect(fee).toBeDefined();
    expect(fee?.y).toBeCloseTo(label?.y ?? Number.NaN, 1);
    expect(fee?.page).toBe(label?.page);
    const internal = find("5.属于三类内部事务信息");
    const row = items.filter((i) => i.page === internal?.page && Math.abs(i.y - (internal?.y ?? 0)) < 0.5);
    expect(row.map((i) => i.str)).toEqual(["5.属于三类内部事务信息", "3", "0", "0", "0", "0", "0", "3"]);
  });

  it("reads each font file once per process, and throws in Chinese saying to run npm install when missing", () => {
    const body = pdfFontBytes(PDF_BODY_FONT);
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(pdfFontBytes(PDF_BODY_FONT)).toBe(body);
    expect(pdfFontBytes(PDF_HEADING_FONT)).not.toBe(body);
    expect(() => pdfFontBytes(PDF_BODY_FONT, "@gongkai/no-such-font-package")).toThrow(
      "生成 PDF 需要 npm 软件包 @gongkai/no-such-font-package 中的中文字体文件 400Regular/NotoSerifSC_400Regular.ttf，但未找到。请在项目目录运行 npm install（或 npm ci）。",
    );
  });
});
