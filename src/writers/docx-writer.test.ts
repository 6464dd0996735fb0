import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { DOCX_PAGE, mmToTwip, writeDocx } from "./docx-writer.ts";
import { sampleReport } from "./sample-report.test-helper.ts";

let documentXml = "";
let stylesXml = "";

beforeAll(async () => {
  const zip = await JSZip.loadAsync(await writeDocx(sampleReport()));
  documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  stylesXml = (await zip.file("word/styles.xml")?.async("string")) ?? "";
});

const count = (xml: string, pattern: RegExp) => xml.match(pattern)?.length ?? 0;

describe("writeDocx", () => {
  it("is a Word document with the title and the numbers", () => {
    expect(documentXml).toContain("公安局2022年政府信息公开工作年度报告");
    expect(documentXml).toContain('<w:t xml:space="preserve">1014.5589</w:t>');
    expect(documentXml).toContain("5.属于三类内部事务信息");
    expect(documentXml).toContain("2022年未收取信息公开处理费用。");
  });

  it("sets the 公文 fonts as East Asian font names (GB/T 9704)", () => {
    expect(stylesXml).toContain(
      '<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>',
    );
    expect(stylesXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(stylesXml).toContain('w:eastAsia="黑体"');
    expect(stylesXml).toContain('w:eastAsia="宋体"');
    expect(stylesXml).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
  });

  it("uses 二号 for the title, 三号 at a fixed 29 pt line for the body, 五号 in tables", () => {
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, "s").exec(stylesXml)?.[0];
    expect(style("Title")).toContain('<w:sz w:val="44"/>');
    expect(style("Title")).toContain('<w:jc w:val="center"/>');
    expect(style("Heading1")).toContain('w:eastAsia="黑体"');
    expect(style("Heading1")).toContain('<w:sz w:val="32"/>');
    expect(style("ReportTable")).toContain('<w:sz w:val="21"/>');
    expect(stylesXml).toMatch(
      /<w:pPrDefault><w:pPr><w:spacing [^>]*w:line="580" w:lineRule="exact"\/><w:ind w:firstLine="640"\/>/,
    );
  });

  it("sets A4 and the GB/T 9704 margins in twips", () => {
    expect(mmToTwip(37)).toBe(2098);
    expect(DOCX_PAGE).toEqual({
      width: 11906,
      height: 16838,
      top: 2098,
      bottom: 1984,
      left: 1587,
      right: 1474,
    });
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margins = /<w:pgMar [^>]*\/>/.exec(documentXml)?.[0] ?? "";
    expect(margins).toContain('w:top="2098"');
    expect(margins).toContain('w:bottom="1984"');
    expect(margins).toContain('w:left="1587"');
    expect(margins).toContain('w:right="1474"');
  });

  it("merges the header cells with gridSpan and vMerge", () => {
    expect(count(documentXml, /<w:tr>|<w:tr /g)).toBe(14 + 28 + 4);
    expect(documentXml).toContain('<w:gridSpan w:val="7"/>');
    expect(documentXml).toContain('<w:gridSpan w:val="10"/>');
    // Table 三: the note, 自然人, 总计, 三、本年度办理结果 and the four sub-groups; table 四: its five fields.
    expect(count(documentXml, /<w:vMerge w:val="restart"\/>/g)).toBe(8 + 5);
    // Continuations: 2 + 1 + 1 + 21 + 7 + 2 + 4 + 2 in table 三, 5 in table 四.
    expect(count(documentXml, /<w:vMerge w:val="continue"\/>/g)).toBe(40 + 5);
    expect(count(documentXml, /<w:cantSplit\/>/g)).toBe(46);
    expect(count(documentXml, /<w:tblHeader\/>/g)).toBe(6);
  });
});
