import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnnualReport, Count } from "../core/report/report-model.ts";
import { ReadError } from "../readers/read-error.ts";
import { auditReport } from "./audit-report.ts";

const FIXTURES = new URL("../../test/fixtures/", import.meta.url);

/** Audits a fixture file by name. */
async function audit(name: string, options = {}) {
  return auditReport({ bytes: readFileSync(new URL(name, FIXTURES)), fileName: name }, options);
}

/** The rule IDs of a report's findings, sorted, each once. */
const rules = (r: AnnualReport): string[] => [...new Set(r.findings.map((f) => f.rule))].sort();

const zeros: Count[] = [0, 0, 0, 0, 0, 0, 0];

/** Table 三 with every row zero except the given ones. */
function table3(rows: Record<string, Count[]>): Record<string, Count[]> {
  const keys = [
    "new",
    "carriedOver",
    "granted",
    "partial",
    "denied.stateSecret",
    "denied.lawForbidden",
    "denied.securityStability",
    "denied.thirdParty",
    "denied.internalAffairs",
    "denied.processInfo",
    "denied.enforcementFile",
    "denied.queryMatter",
    "unable.notHeld",
    "unable.needsCreation",
    "unable.unclear",
    "notProcessed.petition",
    "notProcessed.duplicate",
    "notProcessed.publication",
    "notProcessed.excessive",
    "notProcessed.confirmation",
    "other.noSupplement",
    "other.unpaidFee",
    "other.other",
    "totalProcessed",
    "carriedForward",
  ];
  return Object.fromEntries(keys.map((k) => [k, rows[k] ?? zeros]));
}

const group = (upheld: number, corrected: number, other: number, pending: number, total: number) => ({
  upheld,
  corrected,
  other,
  pending,
  total,
});

describe("the reference report (济源示范区公安局 2022, pasted text)", () => {
  it("reads every number of tables 二, 三, 四 and finds nothing wrong", async () => {
    const { report, locations } = await audit("000_eb2e885bc49513d4.txt");
    expect(report.format).toBe("2021");
    expect(report.agency).toBe("公安局");
    expect(report.year).toBe(2022);
    expect(report.proactive).toEqual({
      regulations: { issued: 0, abolished: 0, valid: 0 },
      normativeDocuments: { issued: 0, abolished: 0, valid: 1 },
      licensing: 641,
      penalty: 1578,
      enforcement: 536,
      fees: "1014.5589",
    });
    expect(report.applications).toEqual(
      table3({
        new: [3, 0, 0, 0, 0, 0, 3],
        "denied.internalAffairs": [3, 0, 0, 0, 0, 0, 3],
        totalProcessed: [3, 0, 0, 0, 0, 0, 3],
      }),
    );
    expect(report.review).toEqual({
      reconsideration: group(0, 0, 0, 0, 0),
      litigationDirect: group(0, 0, 0, 0, 0),
      litigationAfterReconsideration: group(0, 0, 0, 0, 0),
    });
    expect(report.sections.map((s) => `${s.no}、${s.title}`)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(report.findings).toEqual([]);
    // Where each number was read: the line of the pasted text.
    expect(locations["applications.new.0"]).toBe("第 51 行");
    expect(locations["applications.denied.internalAffairs.6"]).toBe("第 59 行");
    expect(locations["proactive.licensing"]).toBe("第 37 行");
  });
});

describe("Pingtan 2022 (text crawled with cells run together)", () => {
  it("splits run-together cells by the sum rules and leaves the undeterminable row null", async () => {
    const { report } = await audit("2022-pingtan-zone-gov.txt");
    expect(report.agency).toBe("平潭综合实验区");
    expect(report.year).toBe(2022);
    // "规章000" has a single split; "行政规范性文件8855698" has 15 and no sum rule: null, never a guess.
    expect(report.proactive).toEqual({
      regulations: { issued: 0, abolished: 0, valid: 0 },
      normativeDocuments: { issued: null, abolished: null, valid: null },
      licensing: 10690,
      penalty: 2113,
      enforcement: 0,
      fees: "9116.36",
    });
    expect(report.applications).toEqual(
      table3({
        new: [71, 3, 0, 0, 0, 0, 74],
        carriedOver: [1, 0, 0, 0, 0, 0, 1],
        granted: [21, 0, 0, 0, 0, 0, 21],
        partial: [8, 1, 0, 0, 0, 0, 9],
        "denied.internalAffairs": [1, 0, 0, 0, 0, 0, 1],
        "denied.processInfo": [2, 0, 0, 0, 0, 0, 2],
        "denied.enforcementFile": [1, 0, 0, 0, 0, 0, 1],
        "unable.notHeld": [37, 0, 0, 0, 0, 0, 37],
        "other.noSupplement": [2, 0, 0, 0, 0, 0, 2],
        "other.other": [0, 2, 0, 0, 0, 0, 2],
        totalProcessed: [72, 3, 0, 0, 0, 0, 75],
      }),
    );
    expect(report.review).toEqual({
      reconsideration: group(0, 1, 1, 0, 2),
      litigationDirect: group(1, 0, 0, 0, 1),
      litigationAfterReconsideration: group(0, 0, 0, 0, 0),
    });
  });

  it("names the report's real inconsistencies: the prose counts the carried-over request as received", async () => {
    const { report } = await audit("2022-pingtan-zone-gov.txt");
    expect(rules(report)).toEqual(["C-6", "C-9"]);
    const c6 = report.findings.filter((f) => f.rule === "C-6");
    expect(c6).toHaveLength(1);
    expect(c6[0]?.actual).toBe("8855698");
    const c9 = report.findings.filter((f) => f.rule === "C-9");
    // "全区收到政府信息公开申请75件，涉及自然人72件" while table 三 一 says 74 in all, 71 natural persons.
    expect(c9.map((f) => [f.expected, f.actual])).toEqual([
      [74, 75],
      [71, 72],
    ]);
    for (const f of c9) expect(f.message).toContain("全区收到政府信息公开申请75件");
  });
});

describe("Shanghai 科委 2024 (PDF converted to Markdown, labels apart from numbers)", () => {
  it("reads table 三 by the order of its data rows", async () => {
    const { report } = await audit("2024-shanghai-stcsm-kewei-pdfmd.txt");
    expect(report.agency).toBe("上海市科委");
    expect(report.year).toBe(2024);
    expect(report.proactive).toEqual({
      regulations: { issued: 0, abolished: 0, valid: 0 },
      normativeDocuments: { issued: 13, abolished: 0, valid: 55 },
      licensing: 97,
      penalty: 0,
      enforcement: 0,
      fees: "0",
    });
    expect(report.applications).toEqual(
      table3({
        new: [32, 2, 0, 0, 0, 0, 34],
        carriedOver: [2, 0, 0, 0, 0, 0, 2],
        granted: [9, 0, 0, 0, 0, 0, 9],
        "denied.internalAffairs": [1, 0, 0, 0, 0, 0, 1],
        "denied.processInfo": [1, 0, 0, 0, 0, 0, 1],
        "unable.notHeld": [4, 0, 0, 0, 0, 0, 4],
        "unable.needsCreation": [6, 0, 0, 0, 0, 0, 6],
        "other.noSupplement": [8, 2, 0, 0, 0, 0, 10],
        "other.other": [4, 0, 0, 0, 0, 0, 4],
        totalProcessed: [33, 2, 0, 0, 0, 0, 35],
        // The published 四、结转 total cell is empty: read as 0 (C-5 warning), so C-1 and C-3 fire.
        carriedForward: [1, 0, 0, 0, 0, 0, 0],
      }),
    );
    expect(report.review.reconsideration).toEqual(group(1, 0, 0, 0, 1));
  });

  it("names its real defects: an empty total cell, and renumbered and missing section headings", async () => {
    const { report } = await audit("2024-shanghai-stcsm-kewei-pdfmd.txt");
    expect(rules(report)).toEqual(["C-1", "C-11", "C-3", "C-5"]);
    expect(report.findings.find((f) => f.rule === "C-5")?.severity).toBe("warning");
    // "三、政府信息公开行政复议、行政诉讼情况" is numbered 三; "存在的主要问题" has no heading at all.
    const c11 = report.findings.filter((f) => f.rule === "C-11");
    expect(c11.some((f) => f.expected === "四" && f.actual === "三")).toBe(true);
    expect(c11.some((f) => String(f.expected).includes("存在的主要问题"))).toBe(true);
  });
});

describe("Shuyang 发改局 2023 (saved web page, legal-person columns blank)", () => {
  it("reads blanks as 0 with one C-5 warning and no other finding", async () => {
    const { report } = await audit("2023-shuyang-county-ndrc.html");
    expect(report.agency).toBe("沭阳县发展和改革局");
    expect(report.year).toBe(2023);
    expect(report.proactive).toEqual({
      regulations: { issued: 0, abolished: 0, valid: 0 },
      normativeDocuments: { issued: 8, abolished: 0, valid: 18 },
      licensing: 0,
      penalty: 0,
      enforcement: 0,
      fees: "0",
    });
    expect(report.applications).toEqual(
      table3({
        new: [26, 0, 0, 0, 0, 0, 26],
        granted: [26, 0, 0, 0, 0, 0, 26],
        totalProcessed: [26, 0, 0, 0, 0, 0, 26],
      }),
    );
    expect(report.review.reconsideration).toEqual(group(0, 0, 0, 1, 1));
    expect(report.findings.map((f) => [f.rule, f.severity, f.actual])).toEqual([
      ["C-5", "warning", "空白单元格 125 个"],
    ]);
  });
});

describe("Pingtan 2025 in three forms (web page, DOCX, PDF)", () => {
  const expected = table3({
    new: [151, 3, 0, 0, 0, 0, 154],
    granted: [33, 0, 0, 0, 0, 0, 33],
    partial: [38, 0, 0, 0, 0, 0, 38],
    "denied.internalAffairs": [3, 0, 0, 0, 0, 0, 3],
    "denied.processInfo": [2, 0, 0, 0, 0, 0, 2],
    "denied.enforcementFile": [3, 0, 0, 0, 0, 0, 3],
    "denied.queryMatter": [3, 0, 0, 0, 0, 0, 3],
    "unable.notHeld": [49, 1, 0, 0, 0, 0, 50],
    "unable.needsCreation": [3, 0, 0, 0, 0, 0, 3],
    "notProcessed.petition": [2, 0, 0, 0, 0, 0, 2],
    "other.noSupplement": [8, 0, 0, 0, 0, 0, 8],
    "other.unpaidFee": [2, 0, 0, 0, 0, 0, 2],
    "other.other": [1, 0, 0, 0, 0, 0, 1],
    totalProcessed: [147, 1, 0, 0, 0, 0, 148],
    carriedForward: [4, 2, 0, 0, 0, 0, 6],
  });

  for (const file of [
    "2025-pingtan-zone-gov.html",
    "2025-pingtan-zone-gov.docx",
    "2025-pingtan-zone-gov.pdf",
  ]) {
    it(`reads ${file} exactly, with no finding`, async () => {
      const { report } = await audit(file);
      expect(report.agency).toBe("平潭综合实验区");
      expect(report.year).toBe(2025);
      expect(report.proactive).toEqual({
        regulations: { issued: 0, abolished: 0, valid: 0 },
        normativeDocuments: { issued: 58, abolished: 45, valid: 546 },
        licensing: 2418,
        penalty: 644,
        enforcement: 64,
        fees: "4166.241619",
      });
      expect(report.applications).toEqual(expected);
      expect(report.review).toEqual({
        reconsideration: group(25, 3, 8, 0, 36),
        litigationDirect: group(3, 3, 0, 0, 6),
        litigationAfterReconsideration: group(3, 0, 0, 0, 3),
      });
      expect(report.findings).toEqual([]);
    });
  }
});

describe("the truncated fragment", () => {
  it("reads what is there, reports it incomplete, and invents nothing", async () => {
    const { report } = await audit("2024-fragment-szfgs-section3-pdftext.txt");
    expect(report.proactive.penalty).toBe(3985758);
    expect(report.proactive.enforcement).toBe(88283);
    expect(report.proactive.fees).toBe("96171.6");
    expect(report.applications.new).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(report.applications["unable.notHeld"]).toEqual([746, 12, 0, 0, 10, 1, 769]);
    expect(report.applications["unable.needsCreation"]).toEqual([null, null, null, null, null, null, null]);
    expect(report.applications.carriedForward).toEqual([null, null, null, null, null, null, null]);
    expect(report.review.reconsideration.total).toBeNull();
    const incomplete = report.findings.filter((f) => f.message.includes("incomplete"));
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0]?.rule).toBe("C-6");
    expect(report.findings.some((f) => f.rule === "C-1" || f.rule === "C-2" || f.rule === "C-3")).toBe(false);
  });
});

describe("bad input", () => {
  it("refuses a file that is not an annual report with NOT_A_REPORT", async () => {
    const notice = "关于做好2024年政务公开工作的通知\n各单位：\n请认真做好政务公开工作要点落实。\n";
    await expect(
      auditReport({ bytes: new TextEncoder().encode(notice), fileName: "通知.txt" }),
    ).rejects.toMatchObject({ code: "NOT_A_REPORT" });
  });

  it("refuses an empty file with EMPTY_FILE", async () => {
    const error = await auditReport({ bytes: new Uint8Array(), fileName: "空.txt" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).code).toBe("EMPTY_FILE");
  });
});
