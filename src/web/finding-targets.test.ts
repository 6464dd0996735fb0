import { describe, expect, it } from "vitest";
import { describeApplicationCell, type Finding } from "../core/report/report-model.ts";
import { findingTargets, targetsOfFinding } from "./finding-targets.ts";

/** A finding of a rule at a place. */
function finding(rule: string, where: string): Finding {
  return { rule, severity: "error", where, expected: 3, actual: 4, message: "测试" };
}

describe("targetsOfFinding", () => {
  it("C-3: a table 三 cell named by describeApplicationCell", () => {
    expect(targetsOfFinding(finding("C-3", describeApplicationCell("new", 6)))).toEqual([
      "applications.new.6",
    ]);
    expect(targetsOfFinding(finding("C-3", describeApplicationCell("denied.internalAffairs", 0)))).toEqual([
      "applications.denied.internalAffairs.0",
    ]);
    expect(targetsOfFinding(finding("C-3", describeApplicationCell("unable.notHeld", 1)))).toEqual([
      "applications.unable.notHeld.1",
    ]);
  });

  it("C-3: a whole row of table 三", () => {
    expect(targetsOfFinding(finding("C-3", "表三「一、本年新收政府信息公开申请数量」行"))).toHaveLength(7);
  });

  it("C-1: a column of table 三 names the four rows of the identity 一 + 二 = 三(七) + 四", () => {
    expect(targetsOfFinding(finding("C-1", "表三「自然人」列"))).toEqual([
      "applications.new.0",
      "applications.carriedOver.0",
      "applications.totalProcessed.0",
      "applications.carriedForward.0",
    ]);
  });

  it("C-4: a table 四 group", () => {
    expect(targetsOfFinding(finding("C-4", "表四「行政复议」"))).toEqual(
      ["upheld", "corrected", "other", "pending", "total"].map((f) => `review.reconsideration.${f}`),
    );
    expect(targetsOfFinding(finding("C-4", "表四 行政诉讼「复议后起诉」「总计」"))).toEqual([
      "review.litigationAfterReconsideration.total",
    ]);
  });

  it("table 二 cells by label, and value paths as they are", () => {
    expect(targetsOfFinding(finding("C-9", "表二「行政许可」"))).toEqual(["proactive.licensing"]);
    expect(targetsOfFinding(finding("C-8", "表二「行政规范性文件」现行有效件数"))).toEqual([
      "proactive.normativeDocuments.valid",
    ]);
    expect(targetsOfFinding(finding("C-5", "applications.other.other.3"))).toEqual([
      "applications.other.other.3",
    ]);
  });

  it("no cell for a finding about prose", () => {
    expect(targetsOfFinding(finding("C-11", "第五部分标题"))).toEqual([]);
  });
});

describe("findingTargets", () => {
  it("collects every finding naming a cell", () => {
    const a = finding("C-1", "表三「总计」列");
    const b = finding("C-3", describeApplicationCell("new", 6));
    const targets = findingTargets([a, b]);
    expect(targets.get("applications.new.6")).toEqual([a, b]);
    expect(targets.get("applications.carriedOver.6")).toEqual([a]);
  });
});
