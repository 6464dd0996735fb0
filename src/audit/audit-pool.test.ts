import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "../core/domain-error.ts";
import { docxBomb, pdfBomb } from "../readers/bomb.test-support.ts";
import { ReadError } from "../readers/read-error.ts";
import { AuditPool, auditPoolOptionsFromEnv, DEFAULT_AUDIT_POOL } from "./audit-pool.ts";

/** The reference report (correct, year 2022). */
const FIXTURE = readFileSync(new URL("../../test/fixtures/000_eb2e885bc49513d4.txt", import.meta.url));
const report = { bytes: new Uint8Array(FIXTURE), fileName: "report.txt" };

const pools: AuditPool[] = [];
/** A pool closed after the test. */
function pool(options: Partial<typeof DEFAULT_AUDIT_POOL> = {}): AuditPool {
  const made = new AuditPool({ ...DEFAULT_AUDIT_POOL, ...options });
  pools.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** What a promise rejects with (undefined when it resolves). */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("the audit worker pool", () => {
  it("audits a report in a worker thread and answers the same result as in process", async () => {
    const p = pool({ size: 1 });
    const result = await p.run(report, { publishedOn: "2023-01-20" });
    expect(result.fileName).toBe("report.txt");
    expect(result.report.year).toBe(2022);
    expect(result.report.applications.new).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(p.threadIds).toHaveLength(1);
  });

  it("passes the readers' refusals back as ReadError: DOCX and PDF bombs are INFLATED_TOO_LARGE", async () => {
    const p = pool();
    const [docx, pdf] = await Promise.all([
      rejection(p.run({ bytes: await docxBomb(100, true), fileName: "bomb.docx" })),
      rejection(p.run({ bytes: await pdfBomb(100), fileName: "bomb.pdf" })),
    ]);
    expect(docx).toBeInstanceOf(ReadError);
    expect(docx).toMatchObject({ code: "INFLATED_TOO_LARGE" });
    expect(pdf).toMatchObject({ code: "INFLATED_TOO_LARGE" });
    expect(p.replaced).toBe(0);
  });

  it("ends a job past its wall-clock limit with AUDIT_TIMEOUT (422) and replaces the worker", async () => {
    const p = pool({ size: 1, timeoutMs: 1 });
    const error = await rejection(p.run(report));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "AUDIT_TIMEOUT", status: 422 });
    expect((error as Error).message).toContain("秒时限");
    expect(p.replaced).toBe(1);
    expect(p.threadIds).toHaveLength(0);
  });

  it("ends a worker out of heap with AUDIT_MEMORY_LIMIT (422); a new worker serves the next job", async () => {
    const p = pool({ size: 1, heapMb: 128 });
    // 24 MB of one-character cells: as rows of cell objects it needs far more than a 128 MB heap.
    const cells = Buffer.alloc(24 * 1024 * 1024, `${"1\t".repeat(500)}\n`);
    const error = await rejection(p.run({ bytes: new Uint8Array(cells), fileName: "cells.txt" }));
    expect(error).toMatchObject({ code: "AUDIT_MEMORY_LIMIT", status: 422 });
    expect((error as Error).message).toContain("128 MB");
    expect(p.replaced).toBe(1);
    const result = await p.run(report);
    expect(result.report.year).toBe(2022);
  });

  it("fails a job whose worker cannot even start as an internal error, without starting workers forever", async () => {
    const p = pool({ size: 1, heapMb: 8 });
    const error = await rejection(p.run(report));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(/^audit worker failed to start/);
    expect(p.threadIds).toHaveLength(0);
  });

  it("refuses jobs past the queue with AUDIT_BUSY (503), and every job once closed", async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    const first = p.run(report);
    const busy = await rejection(p.run(report));
    expect(busy).toMatchObject({ code: "AUDIT_BUSY", status: 503 });
    expect((await first).report.year).toBe(2022);
    await p.close();
    expect(await rejection(p.run(report))).toMatchObject({ code: "AUDIT_BUSY" });
  });

  it("reads its size and limits from the environment, ignoring values that are no positive integer", () => {
    expect(
      auditPoolOptionsFromEnv({
        GONGKAI_AUDIT_WORKERS: "3",
        GONGKAI_AUDIT_WORKER_HEAP_MB: "512",
        GONGKAI_AUDIT_TIMEOUT_MS: "abc",
        GONGKAI_AUDIT_QUEUE: "-1",
      }),
    ).toEqual({ size: 3, heapMb: 512, timeoutMs: 20_000, maxQueue: 16 });
    expect(auditPoolOptionsFromEnv({})).toEqual(DEFAULT_AUDIT_POOL);
  });
});
