import { describe, expect, it } from "vitest";
import { attachmentMediaType, cleanFileName } from "./attachment-types.ts";

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe("attachment types", () => {
  it("accepts a file whose content matches its extension", () => {
    expect(attachmentMediaType("通知.pdf", bytes(0x25, 0x50, 0x44, 0x46, 0x2d))).toBe("application/pdf");
    expect(attachmentMediaType("附件.DOCX", bytes(0x50, 0x4b, 0x03, 0x04))).toContain("wordprocessingml");
    expect(attachmentMediaType("图.png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(
      "image/png",
    );
  });

  it("refuses a renamed file, an unknown extension and a script", () => {
    expect(attachmentMediaType("假.pdf", bytes(0x4d, 0x5a))).toBeUndefined();
    expect(
      attachmentMediaType("x.html", new TextEncoder().encode("<script>alert(1)</script>")),
    ).toBeUndefined();
    expect(attachmentMediaType("x.exe", bytes(0x4d, 0x5a))).toBeUndefined();
    expect(attachmentMediaType("pdf", bytes(0x25, 0x50, 0x44, 0x46, 0x2d))).toBeUndefined();
  });

  it("file names lose their path and control characters", () => {
    expect(cleanFileName('../../etc/"pa\u0000ss".pdf')).toBe("pass.pdf");
  });
});
