import { describe, expect, it } from "vitest";
import {
  FALLBACK_ATTACHMENT_NAME,
  MAX_ATTACHMENT_NAME_LENGTH,
  normaliseAttachmentName,
} from "./attachment-name.ts";

describe("normaliseAttachmentName", () => {
  it("strips bidi overrides, isolates and marks, so a name reads as what it is", () => {
    expect(normaliseAttachmentName("身份证\u202Egpj.exe")).toBe("身份证gpj.exe");
    const every = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(normaliseAttachmentName(`a${every}b.pdf`)).toBe("ab.pdf");
    expect(normaliseAttachmentName("x\u200B\uFEFF\u2060y.png")).toBe("xy.png");
  });

  it("removes C0 and C1 controls and path parts, and never leaves a hidden or relative name", () => {
    expect(normaliseAttachmentName("a\u0000b\u0007c\u001f\u007f\u0085\u009f.pdf")).toBe("abc.pdf");
    expect(normaliseAttachmentName("line\r\nbreak.pdf")).toBe("line break.pdf");
    expect(normaliseAttachmentName("../../etc/passwd")).toBe("passwd");
    expect(normaliseAttachmentName("C:\\fakepath\\营业执照.jpg")).toBe("营业执照.jpg");
    expect(normaliseAttachmentName("..")).toBe(FALLBACK_ATTACHMENT_NAME);
    expect(normaliseAttachmentName(".htaccess")).toBe("附件.htaccess");
    expect(normaliseAttachmentName("\u202E.pdf")).toBe("附件.pdf");
    expect(normaliseAttachmentName('"a<b>|c?*:d".pdf')).toBe("abcd.pdf");
  });

  it("keeps Chinese, composes to NFC and drops lone surrogates", () => {
    expect(normaliseAttachmentName("  甲市 2023年 政府信息公开申请表.docx  ")).toBe(
      "甲市 2023年 政府信息公开申请表.docx",
    );
    expect(normaliseAttachmentName("Cafe\u0301.pdf")).toBe("Caf\u00e9.pdf");
    expect(normaliseAttachmentName("a\uD800b.pdf")).toBe("ab.pdf");
    expect(normaliseAttachmentName("证件😀.png")).toBe("证件😀.png");
  });

  it("names an empty or all-invisible name 附件", () => {
    for (const raw of ["", "   ", "\u202E\u202E", "/", "\u0000"]) {
      expect(normaliseAttachmentName(raw)).toBe(FALLBACK_ATTACHMENT_NAME);
    }
  });

  it("caps the length in characters and keeps the extension", () => {
    const long = `${"证".repeat(500)}.pdf`;
    const capped = normaliseAttachmentName(long);
    expect(Array.from(capped)).toHaveLength(MAX_ATTACHMENT_NAME_LENGTH);
    expect(capped.endsWith("证.pdf")).toBe(true);
    const emoji = normaliseAttachmentName("😀".repeat(300));
    expect(Array.from(emoji)).toHaveLength(MAX_ATTACHMENT_NAME_LENGTH);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
