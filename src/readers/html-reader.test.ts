import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { SourceDocument, SourceRow } from "../core/report/source-document.ts";
import { readHtml, readHtmlText } from "./html-reader.ts";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`test/fixtures/${name}`));
const texts = (row: SourceRow | undefined): string[] => row?.cells.map((c) => c.text) ?? [];
const rowStarting = (doc: SourceDocument, label: string): SourceRow | undefined =>
  doc.rows.find((r) => r.cells[0]?.text === label);

describe("readHtml on the Pingtan 2025 page", () => {
  const doc = readHtml(fixture("2025-pingtan-zone-gov.html"));

  it("reads table 三's first row with its real numbers", () => {
    const row = rowStarting(doc, "一、本年新收政府信息公开申请数量");
    expect(row?.table).toBe(true);
    expect(texts(row)).toEqual(["一、本年新收政府信息公开申请数量", "151", "3", "0", "0", "0", "0", "154"]);
    expect(row?.cells[0]?.where).toBe("表格 2 第 4 行第 1 列");
    expect(row?.cells[7]?.where).toBe("表格 2 第 4 行第 8 列");
  });

  it("keeps rowspan/colspan cells once, as in the markup", () => {
    expect(texts(rowStarting(doc, "三、本 年度办 理结果"))).toEqual([
      "三、本 年度办 理结果",
      "（一）予以公开",
      ...["33", "0", "0", "0", "0", "0", "33"],
    ]);
    expect(texts(rowStarting(doc, "2.重复申请"))).toEqual(["2.重复申请", "0", "0", "0", "0", "0", "0", "0"]);
    expect(texts(rowStarting(doc, "四、结转下年度继续办理"))).toEqual([
      "四、结转下年度继续办理",
      "4",
      "2",
      "0",
      "0",
      "0",
      "0",
      "6",
    ]);
  });

  it("reads table 四's data row of 15 numbers", () => {
    const row = rowStarting(doc, "25");
    expect(texts(row)).toEqual(["25", "3", "8", "0", "36", "3", "3", "0", "0", "6", "3", "0", "0", "0", "3"]);
    expect(row?.cells[0]?.where).toBe("表格 3 第 4 行第 1 列");
  });

  it("reads title and publication date from the head", () => {
    expect(doc.metadata).toEqual({
      publishedOn: "2026-03-10",
      title: "平潭综合实验区2025年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
    });
    expect(doc.format).toBe("html");
    expect(doc.problems).toEqual([]);
  });

  it("makes section headings and prose text rows numbered as paragraphs", () => {
    const heading = doc.rows.find((r) => r.cells[0]?.text === "六、其他需要报告的事项");
    expect(heading?.table).toBe(false);
    expect(heading?.cells[0]?.where).toMatch(/^第 \d+ 段$/);
    expect(doc.rows.some((r) => r.cells[0]?.text === "2025年，无收取信息处理费情况。")).toBe(true);
    expect(doc.rows.some((r) => r.cells.some((c) => /function|\{|var /.test(c.text)))).toBe(false);
  });
});

describe("readHtml on the Shuyang 2023 page", () => {
  const doc = readHtml(fixture("2023-shuyang-county-ndrc.html"));

  it("reads the title with its year, and the 公开日期 of the info table", () => {
    expect(doc.metadata.title).toBe("沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局");
    expect(doc.metadata.publishedOn).toBe("2024-01-17");
  });

  it("reads the 行政许可 row of table 二", () => {
    const row = rowStarting(doc, "行政许可");
    expect(row?.table).toBe(true);
    expect(texts(row)).toEqual(["行政许可", "0"]);
  });

  it("joins numbers split across spans", () => {
    const intro = doc.rows.find((r) => r.cells[0]?.text.startsWith("根据《中华人民共和国政府信息公开条例》"));
    expect(intro?.cells[0]?.text).toContain("本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日");
  });

  it("keeps blank table cells as empty text", () => {
    expect(texts(rowStarting(doc, "一、本年新收政府信息公开申请数量"))).toEqual([
      "一、本年新收政府信息公开申请数量",
      ...["26", "", "", "", "", "", "26"],
    ]);
  });
});

describe("readHtmlText on small pages", () => {
  it("skips script, style and head, decodes entities and ends rows at block elements", () => {
    const doc = readHtmlText(
      "<html><head><title> 报告 </title><style>p{}</style><meta name='publishdate' content='2024/1/5'></head>" +
        "<body><script>var x = 1;</script><p>一、总体&nbsp;情况</p>正文<b>甲</b>乙<br>丙<div>丁</div></body></html>",
    );
    expect(doc.rows.map((r) => texts(r)[0])).toEqual(["一、总体 情况", "正文甲乙", "丙", "丁"]);
    expect(doc.rows.map((r) => r.cells[0]?.where)).toEqual(["第 1 段", "第 2 段", "第 3 段", "第 4 段"]);
    expect(doc.metadata).toEqual({ title: "报告", publishedOn: "2024-01-05" });
  });

  it("reads a visible 发布时间 when no meta states the date", () => {
    const doc = readHtmlText("<div>发布时间：2024-01-12 来源：本站</div><p>正文</p>");
    expect(doc.metadata.publishedOn).toBe("2024-01-12");
    expect(readHtmlText("<p>发布日期：2023年12月5日</p>").metadata.publishedOn).toBe("2023-12-05");
  });

  it("flattens a layout table holding a data table", () => {
    const doc = readHtmlText(
      "<table><tr><td>导航</td><td><p>标题</p><table><tr><th>项目</th><td>数量</td></tr>" +
        "<tr><td>行政许可</td><td>1<span>2</span></td></tr></table><p>结尾</p></td></tr></table>",
    );
    expect(doc.rows.map((r) => [r.table, texts(r)])).toEqual([
      [false, ["导航"]],
      [false, ["标题"]],
      [true, ["项目", "数量"]],
      [true, ["行政许可", "12"]],
      [false, ["结尾"]],
    ]);
    expect(doc.rows[3]?.cells[1]?.where).toBe("表格 1 第 2 行第 2 列");
  });

  it("handles unclosed cells and rows", () => {
    const doc = readHtmlText("<table><tr><td>a<td>b<tr><td>c<td>d</table><p>e");
    expect(doc.rows.map(texts)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });
});

describe("readHtml on encodings", () => {
  it("reads a GBK page declared by meta charset", () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某局2023年报告</title>' +
      "</head><body><table><tr><td>行政许可</td><td>7</td></tr></table></body></html>";
    const doc = readHtml(new Uint8Array(iconv.encode(html, "gbk")));
    expect(doc.metadata.title).toBe("某局2023年报告");
    expect(doc.rows.map(texts)).toEqual([["行政许可", "7"]]);
    expect(doc.problems).toEqual([]);
  });

  it("reports characters lost to mixed encodings", () => {
    const bytes = Buffer.concat([
      Buffer.from(`<html><body><p>${"政府信息公开".repeat(30)}</p><p>`),
      iconv.encode("行政", "gbk"),
      Buffer.from("</p></body></html>"),
    ]);
    const doc = readHtml(new Uint8Array(bytes));
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]?.rule).toBe("C-6");
    expect(doc.problems[0]?.severity).toBe("warning");
  });
});

describe("readHtmlText without </head>", () => {
  it("ends the head at the first body element", () => {
    const doc = readHtmlText(
      "<html><head><title>年报</title><meta charset=utf-8><p>正文第一段</p><div>第二段</div>",
    );
    expect(doc.metadata.title).toBe("年报");
    expect(doc.rows.map((r) => r.cells[0]?.text)).toEqual(["正文第一段", "第二段"]);
  });
});
