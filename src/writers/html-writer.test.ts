import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { escapeHtml, writeHtml } from "./html-writer.ts";
import { sampleReport } from "./sample-report.test-helper.ts";

interface ParsedCell {
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
}

/** The tables of an HTML document as rows of cells with their spans. */
function parseTables(html: string): ParsedCell[][][] {
  const tables: ParsedCell[][][] = [];
  let cell: { text: string; rowspan: number; colspan: number } | null = null;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === "table") tables.push([]);
      if (name === "tr") tables[tables.length - 1]?.push([]);
      if (name === "td" || name === "th") {
        cell = { text: "", rowspan: Number(attrs.rowspan ?? 1), colspan: Number(attrs.colspan ?? 1) };
      }
    },
    ontext(text) {
      if (cell) cell.text += text;
    },
    onclosetag(name) {
      if ((name === "td" || name === "th") && cell) {
        const rows = tables[tables.length - 1];
        rows?.[rows.length - 1]?.push(cell);
        cell = null;
      }
    },
  });
  parser.write(html);
  parser.end();
  return tables;
}

/** How many grid columns each row of a table covers, counting cells spanning down from above. */
function coveredColumns(rows: ParsedCell[][]): number[] {
  const pending: number[] = rows.map(() => 0);
  return rows.map((cells, r) => {
    let width = pending[r] ?? 0;
    for (const c of cells) {
      width += c.colspan;
      for (let k = 1; k < c.rowspan; k++) pending[r + k] = (pending[r + k] ?? 0) + c.colspan;
    }
    return width;
  });
}

describe("writeHtml", () => {
  const html = writeHtml(sampleReport());

  it("is a complete zh-CN HTML5 document with A4 print CSS and 公文 fonts", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>公安局2022年政府信息公开工作年度报告</title>");
    expect(html).toContain("<h1>公安局2022年政府信息公开工作年度报告</h1>");
    expect(html).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
    expect(html).toContain('font-family: "方正小标宋简体", "SimSun", serif;');
    expect(html).toContain('font-family: "仿宋_GB2312", "FangSong", serif;');
    expect(html).toContain('font-family: "宋体", "SimSun", serif;');
    expect(html).toContain("tr { page-break-inside: avoid; break-inside: avoid; }");
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html).toContain(
      '<table class="applications" aria-label="表三 依申请" border="1" cellspacing="0" cellpadding="3">',
    );
  });

  it("writes the prose as paragraphs and the six headings", () => {
    expect(html.match(/<p>/g)).toHaveLength(13);
    expect(html).toContain("<p>（一）主动公开工作</p>");
    expect(html).toContain("<p>2022年未收取信息公开处理费用。</p>");
    expect(html.match(/<h2>/g)).toHaveLength(6);
    expect(html).toContain("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>");
  });

  it("merges the header cells of table 三 as the national format does", () => {
    expect(html).toContain(
      '<td class="head" rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>',
    );
    expect(html).toContain('<td class="head" colspan="7">申请人情况</td>');
    expect(html).toContain(
      '<td class="head" rowspan="2">自然人</td><td class="head" colspan="5">法人或其他组织</td>',
    );
    expect(html).toContain('<td class="head" rowspan="2">总计</td>');
    expect(html).toContain('<td class="label" rowspan="22">三、本年度办理结果</td>');
    expect(html).toContain('<td class="label" colspan="2">（一）予以公开</td>');
    expect(html).toContain('<td class="label" rowspan="8">（三）不予公开</td>');
    expect(html).toContain('<td class="label" rowspan="3">（四）无法提供</td>');
    expect(html).toContain('<td class="label" rowspan="5">（五）不予处理</td>');
    expect(html).toContain('<td class="label" rowspan="3">（六）其他处理</td>');
    expect(html).toContain('<td class="label" colspan="3">四、结转下年度继续办理</td>');
  });

  it("merges the header cells of table 四 and spans the single values of table 二", () => {
    expect(html).toContain(
      '<td class="head" colspan="5">行政复议</td><td class="head" colspan="10">行政诉讼</td>',
    );
    expect(html).toContain(
      '<td class="head" colspan="5">未经复议直接起诉</td><td class="head" colspan="5">复议后起诉</td>',
    );
    expect(html.match(/<td class="head" rowspan="2">结果维持<\/td>/g)).toHaveLength(1);
    expect(html).toContain(
      '<td class="label">行政事业性收费</td><td class="amount" colspan="3">1014.5589</td>',
    );
    expect(html).toContain('<td class="head" colspan="4">第二十条第（八）项</td>');
  });

  it("fills every row of every table to the full width, the numbers in the right cells", () => {
    const [proactive = [], applications = [], review = []] = parseTables(html);
    expect(coveredColumns(proactive)).toEqual(new Array(14).fill(4));
    expect(coveredColumns(applications)).toEqual(new Array(28).fill(10));
    expect(coveredColumns(review)).toEqual(new Array(4).fill(15));
    const row = (label: string) =>
      applications.find((cells) => cells.some((c) => c.text === label))?.map((c) => c.text) ?? [];
    expect(row("5.属于三类内部事务信息")).toEqual([
      "5.属于三类内部事务信息",
      "3",
      "0",
      "0",
      "0",
      "0",
      "0",
      "3",
    ]);
    expect(row("（七）总计").slice(-7)).toEqual(["3", "0", "0", "0", "0", "0", "3"]);
    expect(review[3]?.map((c) => c.text)).toEqual(new Array(15).fill("0"));
  });

  it("escapes all text", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const report = sampleReport();
    const hostile = writeHtml({
      ...report,
      agency: "<b>局</b>",
      sections: report.sections.map((s) =>
        s.no === "五" ? { ...s, text: '<script>alert("x")</script> & 改进\n第二段' } : s,
      ),
    });
    expect(hostile).not.toContain("<script>");
    expect(hostile).not.toContain("<b>");
    expect(hostile).toContain(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 改进</p>\n<p>第二段</p>",
    );
    expect(hostile).toContain("<h1>&lt;b&gt;局&lt;/b&gt;2022年政府信息公开工作年度报告</h1>");
  });
});
