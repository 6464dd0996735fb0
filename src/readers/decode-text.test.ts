import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { declaredCharset, decodeText, scanUtf8 } from "./decode-text.ts";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

describe("decodeText", () => {
  it("strips a UTF-8 byte order mark", () => {
    const d = decodeText(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8("政府信息公开")));
    expect(d).toEqual({ text: "政府信息公开", encoding: "utf-8", source: "bom", replaced: 0, lossy: false });
  });

  it("reads UTF-16LE and UTF-16BE by their byte order marks", () => {
    const le = concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from("年度报告 2023", "utf16le")));
    expect(decodeText(le).text).toBe("年度报告 2023");
    expect(decodeText(le).encoding).toBe("utf-16le");
    const be = Buffer.from("年度报告 2023", "utf16le").swap16();
    const d = decodeText(concat(new Uint8Array([0xfe, 0xff]), new Uint8Array(be)));
    expect(d.text).toBe("年度报告 2023");
    expect(d.encoding).toBe("utf-16be");
  });

  it("recognises UTF-16LE without a byte order mark", () => {
    const d = decodeText(new Uint8Array(Buffer.from("report 年度报告 2023 text", "utf16le")));
    expect(d.text).toBe("report 年度报告 2023 text");
    expect(d.encoding).toBe("utf-16le");
  });

  it("follows <meta charset=gb2312> in an HTML page encoded in GBK", () => {
    const html =
      '<html><head><meta charset="gb2312"><title>沭阳县年度报告</title></head><body>行政许可</body></html>';
    const bytes = new Uint8Array(iconv.encode(html, "gbk"));
    expect(declaredCharset(bytes)).toBe("gb2312");
    const d = decodeText(bytes, { html: true });
    expect(d.text).toBe(html);
    expect(d.encoding).toBe("gb18030");
    expect(d.source).toBe("declared");
    expect(d.lossy).toBe(false);
  });

  it("follows http-equiv content-type charset", () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body>公开</body></html>';
    expect(declaredCharset(new Uint8Array(iconv.encode(html, "gbk")))).toBe("gbk");
    expect(decodeText(new Uint8Array(iconv.encode(html, "gbk")), { html: true }).text).toBe(html);
  });

  it("prefers UTF-8 when a page declares gb2312 but its bytes are valid UTF-8 (a re-saved page)", () => {
    const html = '<meta charset="gb2312"><p>本年新收政府信息公开申请数量</p>';
    const d = decodeText(utf8(html), { html: true });
    expect(d.text).toBe(html);
    expect(d.encoding).toBe("utf-8");
  });

  it("falls back to GB18030 for undeclared GBK text", () => {
    const text = "一、本年新收政府信息公开申请数量\t151\t3\t0\t0\t0\t0\t154\n";
    const d = decodeText(new Uint8Array(iconv.encode(text, "gbk")));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe("gb18030");
    expect(d.source).toBe("detected");
    expect(d.lossy).toBe(false);
  });

  it("reads GB18030 four-byte characters", () => {
    const text = "𠀀 与 € 之外的汉字：䶮";
    expect(decodeText(new Uint8Array(iconv.encode(text, "gb18030"))).text).toBe(text);
  });

  it("decodes mixed encodings with the dominant one and reports the replaced characters", () => {
    const main = "政府信息公开工作年度报告，".repeat(20);
    const bytes = concat(utf8(main), new Uint8Array(iconv.encode("行政", "gbk")), utf8("完"));
    const d = decodeText(bytes);
    expect(d.encoding).toBe("utf-8");
    expect(d.text.startsWith(main)).toBe(true);
    expect(d.text.endsWith("完")).toBe(true);
    expect(d.lossy).toBe(true);
    expect(d.replaced).toBeGreaterThan(0);
  });

  it("counts valid and invalid UTF-8 sequences", () => {
    expect(scanUtf8(utf8("a中b文"))).toEqual({ valid: 2, invalid: 0 });
    expect(scanUtf8(new Uint8Array([0xc0, 0x80, 0xe4, 0xb8]))).toEqual({ valid: 0, invalid: 4 });
  });
});

describe("decodeText with a Western charset label on a Chinese page", () => {
  it("ignores iso-8859-1 and detects GBK", () => {
    const html = '<meta charset="iso-8859-1"><p>主动公开政府信息情况</p>';
    const d = decodeText(new Uint8Array(iconv.encode(html, "gbk")), { html: true });
    expect(d.text).toBe(html);
    expect(d.encoding).toBe("gb18030");
  });
});
