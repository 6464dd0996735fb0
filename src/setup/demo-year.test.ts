import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgencies } from "../agencies/agency.service.ts";
import { auditReport } from "../audit/audit-report.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { type BuiltReport, buildAgencyReport } from "../reports/report.service.ts";
import { DEMO_BUREAU_NAME, runFirstRun } from "./first-run.ts";

const SAMPLE = readFileSync(new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url));

describe("the demo year", () => {
  let database: TestDatabase;
  let built: BuiltReport;
  let message = "";

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    await runFirstRun(
      database,
      (text) => {
        message = text;
      },
      true,
    );
    const bureau = (await listAgencies(database)).find((a) => a.name === DEMO_BUREAU_NAME);
    if (!bureau) throw new Error("no demo bureau");
    built = await buildAgencyReport(database, bureau.id, 2022);
  }, 600_000);

  afterAll(async () => {
    await database.dispose();
  });

  it("assembles a 2022 report whose tables are the reference report's, number for number, and passes every check", async () => {
    const sample = (await auditReport({ fileName: "000_eb2e885bc49513d4.txt", bytes: SAMPLE })).report;
    expect(built.report.proactive).toEqual(sample.proactive);
    expect(built.report.applications).toEqual(sample.applications);
    expect(built.report.review).toEqual(sample.review);
    expect(built.findings).toEqual([]);
  });

  it("states the reference report's section 一 figures, each counted from the records", () => {
    const one = built.report.sections[0]?.text ?? "";
    for (const figure of [
      "409条",
      "周警情播报52期",
      "6410条",
      "802条",
      "915条",
      "910条",
      "回应关注42件",
      "212条",
      "34条",
      "120人次",
    ]) {
      expect(one).toContain(figure);
    }
    expect(built.report.sections[5]?.text).toContain("未收取政府信息公开信息处理费");
  });

  it("publishes the report in the bureau's 年报 column by 31 January (C-12), with its files", async () => {
    expect(built.versions.map((v) => [v.version, v.published_on])).toEqual([[1, "2023-01-20"]]);
    expect(JSON.parse(built.versions[0]?.findings_json ?? "null")).toEqual([]);
  });

  it("names the office's staff in the once-only first-run message", () => {
    expect(message).toContain("gaj-shenhe");
    expect(message).toContain("保密审查员");
  });
});
