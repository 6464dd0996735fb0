import { describe, expect, it } from "vitest";
import { CsvError, csvLine, parseCsv } from "./csv-rows.ts";

describe("CSV rows", () => {
  it("reads quoted fields with commas, quotes and line breaks, CRLF and LF, keeping the starting lines", () => {
    const text = '决定类别,决定内容\r\n行政处罚,"罚款 ""500"" 元,\n警告"\n\n行政许可,准予\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["决定类别", "决定内容"] },
      { line: 2, cells: ["行政处罚", '罚款 "500" 元,\n警告'] },
      { line: 5, cells: ["行政许可", "准予"] },
    ]);
  });

  it("refuses an unterminated quote and a stray quote with the line number", () => {
    expect(() => parseCsv('a,b\n"x,y\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\nx"y,z')).toThrow(/第 2 行/);
    expect(() => parseCsv('a,b\n"x"y,z')).toThrow(/第 2 行/);
  });

  it("round-trips cells through csvLine", () => {
    const cells = ["a,b", 'c"d', "e\nf", "g"];
    expect(parseCsv(csvLine(cells))[0]?.cells).toEqual(cells);
  });
});
