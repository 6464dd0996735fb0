import { describe, expect, it } from "vitest";
import { wrapSelection } from "./body-markup.ts";

describe("body editor buttons", () => {
  it("wraps the selection in bold and puts the caret after it", () => {
    expect(wrapSelection("请于周五前报送", 2, 4, "bold")).toEqual({
      text: "请于<strong>周五</strong>前报送",
      caret: 21,
    });
  });

  it("makes each selected line a list item", () => {
    expect(wrapSelection("甲\n\n乙", 0, 4, "list").text).toBe("<ul>\n  <li>甲</li>\n  <li>乙</li>\n</ul>");
  });

  it("escapes a link's address and uses it as text when nothing is selected", () => {
    expect(wrapSelection("", 0, 0, "link", 'https://x.gov.cn/?a=1&b="2"').text).toBe(
      '<a href="https://x.gov.cn/?a=1&amp;b=&quot;2&quot;">https://x.gov.cn/?a=1&amp;b=&quot;2&quot;</a>',
    );
  });

  it("keeps the selection inside the source when the positions are out of range or reversed", () => {
    expect(wrapSelection("正文", 9, 1, "paragraph").text).toBe("正<p>文</p>");
  });
});
