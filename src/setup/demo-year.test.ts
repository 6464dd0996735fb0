import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgencies } from "../agencies/agency.service.ts";
import { auditReport } from "../audit/audit-report.ts";
import { main } from "../cli/main.ts";
import { parseInterchange } from "../core/report/interchange.ts";
import { type Database, migrate, openDatabase } from "../db/database.ts";
import { type BuiltReport, buildAgencyReport } from "../reports/report.service.ts";
import { DEMO_BUREAU_NAME, runFirstRun } from "./first-run.ts";

const SAMPLE = readFileSync(new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url));

describe("the demo year", () => {
  // The database is the file the command line opens from GONGKAI_DATA_DIR, so `gongkai report build` is
  // checked against the same records.
  const dir = mkdtempSync(join(tmpdir(), "gongkai-demo-"));
  let database: Database;
  let bureauId = 0;
  let built: BuiltReport;
  let message = "";

  beforeAll(async () => {
    database = await openDatabase({ file: join(dir, "gongkai.sqlite") });
    await migrate(database);
    await runFirstRun(
      database,
      (text) => {
        message = text;
      },
      true,
    );
    const bureau = (await listAgencies(database)).find((a) => a.name === DEMO_BUREAU_NAME);
    if (!bureau) throw new Error("no demo bureau");
    bureauId = bureau.id;
    built = await buildAgencyReport(database, bureau.id, 2022);
  }, 600_000);

  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
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

  it("prints the same report as interchange JSON with `gongkai report build --agency ID --year 2022 --json`", async () => {
    const saved = process.env.GONGKAI_DATA_DIR;
    process.env.GONGKAI_DATA_DIR = dir;
    try {
      let out = "";
      let err = "";
      const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), progress: false };
      const args = ["report", "build", "--agency", String(bureauId), "--year", "2022"];
      expect(await main([...args, "--json"], io)).toBe(0);
      const printed = parseInterchange(JSON.parse(out));
      expect(printed.proactive).toEqual(built.report.proactive);
      expect(printed.applications).toEqual(built.report.applications);
      expect(printed.review).toEqual(built.report.review);
      expect(printed.findings).toEqual([]);

      out = "";
      expect(await main(args, io)).toBe(0);
      expect(out).toContain("检查结果：未发现问题");
      expect(out).toContain("1578");

      expect(await main(["report", "build", "--agency", "99999", "--year", "2022"], io)).toBe(1);
      expect(err).toContain("找不到该机关");
      err = "";
      expect(await main(["report", "build", "--agency", String(bureauId), "--year", "二〇二二"], io)).toBe(2);
      expect(err).toContain("用法：gongkai report build");
    } finally {
      if (saved === undefined) delete process.env.GONGKAI_DATA_DIR;
      else process.env.GONGKAI_DATA_DIR = saved;
    }
  });
});
