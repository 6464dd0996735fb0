import { describe, expect, it } from "vitest";
import { bodyText, sanitizeBody } from "./body-sanitizer.ts";

describe("body sanitiser (sanitize-html loaded on first use)", () => {
  it("keeps the allow-list, removes scripts, handlers and javascript: links, and marks links noopener", () => {
    const html =
      '<p onclick="x()">正文<script>alert(1)</script></p><a href="https://example.gov.cn/a" target="_blank">链接</a>' +
      '<a href="javascript:alert(1)">坏链接</a><iframe src="https://example.com"></iframe>';
    expect(sanitizeBody(html)).toBe(
      '<p>正文</p><a href="https://example.gov.cn/a" rel="noopener noreferrer">链接</a><a rel="noopener noreferrer">坏链接</a>',
    );
  });

  it("gives the text without markup, entities decoded and spaces collapsed", () => {
    expect(bodyText("<p>甲&amp;乙</p>\n<p>丙 &lt;丁&gt;</p>")).toBe("甲&乙 丙 <丁>");
  });
});
