import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInTemplate } from "../core/letter/default-templates.ts";
import { renderTemplate } from "../core/letter/template-renderer.ts";
import { docxDocumentXml, docxText, pdfText } from "./letter.test-support.ts";
import { writeLetterDocx } from "./letter-docx.ts";
import { writeLetterPdf } from "./letter-pdf.ts";

/** The O-3.5 reply, every placeholder filled. */
function sampleLetter(): { title: string; body: string } {
  const template = builtInTemplate("reply", "O-3.5");
  if (!template) throw new Error("no O-3.5 template");
  const body = renderTemplate(template.body, {
    applicantName: "王五",
    trackingNo: "YSQ2022000100012",
    receivedOn: "2022年9月28日",
    description: "本局2021年度干部考核细则",
    agencyName: "示范市财政局",
    officePhone: "0531-12345678",
    date: "2022年10月26日",
  });
  expect(body.missing).toEqual([]);
  return { title: template.title, body: body.text };
}

describe("letter files", () => {
  it("O-3.5 DOCX opens (jszip) in 公文 style: title, text, GB/T 9704 margins, 方正小标宋简体 and 仿宋_GB2312", async () => {
    const docx = await writeLetterDocx(sampleLetter());
    const text = await docxText(docx);
    const lines = text.split("\n");
    expect(lines[0]).toBe("政府信息公开申请答复书");
    expect(lines[1]).toBe("王五：");
    expect(text).toContain("《中华人民共和国政府信息公开条例》第十六条第一款的规定，本机关决定不予公开");
    expect(text).toContain("示范市财政局\n2022年10月26日");
    const xml = await docxDocumentXml(docx);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // The 落款 is right-aligned four characters (4 × 320 twips) from the margin.
    expect(xml).toMatch(/<w:jc w:val="right"\/>[\s\S]*?w:right="1280"/);
    const zip = await import("jszip").then((m) => m.default.loadAsync(docx));
    expect(await zip.file("word/styles.xml")?.async("string")).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it("O-3.5 PDF text (pdftotext) contains the applicant, the cited article and the 落款", async () => {
    const pdf = await writeLetterPdf(sampleLetter());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("政府信息公开申请答复书");
    expect(text).toContain("王五：");
    expect(text).toContain("《中华人民共和国政府信息公开条例》第十六条第一款");
    expect(text).toContain("示范市财政局2022年10月26日");
    expect(text).toContain("—1—");
  });

  it("embeds the title in Noto Serif SC Bold and the body in Regular, from the npm font package", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-letter-fonts-"));
    try {
      const file = join(dir, "letter.pdf");
      writeFileSync(file, await writeLetterPdf(sampleLetter()));
      const fonts = execFileSync("/usr/bin/pdffonts", [file], { encoding: "utf8" });
      expect(fonts).toMatch(/\+NotoSerifSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(fonts).toMatch(/\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
