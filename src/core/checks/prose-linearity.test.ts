import { describe, expect, it } from "vitest";
import { doublingRatios, meterScans } from "../report/scan-meter.test-helper.ts";
import { checkProseNumbers } from "./prose-checks.ts";
import { compactSentence } from "./prose-text.ts";
import { referenceReport, withSectionText } from "./reference-report.test-helper.ts";

const SIZES = [20_000, 40_000, 80_000];
const LINEAR = 2.3;

/** Work of C-9 over the reference report with one long sentence of `unit` repeated in section 一. */
function workOf(unit: string): (size: number) => number {
  return (size) => {
    const report = withSectionText(referenceReport(), "一", () => unit.repeat(Math.ceil(size / unit.length)));
    return meterScans(() => checkProseNumbers(report, {})).work;
  };
}

describe("C-9 reads prose in linear time (characters touched per doubling, not time)", () => {
  it("many 行政复议 counts in one sentence that is not about 信息公开 (context tested once)", () => {
    for (const r of doublingRatios(SIZES, workOf("行政复议12件，"))) expect(r).toBeLessThan(LINEAR);
  });

  it("many 予以公开 counts after 其中 in one sentence", () => {
    for (const r of doublingRatios(SIZES, workOf("其中予以公开3件，"))) expect(r).toBeLessThan(LINEAR);
  });

  it("many applicant columns after a new-requests statement, with outcome words between", () => {
    const unit = "予以公开，自然人5件，";
    const grown = (size: number): number => {
      const text = `本年新收政府信息公开申请74件，${unit.repeat(Math.ceil(size / unit.length))}`;
      const report = withSectionText(referenceReport(), "一", () => text);
      return meterScans(() => checkProseNumbers(report, {})).work;
    };
    for (const r of doublingRatios(SIZES, grown)) expect(r).toBeLessThan(LINEAR);
  });

  it("compacts a sentence with long runs of spaces, keeping one space between digits", () => {
    const { compact, map } = compactSentence(`共 1${" ".repeat(100_000)}2 件${" ".repeat(100_000)}。`);
    expect(compact).toBe("共1 2件。");
    expect(map).toEqual([0, 2, 3, 100_003, 100_005, 200_006]);
  });
});
