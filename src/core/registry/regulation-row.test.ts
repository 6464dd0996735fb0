import { describe, expect, it } from "vitest";
import { checkRegulationSheet, REGULATION_COLUMNS } from "./regulation-row.ts";

const header = REGULATION_COLUMNS.map((c) => c.header);

describe("checking a regulation import sheet", () => {
  it("accepts entries named in Chinese and normalises dates", () => {
    const sheet = checkRegulationSheet([
      { line: 1, cells: header },
      { line: 2, cells: ["行政规范性文件", "某规定", "甲公规〔2020〕1号", "2020/6/1", "", "有效"] },
      { line: 3, cells: ["规章", "某办法", "甲市政府令第3号", "2018-01-01", "2022年8月1日", "废止"] },
    ]);
    expect(sheet.problems).toEqual([]);
    expect(sheet.entries.map((e) => e.fields)).toEqual([
      {
        kind: "normativeDocument",
        title: "某规定",
        docNo: "甲公规〔2020〕1号",
        issuedOn: "2020-06-01",
        abolishedOn: null,
        validity: "valid",
      },
      {
        kind: "regulation",
        title: "某办法",
        docNo: "甲市政府令第3号",
        issuedOn: "2018-01-01",
        abolishedOn: "2022-08-01",
        validity: "abolished",
      },
    ]);
  });

  it("names the row and column of every problem, including inconsistent validity and repeated 文号", () => {
    const sheet = checkRegulationSheet([
      { line: 1, cells: header },
      { line: 2, cells: ["条例", "某规定", "A1", "2020-06-01", "", "有效"] },
      { line: 3, cells: ["规章", "某办法", "A2", "2020-06-01", "", "废止"] },
      { line: 4, cells: ["规章", "某办法", "A3", "2020-06-01", "2019-01-01", "失效"] },
      { line: 5, cells: ["规章", "某办法", "A4", "2020-06-01", "", "有效"] },
      { line: 6, cells: ["规章", "某办法", "A4", "2020-06-01", "", "有效"] },
    ]);
    expect(sheet.problems.map((p) => p.message)).toEqual([
      "第 2 行「类别」：“条例”不是规章或行政规范性文件",
      "第 3 行「有效性」：有效性为“废止”的文件须填写废止（失效）日期",
      "第 4 行「废止（失效）日期」：废止（失效）日期不能早于制发日期",
      "第 6 行「文号」：“A4”与第 5 行重复",
    ]);
  });
});
