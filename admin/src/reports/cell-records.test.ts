import { describe, expect, it } from "vitest";
import {
  applicationsPath,
  proactivePath,
  recordApiPath,
  recordPath,
  recordSummary,
  recordsOf,
  reviewPath,
} from "./cell-records.ts";

describe("cell records", () => {
  const cells = {
    "proactive.licensing": { kind: "decision", ids: [3, 4] },
    "applications.new.6": { kind: "request", ids: [9] },
    "review.reconsideration.total": { kind: "reviewCase", ids: [] },
  };

  it("names the records behind a value path, none for an empty or unknown one", () => {
    expect(recordsOf(cells, proactivePath("licensing"))).toEqual({ kind: "decision", ids: [3, 4] });
    expect(recordsOf(cells, applicationsPath("new", 6))?.ids).toEqual([9]);
    expect(recordsOf(cells, reviewPath("reconsideration", "total"))).toBeNull();
    expect(recordsOf(cells, "proactive.penalty")).toBeNull();
  });

  it("opens a request on its case page and the other records in their registers", () => {
    expect(recordPath("request", 9)).toBe("/requests/9");
    expect(recordPath("decision", 3)).toBe("/registries?tab=decisions&decisionId=3");
    expect(recordPath("reviewCase", 2)).toBe("/litigation?caseId=2");
    expect(recordApiPath("fee", 1)).toBeNull();
    expect(recordApiPath("regulation", 5)).toBe("/api/registries/regulations/5");
  });

  it("describes a fetched record, or falls back to its kind and id", () => {
    expect(recordSummary("decision", 3, { docNo: "许字〔2022〕1号", matter: "餐饮许可" })).toBe(
      "许字〔2022〕1号 餐饮许可",
    );
    expect(recordSummary("request", 9, { trackingNo: "2022-0009", statusName: "已办结" })).toBe(
      "2022-0009 已办结",
    );
    expect(recordSummary("reviewCase", 2, null)).toBe("复议诉讼案件 #2");
  });
});
