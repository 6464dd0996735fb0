/**
 * Untrusted reports are read and audited off the main thread: a small pool of worker threads, each with a
 * V8 heap limit, one job at a time and a wall-clock limit per job. A worker that runs out of memory, dies
 * or overruns is terminated and replaced; its caller gets a typed 422 (AUDIT_MEMORY_LIMIT, AUDIT_TIMEOUT,
 * AUDIT_WORKER_FAILED). The readers' own refusals come back as the same ReadError.
 */
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DomainError } from "../core/domain-error.ts";
import { ReadError, type ReadErrorCode } from "../readers/read-error.ts";
import { failAudit } from "./audit-errors.ts";
import type { AuditInput, AuditOptions, AuditResult } from "./audit-report.ts";
import type { AuditJobMessage, AuditWorkerMessage } from "./audit-worker.ts";

/** Size and limits of the pool. */
export interface AuditPoolOptions {
  /** Worker threads at most (GONGKAI_AUDIT_WORKERS, default 2). */
  readonly size: number;
  /** V8 old-generation heap of a worker, in MB (GONGKAI_AUDIT_WORKER_HEAP_MB, default 256). */
  readonly heapMb: number;
  /** Wall-clock limit of one job, in ms (GONGKAI_AUDIT_TIMEOUT_MS, default 20 000). */
  readonly timeoutMs: number;
  /** Jobs waiting for a worker at most; more are AUDIT_BUSY (GONGKAI_AUDIT_QUEUE, default 16). */
  readonly maxQueue: number;
}

/** The pool's defaults: 2 workers of 256 MB, 20 s per job, 16 waiting. */
export const DEFAULT_AUDIT_POOL: AuditPoolOptions = { size: 2, heapMb: 256, timeoutMs: 20_000, maxQueue: 16 };

/** A positive integer from an environment variable, else the default. */
function positive(value: string | undefined, fallback: number): number {
  const n = Number(value?.trim() || Number.NaN);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The pool's options from the environment (GONGKAI_AUDIT_WORKERS, _WORKER_HEAP_MB, _TIMEOUT_MS, _QUEUE). */
export function auditPoolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuditPoolOptions {
  return {
    size: positive(env.GONGKAI_AUDIT_WORKERS, DEFAULT_AUDIT_POOL.size),
    heapMb: positive(env.GONGKAI_AUDIT_WORKER_HEAP_MB, DEFAULT_AUDIT_POOL.heapMb),
    timeoutMs: positive(env.GONGKAI_AUDIT_TIMEOUT_MS, DEFAULT_AUDIT_POOL.timeoutMs),
    maxQueue: positive(env.GONGKAI_AUDIT_QUEUE, DEFAULT_AUDIT_POOL.maxQueue),
  };
}

/** A job waiting for or running in a worker. */
interface Job {
  readonly message: AuditJobMessage;
  readonly resolve: (result: AuditResult) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** A worker thread and the job it runs. */
interface Slot {
  readonly worker: Worker;
  ready: boolean;
  job: Job | undefined;
  error: Error | undefined;
}

const BOOTSTRAP = new URL("./audit-worker-bootstrap.mjs", import.meta.url);
/** The worker's module, in the language this module runs as (.ts through tsx, .js when compiled). */
const WORKER_ENTRY = new URL(`./audit-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** A pool of audit worker threads; `run` audits one report in a worker, `close` ends them all. */
export class AuditPool {
  readonly options: AuditPoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers ended because their job overran, ran out of memory or crashed (each replaced on demand). */
  replaced = 0;

  /** A pool with the given limits; no thread starts before the first job. */
  constructor(options: AuditPoolOptions = DEFAULT_AUDIT_POOL) {
    this.options = options;
  }

  /** Audits a report in a worker; rejects with ReadError or a typed DomainError (4xx/503). */
  run(input: AuditInput, options: AuditOptions = {}): Promise<AuditResult> {
    if (this.closed || this.queue.length >= this.options.maxQueue)
      return Promise.reject(failAudit("AUDIT_BUSY"));
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, input, options }, resolve, reject });
      this.dispatch();
    });
  }

  /** The live worker threads (for tests and the benchmark). */
  get threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  /** Ends every worker; waiting jobs are refused with AUDIT_BUSY. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(failAudit("AUDIT_BUSY"));
    await Promise.all(this.slots.map((slot) => this.end(slot, failAudit("AUDIT_BUSY"))));
  }

  /** Hands waiting jobs to idle workers, starting workers up to the pool size. */
  private dispatch(): void {
    for (;;) {
      const job = this.queue[0];
      if (!job || this.closed) return;
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (idle) {
        this.queue.shift();
        this.start(idle, job);
        continue;
      }
      const starting = this.slots.filter((s) => !s.ready).length;
      if (this.slots.length < this.options.size && starting < this.queue.length) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  /** Starts a worker thread with the heap limits. */
  private spawn(): void {
    const heapMb = this.options.heapMb;
    const worker = new Worker(BOOTSTRAP, {
      name: "gongkai-audit",
      workerData: { entry: WORKER_ENTRY.href },
      resourceLimits: {
        maxOldGenerationSizeMb: heapMb,
        maxYoungGenerationSizeMb: Math.max(16, Math.round(heapMb / 8)),
        stackSizeMb: 4,
      },
    });
    const slot: Slot = { worker, ready: false, job: undefined, error: undefined };
    this.slots.push(slot);
    worker.unref();
    worker.on("message", (message: AuditWorkerMessage) => this.answer(slot, message));
    worker.on("error", (error) => {
      slot.error = error;
    });
    worker.on("exit", () => this.exited(slot));
  }

  /** Sends a job to an idle worker and arms its wall-clock limit. */
  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    const seconds = Math.round(this.options.timeoutMs / 1000);
    job.timer = setTimeout(() => {
      this.replaced++;
      void this.end(
        slot,
        failAudit("AUDIT_TIMEOUT", `报告处理超过 ${seconds} 秒时限，已停止处理：文件可能异常或过于复杂`),
      );
    }, this.options.timeoutMs);
    slot.worker.postMessage(job.message);
  }

  /** Settles the job a worker answered, and gives it the next one. */
  private answer(slot: Slot, message: AuditWorkerMessage): void {
    if (message.type === "ready") {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.message.id !== message.id) return;
    clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker.unref();
    if (message.type === "result") job.resolve(message.result);
    else if (message.type === "read-error")
      job.reject(new ReadError(message.code as ReadErrorCode, message.message));
    else job.reject(new Error(`audit failed in a worker: ${message.message}`));
    this.dispatch();
  }

  /** Removes a worker, refuses its job with `error`, and terminates the thread. */
  private async end(slot: Slot, error: DomainError): Promise<void> {
    this.remove(slot, error);
    await slot.worker.terminate();
    this.dispatch();
  }

  /** Takes a worker out of the pool, refusing its job with `error` if it had one. */
  private remove(slot: Slot, error?: Error): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      clearTimeout(job.timer);
      if (error) job.reject(error);
    }
  }

  /** A worker ended on its own: out of memory, crashed, or never started. */
  private exited(slot: Slot): void {
    if (!this.slots.includes(slot)) return;
    const code = (slot.error as NodeJS.ErrnoException | undefined)?.code;
    let error: Error;
    if (!slot.ready) {
      // Nothing ran in it (a broken install, a heap too small to load the readers): the first waiting job
      // fails with the reason, as an internal error, instead of new workers failing the same way forever.
      error = new Error(`audit worker failed to start: ${slot.error?.message ?? "exited"}`);
      this.queue.shift()?.reject(error);
    } else if (code === "ERR_WORKER_OUT_OF_MEMORY") {
      error = failAudit(
        "AUDIT_MEMORY_LIMIT",
        `报告处理所需内存超过 ${this.options.heapMb} MB 上限，已停止处理：文件可能是“压缩炸弹”或内容异常`,
      );
    } else error = failAudit("AUDIT_WORKER_FAILED");
    if (slot.job) this.replaced++;
    this.remove(slot, error);
    this.dispatch();
  }
}
