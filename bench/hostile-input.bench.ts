/**
 * Hostile input: a DOCX, an XLSX and a PDF that inflate to 500 MB (the ZIP ones declaring a few kilobytes,
 * so only the streaming counter stops them) posted to POST /api/audit of a server listening in this
 * process, while one client fetches the 年报体检 page in a loop. Per file: the time to the refusal, the
 * peak memory of the process (VmHWM, worker threads included, reset before each file) and the page's p50/p99
 * meanwhile, against the page's p99 on an idle server (the baseline). Goal: refused, p99 < 1 s.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { AUDIT_TOOL_PATH } from "../src/audit/audit.routes.ts";
import { docxBomb, pdfBomb, xlsxBomb } from "../src/readers/bomb.test-support.ts";
import { buildServer } from "../src/server/build-server.ts";
import { type BenchResult, formatSeconds, percentile } from "./bench-support.ts";

const MB = 1024 * 1024;
const INFLATED_MB = Number(process.env.BENCH_HOSTILE_MB ?? 500);

/** The process's resident memory now and its high-water mark since the last reset, in MB (Linux). */
function memory(): { rss: number; peak: number } {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** Resets the high-water mark to the current resident memory (Linux ≥ 4.0; ignored elsewhere). */
function resetPeak(): void {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // Without it the peak is the process's peak so far, which only overstates.
  }
}

/** Fetches the page once; its latency in seconds. */
async function fetchPage(base: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${base}${AUDIT_TOOL_PATH}`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`page answered ${res.status}`);
  return (performance.now() - start) / 1000;
}

/** Posts a file to the audit API; its status, code and the seconds to the answer. */
async function postAudit(base: string, bytes: Uint8Array, fileName: string) {
  const form = new FormData();
  form.append("report", new Blob([new Uint8Array(bytes)]), fileName);
  const start = performance.now();
  const res = await fetch(`${base}/api/audit`, { method: "POST", body: form });
  const body = (await res.json()) as { code?: string };
  return { status: res.status, code: body.code ?? "-", seconds: (performance.now() - start) / 1000 };
}

/** One bomb: refusal time, peak memory and the page latencies while it is being refused. */
async function attack(base: string, label: string, bytes: Uint8Array, fileName: string, idleP99: number) {
  const before = memory();
  resetPeak();
  let done = false;
  const latencies: number[] = [];
  const pages = (async () => {
    while (!done) latencies.push(await fetchPage(base));
  })();
  const answer = await postAudit(base, bytes, fileName);
  done = true;
  await pages;
  const after = memory();
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 0.99);
  return [
    `${label} (${(bytes.length / MB).toFixed(2)} MB → ${INFLATED_MB} MB): ${answer.status} ${answer.code} ` +
      `in ${formatSeconds(answer.seconds)}; peak memory ${after.peak.toFixed(0)} MB ` +
      `(+${(after.peak - before.rss).toFixed(0)} MB over ${before.rss.toFixed(0)} MB before)`,
    `  page meanwhile: ${latencies.length} fetches, p50 ${formatSeconds(percentile(latencies, 0.5))}, ` +
      `p99 ${formatSeconds(p99)} (${(p99 / idleP99).toFixed(1)}× idle p99) — goal < 1 s: ${p99 < 1 ? "met" : "NOT met"}`,
  ];
}

/** The hostile-input section of `npm run bench`. */
export async function benchHostileInput(): Promise<BenchResult[]> {
  const bombs = [
    { label: "DOCX", fileName: "bomb.docx", bytes: await docxBomb(INFLATED_MB, true) },
    { label: "XLSX", fileName: "bomb.xlsx", bytes: await xlsxBomb(INFLATED_MB, true) },
    { label: "PDF", fileName: "bomb.pdf", bytes: await pdfBomb(INFLATED_MB) },
  ];
  const app = await buildServer({ logLevel: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const lines: string[] = [];
  try {
    // Start the workers (and warm the page) before measuring.
    const warm = await postAudit(base, new TextEncoder().encode("一、总体情况"), "warm.txt");
    lines.push(
      `worker start and a first tiny audit: ${formatSeconds(warm.seconds)} (${warm.status} ${warm.code})`,
    );
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await fetchPage(base));
    idle.sort((a, b) => a - b);
    const idleP99 = percentile(idle, 0.99);
    lines.push(
      `page on an idle server (baseline): p50 ${formatSeconds(percentile(idle, 0.5))}, p99 ${formatSeconds(idleP99)}`,
    );
    for (const bomb of bombs)
      lines.push(...(await attack(base, bomb.label, bomb.bytes, bomb.fileName, idleP99)));
  } finally {
    await app.close();
  }
  return [
    { name: `Hostile input: decompression bombs (${INFLATED_MB} MB inflated) at POST /api/audit`, lines },
  ];
}

// Run alone: `node bin/run-ts.js bench/hostile-input.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await benchHostileInput()) {
    console.log(`\n${result.name}`);
    for (const l of result.lines) console.log(`  ${l}`);
  }
}
