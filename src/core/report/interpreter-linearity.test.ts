import { describe, expect, it } from "vitest";
import { enumerateSplits } from "./digit-splitter.ts";
import { interpretReport } from "./report-interpreter.ts";
import { balanced, report, textDoc } from "./report-text.test-helper.ts";
import { doublingRatios, meterScans } from "./scan-meter.test-helper.ts";

/** Sizes of the hostile part of the text: 50k, 100k, 200k characters. */
const SIZES = [50_000, 100_000, 200_000];

/** Linear work doubles with the input; 2.3 leaves room for fixed costs, quadratic work would quadruple. */
const LINEAR = 2.3;

/** The sample report with `filler(size)` put into section 一's prose. */
function withProse(filler: (size: number) => string) {
  return (size: number) => textDoc(report(balanced).replace("正文。", filler(size)));
}

/** The characters the interpreter touches for each size, and the report read at the largest. */
function scaling(build: (size: number) => ReturnType<typeof textDoc>) {
  let last: ReturnType<typeof interpretReport> | undefined;
  const ratios = doublingRatios(SIZES, (size) => {
    const doc = build(size);
    const { result, work } = meterScans(() => interpretReport(doc));
    last = result;
    return work;
  });
  if (!last) throw new Error("no run");
  return { ratios, read: last.report };
}

/** The tables of the sample report are still read exactly. */
function expectTablesRead(r: ReturnType<typeof interpretReport>["report"]): void {
  expect(r.applications.granted).toEqual([2, 0, 0, 0, 0, 0, 2]);
  expect(r.applications.carriedForward).toEqual([0, 0, 0, 0, 0, 0, 0]);
  expect(r.proactive.licensing).toBe(12);
  expect(r.review.reconsideration.total).toBe(0);
}

describe("the interpreter's work grows linearly with the text (characters touched, not time)", () => {
  it("200k '、' in one paragraph (each used to rescan to the end of the text for the next '.')", () => {
    const { ratios, read } = scaling(withProse((n) => "、".repeat(n)));
    for (const r of ratios) expect(r).toBeLessThan(LINEAR);
    expectTablesRead(read);
    expect(read.sections.map((s) => s.title)[0]).toBe("总体情况");
  });

  it("'、' and '.' alternating, with numerals before them", () => {
    const { ratios, read } = scaling(withProse((n) => "一、二.".repeat(n / 4)));
    for (const r of ratios) expect(r).toBeLessThan(LINEAR);
    expectTablesRead(read);
  });

  it("many heading lookalikes, one per line", () => {
    const { ratios, read } = scaling(
      withProse((n) => "一、总体情况说明\n三、收到申请\n五、问题\n".repeat(n / 20)),
    );
    for (const r of ratios) expect(r).toBeLessThan(LINEAR);
    expectTablesRead(read);
    expect(read.sections.map((s) => s.no)).toEqual(["一", "二", "三", "四", "五", "六"]);
  });

  it("a long run of digits in a table 三 cell: the row is null with one finding, quoted short", () => {
    const { ratios, read } = scaling((n) => {
      const rows = [...balanced];
      rows[4] = "1".repeat(n);
      return textDoc(report(rows));
    });
    for (const r of ratios) expect(r).toBeLessThan(LINEAR);
    expect(read.applications["denied.stateSecret"]).toEqual([null, null, null, null, null, null, null]);
    expect(read.applications.granted).toEqual([2, 0, 0, 0, 0, 0, 2]);
    const c6 = read.findings.filter((f) => f.rule === "C-6");
    expect(c6).toHaveLength(1);
    expect(c6[0]?.message.length).toBeLessThan(200);
  });

  it("long runs of spaces before line ends in a section's text", () => {
    const { ratios, read } = scaling(withProse((n) => `甲${" ".repeat(n)}\n乙${" ".repeat(n)}`));
    for (const r of ratios) expect(r).toBeLessThan(LINEAR);
    expect(read.sections[0]?.text).toBe("甲\n乙");
  });

  it("a text of many table-like rows between the tables", () => {
    const { ratios, read } = scaling(withProse((n) => "1\t2\t3\t4\t5\t6\t7\n".repeat(n / 14)));
    for (const r of ratios) expect(r).toBeLessThan(LINEAR);
    expectTablesRead(read);
  });
});

describe("the digit splitter's work does not depend on the length of a run", () => {
  it("a run of 1M digits into 7 parts is refused before any part is tried", () => {
    const { result, work } = meterScans(() => enumerateSplits(["7".repeat(1_000_000)], 7, () => true));
    expect(result).toEqual([]);
    expect(work).toBeLessThan(100);
  });

  it("a run just long enough for 15 parts is split with parts of at most 9 digits", () => {
    const { result, work } = meterScans(() => enumerateSplits(["1".repeat(135)], 15, () => true));
    expect(result).toEqual([new Array(15).fill(111111111)]);
    expect(work).toBeLessThan(100_000);
  });
});
