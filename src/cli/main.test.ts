import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { APPLICATION_ROW_KEYS } from "../core/report/report-model.ts";
import { main } from "./main.ts";

const FIXTURES = new URL("../../test/fixtures/", import.meta.url).pathname;
const SAMPLE = join(FIXTURES, "000_eb2e885bc49513d4.txt");

/** Runs the CLI in-process and captures what it writes. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), progress: false });
  return { status, out, err };
}

const tempDir = () => mkdtempSync(join(tmpdir(), "gongkai-cli-"));

describe("gongkai audit", () => {
  it("shows the sample's numbers and no error (exit 0)", async () => {
    const { status, out } = await run("audit", SAMPLE);
    expect(status).toBe(0);
    for (const figure of ["641", "1578", "536", "1014.5589"]) expect(out).toContain(figure);
    expect(out).toMatch(/一、本年新收政府信息公开申请…\s+3\s+0\s+0\s+0\s+0\s+0\s+3/);
    expect(out).toContain("未发现问题");
  });

  it("--json prints the interchange document with exactly its keys", async () => {
    const { status, out } = await run("audit", SAMPLE, "--json");
    expect(status).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual([
      "format",
      "agency",
      "year",
      "sections",
      "proactive",
      "applications",
      "review",
      "findings",
    ]);
    expect(Object.keys(doc.applications)).toEqual(APPLICATION_ROW_KEYS);
    expect(Object.keys(doc.proactive)).toEqual([
      "regulations",
      "normativeDocuments",
      "licensing",
      "penalty",
      "enforcement",
      "fees",
    ]);
    expect(doc.applications["denied.internalAffairs"]).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(doc.proactive.fees).toBe("1014.5589");
    expect(doc.review.reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(doc.findings).toEqual([]);
  });

  it("exits 1 when a report has error findings", async () => {
    const { status, out } = await run("audit", join(FIXTURES, "2022-pingtan-zone-gov.txt"));
    expect(status).toBe(1);
    expect(out).toContain("C-9");
  });

  it("walks a folder, prints a summary, and exits 2 when a file cannot be read", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), readFileSync(SAMPLE));
    writeFileSync(join(dir, "b.html"), readFileSync(join(FIXTURES, "2023-shuyang-county-ndrc.html")));
    writeFileSync(join(dir, "c.txt"), "");
    const { status, out } = await run("audit", dir);
    expect(status).toBe(2);
    expect(out).toMatch(/文件\s+机关\s+年度\s+错误\s+提示\s+结论/);
    expect(out).toContain("无法读取：EMPTY_FILE");
    const json = await run("audit", dir, "--json");
    const docs = JSON.parse(json.out);
    expect(docs).toHaveLength(3);
    expect(docs[2].findings[0]).toMatchObject({ rule: "READ", actual: "EMPTY_FILE", message: "文件为空" });
  });

  it("refuses a 50 MB file with the reason, exit 2", async () => {
    const file = join(tempDir(), "huge.txt");
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x30));
    const { status, out } = await run("audit", file);
    expect(status).toBe(2);
    expect(out).toContain("FILE_TOO_LARGE");
  });

  it("refuses binary garbage and a missing file, exit 2", async () => {
    const file = join(tempDir(), "garbage.txt");
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expect((await run("audit", file)).status).toBe(2);
    const missing = await run("audit", join(tempDir(), "none.txt"));
    expect(missing.status).toBe(2);
    expect(missing.out).toContain("文件不存在");
  });

  it("takes last year's report with --prev (C-7)", async () => {
    const dir = tempDir();
    const lastYear = readFileSync(SAMPLE, "utf8")
      .replace("公安局 2022 年", "公安局 2021 年")
      .replace(
        "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
        "四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1",
      )
      .replace(
        "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3",
        "一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t4",
      );
    writeFileSync(join(dir, "2021.txt"), lastYear);
    const { status, out } = await run("audit", SAMPLE, "--prev", join(dir, "2021.txt"));
    expect(status).toBe(0);
    expect(out).toContain("C-7");
  });
});

describe("gongkai render", () => {
  it("renders the interchange JSON to every format and refuses broken JSON", async () => {
    const dir = tempDir();
    const json = join(dir, "report.json");
    writeFileSync(json, (await run("audit", SAMPLE, "--json")).out);
    for (const to of ["txt", "html", "docx", "xlsx", "pdf", "json"]) {
      const target = join(dir, `out.${to}`);
      expect((await run("render", json, "--to", to, "-o", target)).status).toBe(0);
      expect(readFileSync(target).length).toBeGreaterThan(500);
    }
    writeFileSync(join(dir, "bad.json"), "{ not json");
    const bad = await run("render", join(dir, "bad.json"), "--to", "pdf", "-o", join(dir, "x.pdf"));
    expect(bad.status).toBe(2);
    expect(bad.err).toContain("不是有效的 JSON");
    const wrongShape = join(dir, "wrong.json");
    writeFileSync(wrongShape, JSON.stringify({ format: "2021" }));
    expect((await run("render", wrongShape, "--to", "txt", "-o", join(dir, "x.txt"))).err).toContain(
      "sections",
    );
  });

  it("explains its usage on wrong arguments", async () => {
    expect((await run("render", SAMPLE)).status).toBe(2);
    expect((await run("frobnicate")).status).toBe(2);
    expect((await run("audit", SAMPLE, "--no-such-flag")).err).toContain("参数错误");
  });
});

describe("the installed bin", () => {
  it("runs as a real process: node bin/gongkai.js audit … --json", async () => {
    const bin = new URL("../../bin/gongkai.js", import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "audit", SAMPLE, "--json"]);
    expect(JSON.parse(stdout).applications.new).toEqual([3, 0, 0, 0, 0, 0, 3]);
  });
});
