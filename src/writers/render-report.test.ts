import { describe, expect, it } from "vitest";
import { writeHtml } from "./html-writer.ts";
import { writeJson } from "./json-writer.ts";
import type { RenderFormat } from "./render-report.ts";
import { RENDER_FORMATS, RENDER_MEDIA_TYPES, renderReport } from "./render-report.ts";
import { sampleReport } from "./sample-report.test-helper.ts";
import { writeText } from "./text-writer.ts";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("renderReport", () => {
  it("lists the six formats, each with a media type", () => {
    expect(RENDER_FORMATS).toEqual(["txt", "html", "docx", "xlsx", "pdf", "json"]);
    for (const format of RENDER_FORMATS) expect(RENDER_MEDIA_TYPES[format]).toBeTruthy();
  });

  it("writes the text formats as UTF-8 of their writers", async () => {
    const report = sampleReport();
    expect(decode(await renderReport(report, "txt"))).toBe(writeText(report));
    expect(decode(await renderReport(report, "html"))).toBe(writeHtml(report));
    expect(decode(await renderReport(report, "json"))).toBe(writeJson(report));
  });

  it("writes the binary formats with their signatures", async () => {
    const report = sampleReport();
    expect(decode((await renderReport(report, "pdf")).slice(0, 5))).toBe("%PDF-");
    expect([...(await renderReport(report, "docx")).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect([...(await renderReport(report, "xlsx")).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it("rejects an unknown format", async () => {
    await expect(renderReport(sampleReport(), "odt" as RenderFormat)).rejects.toThrow(
      "不支持的输出格式「odt」",
    );
  });
});
