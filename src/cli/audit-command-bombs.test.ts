import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docxBomb, pdfBomb, xlsxBomb } from "../readers/bomb.test-support.ts";
import { runAudit } from "./audit-command.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-audit-bombs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("gongkai audit (in process) reads through the bounded readers", () => {
  it("reports DOCX, XLSX and PDF bombs as unreadable (exit 2, INFLATED_TOO_LARGE) instead of running out of memory", async () => {
    writeFileSync(join(dir, "a.docx"), await docxBomb(200, true));
    writeFileSync(join(dir, "b.xlsx"), await xlsxBomb(200, true));
    writeFileSync(join(dir, "c.pdf"), await pdfBomb(200));
    let out = "";
    const status = await runAudit([dir], { out: (t) => (out += t), err: () => {}, progress: false });
    expect(status).toBe(2);
    for (const name of ["a.docx", "b.xlsx", "c.pdf"]) {
      expect(out).toContain(
        `== ${join(dir, name)} ==\n无法读取（INFLATED_TOO_LARGE）：文件解压后的内容超过 64 MB 上限`,
      );
    }
  });
});
