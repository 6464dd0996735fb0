/**
 * Reading and interpreting scale linearly (issue #9 item 2): the reference report with hostile prose in
 * section 一 grown to 1, 2, 4, 8, 16 and 32 MB (the readers' limit, MAX_SOURCE_BYTES), read as pasted text
 * and interpreted; prints the time of each size and its ratio to the size before (≈2× per doubling is
 * linear, ≈4× quadratic). A size the readers refuse prints their message instead.
 */
import { readFileSync } from "node:fs";
import { interpretReport } from "../src/core/report/report-interpreter.ts";
import { MAX_SOURCE_BYTES, readSource } from "../src/readers/read-source.ts";
import type { BenchResult } from "./bench-support.ts";

const REFERENCE = readFileSync(new URL("../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url), "utf8");
const SIZES_MB = [1, 2, 4, 8, 16, 32];
const MB = 1024 * 1024;

/** Hostile prose: lists joined by '、', numbered items, dotted numbers, heading lookalikes, runs of digits. */
const MIXED =
  "主动公开、依申请公开、政府信息管理、平台建设、监督保障、" +
  "一、总体情况的说明 二.收到申请 3.危及 不补正 行政 复议 第二十条 " +
  "2022年发布信息409条、回复留言34条、12345678901234567890。\n";

/** The reference report with `filler` repeated into section 一 until the text has `bytes` UTF-8 bytes. */
function grown(filler: string, bytes: number): Uint8Array {
  const base = Buffer.byteLength(REFERENCE);
  const unit = Buffer.byteLength(filler);
  const copies = Math.max(0, Math.floor((bytes - base - 1) / unit));
  const at = REFERENCE.indexOf("一、总体情况") + "一、总体情况".length;
  const text = `${REFERENCE.slice(0, at)}\n${filler.repeat(copies)}${REFERENCE.slice(at)}`;
  return new TextEncoder().encode(text);
}

/** Seconds taken by `run`. */
async function seconds(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Times read + interpret for each size of one kind of filler. */
async function scale(name: string, filler: string, sizes = SIZES_MB): Promise<BenchResult> {
  const lines: string[] = [];
  let previous = 0;
  for (const mb of sizes) {
    const bytes = grown(filler, Math.min(mb * MB, MAX_SOURCE_BYTES));
    let read = 0;
    let interpret = 0;
    try {
      let doc: Awaited<ReturnType<typeof readSource>> | undefined;
      read = await seconds(async () => {
        doc = await readSource(bytes, "report.txt");
      });
      const source = doc;
      if (!source) throw new Error("nothing read");
      interpret = await seconds(() => interpretReport(source));
    } catch (error) {
      lines.push(`${String(mb).padStart(2)} MB: refused — ${(error as Error).message}`);
      continue;
    }
    const total = read + interpret;
    const ratio = previous > 0 ? `  ×${(total / previous).toFixed(2)} per doubling` : "";
    lines.push(
      `${String(mb).padStart(2)} MB: read ${(read * 1e3).toFixed(0)} ms + interpret ${(interpret * 1e3).toFixed(0)} ms = ${(total * 1e3).toFixed(0)} ms (${(bytes.length / MB / total).toFixed(1)} MB/s)${ratio}`,
    );
    previous = total;
  }
  return { name: `interpreter scaling: ${name}`, lines };
}

/** Runs the scaling benchmark for two hostile fillers. */
export async function benchInterpreterScaling(): Promise<BenchResult[]> {
  await scale("warm-up", MIXED, [1, 1]); // JIT warm-up, not printed
  return [
    await scale("one line of '、' (issue #9: 31 MB froze the server 64 s)", "、".repeat(4096)),
    await scale("mixed hostile prose (lists, numbered items, lookalike headings, digit runs)", MIXED),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await benchInterpreterScaling()) {
    console.log(`\n${result.name}`);
    for (const line of result.lines) console.log(`  ${line}`);
  }
}
