import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnnualReport } from "../core/report/report-model.ts";
import { sampleReport } from "./sample-report.test-helper.ts";
import { applicationsTextLines, proactiveTextLines, reviewTextLines, writeText } from "./text-writer.ts";

const reference = readFileSync(
  new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url),
  "utf8",
)
  .split("\n")
  .map((l) => l.replace(/\r$/, ""));

/** The non-empty lines of the reference between two headings. */
function referenceLines(from: string, to: string): string[] {
  const start = reference.indexOf(from);
  const end = reference.indexOf(to);
  return reference.slice(start + 1, end).filter((l) => l.trim() !== "");
}

/** The reference's half-width "(一) " labels and note in the full-width form of the format. */
const fullWidth = (line: string) =>
  line.replace(/\(([一二三四五六七])\) /g, "（$1）").replace(/^\((本列数据[^)]*)\)/, "（$1）");

describe("writeText", () => {
  const text = writeText(sampleReport());
  const lines = text.split("\n");

  it("starts with the title line and ends with a newline", () => {
    expect(lines[0]).toBe("公安局2022年政府信息公开工作年度报告");
    expect(lines[1]).toBe("");
    expect(text.endsWith("。\n")).toBe(true);
  });

  it("leaves unknown agency or year out of the title", () => {
    expect(writeText({ ...sampleReport(), agency: null }).split("\n")[0]).toBe(
      "2022年政府信息公开工作年度报告",
    );
    expect(writeText({ ...sampleReport(), year: null }).split("\n")[0]).toBe(
      "公安局政府信息公开工作年度报告",
    );
    expect(writeText({ ...sampleReport(), agency: null, year: null }).split("\n")[0]).toBe(
      "政府信息公开工作年度报告",
    );
  });

  it("writes the six headings in order (C-11), even from sections given out of order", () => {
    const headings = [
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ];
    expect(lines.filter((l) => headings.includes(l))).toEqual(headings);
    const shuffled: AnnualReport = { ...sampleReport(), sections: [...sampleReport().sections].reverse() };
    expect(writeText(shuffled)).toBe(text);
  });

  it("writes every prose paragraph of the reference as its own line, between blank lines", () => {
    const prose = [
      ...referenceLines("一、总体情况", "二、主动公开政府信息情况"),
      ...referenceLines("五、存在的主要问题及改进情况", "六、其他需要报告的事项"),
      ...reference.slice(reference.indexOf("六、其他需要报告的事项") + 1).filter((l) => l.trim() !== ""),
    ];
    expect(prose).toHaveLength(13);
    for (const paragraph of prose) {
      const at = lines.indexOf(paragraph);
      expect(at, paragraph).toBeGreaterThan(0);
      expect(lines[at - 1]).toBe("");
      expect(lines[at + 1]).toBe("");
    }
  });

  it("writes table 二 exactly as the reference", () => {
    const expected = referenceLines("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况");
    expect(proactiveTextLines(sampleReport().proactive)).toEqual(expected);
    expect(lines).toContain("行政事业性收费\t1014.5589\t\t");
  });

  it("writes table 三 rows as tab-separated cells", () => {
    const table = applicationsTextLines(sampleReport());
    expect(table).toHaveLength(28);
    for (const line of table) expect(line.split("\t")).toHaveLength(10);
    expect(table[3]).toBe("一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\t");
    expect(table[5]).toBe("三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0\t");
    expect(table[7]).toBe("\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0");
    expect(table[11]).toBe("\t\t5.属于三类内部事务信息\t3\t0\t0\t0\t0\t0\t3");
    expect(table[25]).toBe("\t\t3.其他\t0\t0\t0\t0\t0\t0\t0");
    expect(table[26]).toBe("\t（七）总计\t3\t0\t0\t0\t0\t0\t3\t");
    expect(table[27]).toBe("四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t");
  });

  it("matches the reference's table 三 line for line, except the two rows the paste broke", () => {
    const expected = referenceLines(
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
    );
    const table = applicationsTextLines(sampleReport());
    expect(expected).toHaveLength(table.length);
    const broken = new Set(["3.其他\t\t0\t0\t0\t0\t0\t0\t0\t", "(七) 总计\t3\t0\t0\t0\t0\t0\t3\t\t"]);
    let compared = 0;
    expected.forEach((line, i) => {
      if (broken.has(line)) return;
      expect(table[i]).toBe(fullWidth(line));
      compared++;
    });
    expect(compared).toBe(26);
  });

  it("writes table 四 as the reference's header lines and the 15 numbers", () => {
    const expected = referenceLines("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况");
    const table = reviewTextLines(sampleReport());
    expect(table).toEqual(expected.map((l) => l.replaceAll(" ", "")));
    expect(table[3]).toBe(new Array(15).fill("0").join("\t"));
  });

  it("writes a null as an empty cell", () => {
    const report = sampleReport();
    const withNulls: AnnualReport = {
      ...report,
      proactive: { ...report.proactive, fees: null, licensing: null },
      applications: { ...report.applications, new: [3, 0, 0, null, 0, 0, 3] },
      review: { ...report.review, litigationDirect: { ...report.review.litigationDirect, total: null } },
    };
    const out = writeText(withNulls).split("\n");
    expect(out).toContain("一、本年新收政府信息公开申请数量\t\t3\t0\t0\t\t0\t0\t3\t");
    expect(out).toContain("行政事业性收费\t\t\t");
    expect(out).toContain("行政许可\t\t\t");
    expect(out).toContain("0\t0\t0\t0\t0\t0\t0\t0\t0\t\t0\t0\t0\t0\t0");
  });
});
