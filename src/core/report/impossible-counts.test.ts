import { describe, expect, it } from "vitest";
import { runChecks } from "../checks/run-checks.ts";
import { enumerateSplits } from "./digit-splitter.ts";
import { InterchangeError, parseInterchange } from "./interchange.ts";
import { interpretReport } from "./report-interpreter.ts";
import { balanced, report, textDoc } from "./report-text.test-helper.ts";

const IMPOSSIBLE = ["-3", "−3", "1.5", "1,5", "1e3", "99999999999999999999", "9007199254740993"];

/** Interprets the sample report after replacing one piece of its text. */
function read(rows: readonly string[], edit: (text: string) => string = (t) => t) {
  return interpretReport(textDoc(edit(report(rows)))).report;
}

describe("C-5 impossible numbers in count cells are null, with a finding that quotes the cell", () => {
  for (const cell of IMPOSSIBLE) {
    it(`table 三: ${cell}`, () => {
      const rows = [...balanced];
      rows[2] = `2\t0\t${cell}\t0\t0\t0\t2`;
      const r = read(rows);
      expect(r.applications.granted).toEqual([2, 0, null, 0, 0, 0, 2]);
      const c5 = r.findings.filter((f) => f.rule === "C-5");
      expect(c5).toHaveLength(1);
      expect(c5[0]).toMatchObject({ severity: "error", expected: "非负整数", actual: cell });
      expect(c5[0]?.where).toContain("表三「（一）予以公开」行「科研机构」列");
      expect(c5[0]?.message).toContain(`“${cell}”`);
      // The null cell is not read again as a number by the checks (no second C-5 from the model).
      expect(runChecks(r).filter((f) => f.rule === "C-5")).toEqual([]);
    });

    it(`table 二 and table 四: ${cell}`, () => {
      const r = read(balanced, (t) =>
        t
          .replace("行政许可\t12", `行政许可\t${cell}`)
          .replace("行政规范性文件\t1\t0\t5", `行政规范性文件\t1\t${cell}\t5`)
          .replace(
            "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
            `0\t0\t0\t0\t0\t0\t${cell}\t0\t0\t0\t0\t0\t0\t0\t0`,
          ),
      );
      expect(r.proactive.licensing).toBeNull();
      expect(r.proactive.normativeDocuments).toEqual({ issued: 1, abolished: null, valid: 5 });
      expect(r.review.litigationDirect.corrected).toBeNull();
      expect(r.review.litigationDirect.upheld).toBe(0);
      const c5 = r.findings.filter((f) => f.rule === "C-5");
      expect(c5.map((f) => f.actual)).toEqual([cell, cell, cell]);
      expect(c5.map((f) => f.where.split(" · ")[0])).toEqual([
        "表二「行政规范性文件」行「本年废止件数」列",
        "表二「行政许可」行",
        "表四「行政诉讼（未经复议直接起诉）」「结果纠正」",
      ]);
    });
  }

  it("keeps the largest exact count, 9007199254740991", () => {
    const rows = [...balanced];
    rows[2] = "2\t0\t9007199254740991\t0\t0\t0\t2";
    const r = read(rows);
    expect(r.applications.granted?.[2]).toBe(9007199254740991);
    expect(r.findings.filter((f) => f.rule === "C-5")).toEqual([]);
  });

  it("quotes the whole cell, cut to 40 characters, when the number is glued to text", () => {
    const rows = [...balanced];
    rows[2] = `2\t0\t-3 件（${"备注".repeat(40)}）\t0\t0\t0\t2`;
    const r = read(rows);
    expect(r.applications.granted?.[2]).toBeNull();
    const actual = String(r.findings.find((f) => f.rule === "C-5")?.actual);
    expect(actual.startsWith("-3 件（备注")).toBe(true);
    expect(actual).toHaveLength(41);
    expect(actual.endsWith("…")).toBe(true);
  });

  it("the fee in 万元 keeps its decimals; a negative fee is null with a finding", () => {
    const kept = read(balanced, (t) => t.replace("行政事业性收费\t0", "行政事业性收费\t1014.5589"));
    expect(kept.proactive.fees).toBe("1014.5589");
    expect(kept.findings).toEqual([]);
    const negative = read(balanced, (t) => t.replace("行政事业性收费\t0", "行政事业性收费\t−12.5"));
    expect(negative.proactive.fees).toBeNull();
    expect(negative.findings).toMatchObject([
      { rule: "C-5", severity: "error", actual: "−12.5", expected: "非负数（单位：万元）" },
    ]);
  });

  it("a row of run-together digits with an impossible number is not split", () => {
    expect(enumerateSplits(["12", "3"], 3, () => true)).toEqual([[1, 2, 3]]);
    const rows = [...balanced];
    rows[2] = "2 -3 0002";
    const r = read(rows);
    expect(r.applications.granted).toEqual([null, null, null, null, null, null, null]);
    expect(r.findings.map((f) => f.rule)).toContain("C-6");
  });
});

/** The interchange JSON of the sample report, with one value replaced by `edit`. */
function interchange(edit: (json: Record<string, unknown>) => void): unknown {
  const json = JSON.parse(JSON.stringify(read(balanced))) as Record<string, unknown>;
  edit(json);
  return json;
}

describe("the interchange validator: counts are non-negative safe integers, the fee a decimal string", () => {
  const cases: [string, (json: Record<string, unknown>, v: number) => void, string][] = [
    [
      "applications",
      (j, v) => ((j.applications as Record<string, number[]>).granted = [v, 0, 0, 0, 0, 0, 2]),
      "applications.granted[0]",
    ],
    ["proactive", (j, v) => ((j.proactive as Record<string, unknown>).licensing = v), "proactive.licensing"],
    [
      "review",
      (j, v) => (((j.review as Record<string, Record<string, unknown>>).reconsideration ?? {}).total = v),
      "review.reconsideration.total",
    ],
  ];
  for (const [name, set, path] of cases) {
    for (const bad of [1.5, -1, 1e21, 9007199254740992]) {
      it(`rejects ${bad} in ${name}`, () => {
        const json = interchange((j) => set(j, bad));
        expect(() => parseInterchange(json)).toThrow(InterchangeError);
        try {
          parseInterchange(json);
        } catch (e) {
          expect((e as InterchangeError).path).toBe(path);
          expect((e as InterchangeError).message).toContain("应为非负整数");
        }
      });
    }
    it(`accepts 0 and 9007199254740991 in ${name}`, () => {
      expect(() => parseInterchange(interchange((j) => set(j, 9007199254740991)))).not.toThrow();
      expect(() => parseInterchange(interchange((j) => set(j, 0)))).not.toThrow();
    });
  }

  it("accepts the fee 12.5 (万元) as written and refuses a negative or numeric fee", () => {
    const fee = (v: unknown) =>
      interchange((j) => {
        (j.proactive as Record<string, unknown>).fees = v;
      });
    expect(parseInterchange(fee("12.5")).proactive.fees).toBe("12.5");
    expect(parseInterchange(fee(null)).proactive.fees).toBeNull();
    for (const bad of ["-1", "1e3", "1,5", 12.5]) {
      expect(() => parseInterchange(fee(bad))).toThrow(/proactive\.fees/);
    }
  });
});
