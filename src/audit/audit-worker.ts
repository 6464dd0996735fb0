/**
 * The body of an audit worker thread: it answers each job ({ id, input, options }) with the audit's
 * result, or with the ReadError's code and message, or with an internal failure. It says "ready" once
 * its modules are loaded.
 */
import { parentPort } from "node:worker_threads";
import { ReadError } from "../readers/read-error.ts";
import { type AuditInput, type AuditOptions, type AuditResult, auditReport } from "./audit-report.ts";

/** A job sent to a worker. */
export interface AuditJobMessage {
  readonly id: number;
  readonly input: AuditInput;
  readonly options: AuditOptions;
}

/** A worker's answer: ready, a result, a reading refusal, or an internal failure. */
export type AuditWorkerMessage =
  | { readonly type: "ready" }
  | { readonly type: "result"; readonly id: number; readonly result: AuditResult }
  | { readonly type: "read-error"; readonly id: number; readonly code: string; readonly message: string }
  | { readonly type: "failure"; readonly id: number; readonly message: string };

/** Runs one job and describes its outcome. */
async function runJob(job: AuditJobMessage): Promise<AuditWorkerMessage> {
  try {
    return { type: "result", id: job.id, result: await auditReport(job.input, job.options) };
  } catch (error) {
    if (error instanceof ReadError) {
      return { type: "read-error", id: job.id, code: error.code, message: error.message };
    }
    return { type: "failure", id: job.id, message: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (job: AuditJobMessage) => {
    void runJob(job).then((answer) => port.postMessage(answer));
  });
  port.postMessage({ type: "ready" } satisfies AuditWorkerMessage);
}
