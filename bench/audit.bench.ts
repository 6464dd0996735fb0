/**
 * Audit throughput: reports read and checked per second on one core, for pasted text and saved web pages,
 * over the fixture corpus repeated; with MB/s, per-report latency p50/p99, and the ratio against a
 * baseline run in the same process (decoding the same bytes and scanning them for numbers, no report logic).
 */
import { readFileSync } from "node:fs";
import { Parser } from "htmlparser2";
import { auditReport } from "../src/audit/audit-report.ts";
import { type BenchResult, formatSeconds, percentile } from "./bench-support.ts";

const FIXTURES = new URL("../test/fixtures/", import.meta.url);

interface Corpus {
  readonly name: string;
  readonly files: readonly { name: string; bytes: Uint8Array }[];
  readonly baseline: (bytes: Uint8Array) => number;
}

const load = (names: readonly string[]) =>
  names.map((name) => ({ name, bytes: readFileSync(new URL(name, FIXTURES)) }));

/** Baseline for text: decode and count the numbers, the least any reader must do. */
function scanText(bytes: Uint8Array): number {
  const text = new TextDecoder().decode(bytes);
  return (text.match(/\d+/g) ?? []).length;
}

/** Baseline for HTML: one htmlparser2 pass collecting the text, the least any HTML reader must do. */
function scanHtml(bytes: Uint8Array): number {
  let n = 0;
  const parser = new Parser({ ontext: (t) => (n += t.length) });
  parser.write(new TextDecoder().decode(bytes));
  parser.end();
  return n;
}

const CORPORA: readonly Corpus[] = [
  {
    name: "pasted text",
    files: load([
      "000_eb2e885bc49513d4.txt",
      "2022-pingtan-zone-gov.txt",
      "2024-shanghai-stcsm-kewei-pdfmd.txt",
    ]),
    baseline: scanText,
  },
  {
    name: "saved web pages",
    files: load(["2023-shuyang-county-ndrc.html", "2025-pingtan-zone-gov.html"]),
    baseline: scanHtml,
  },
];

/** Runs the audit benchmark for each corpus. */
export async function benchAudit(rounds: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const corpus of CORPORA) {
    for (const f of corpus.files) await auditReport({ bytes: f.bytes, fileName: f.name }); // warm-up
    const latencies: number[] = [];
    let bytes = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      for (const f of corpus.files) {
        const t0 = process.hrtime.bigint();
        await auditReport({ bytes: f.bytes, fileName: f.name });
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e9);
        bytes += f.bytes.length;
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const baseStart = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) for (const f of corpus.files) corpus.baseline(f.bytes);
    const baseSeconds = Number(process.hrtime.bigint() - baseStart) / 1e9;
    const count = latencies.length;
    latencies.sort((a, b) => a - b);
    results.push({
      name: `audit ${corpus.name}`,
      lines: [
        `${(count / seconds).toFixed(0)} reports/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, avg ${(bytes / count / 1024).toFixed(1)} KB/report`,
        `latency p50 ${formatSeconds(percentile(latencies, 0.5))}, p99 ${formatSeconds(percentile(latencies, 0.99))}`,
        `baseline (decode + scan only): ${(count / baseSeconds).toFixed(0)} reports/s; audit takes ${(seconds / baseSeconds).toFixed(1)}× the baseline`,
      ],
    });
  }
  return results;
}
