/**
 * Auditing a published annual report: read the file in whatever format it is, rebuild the model, and run
 * every check (C-1 … C-12) on it, optionally against last year's report.
 */
import { runChecks } from "../core/checks/run-checks.ts";
import { type Interpretation, interpretReport } from "../core/report/report-interpreter.ts";
import type { AnnualReport } from "../core/report/report-model.ts";
import { ReadError } from "../readers/read-error.ts";
import { readSource } from "../readers/read-source.ts";

/** A file to audit: its bytes and its name (the name helps detect the format and names the findings). */
export interface AuditInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

/** Options of an audit: last year's report (C-7, C-8) and the publication date (C-12) when known. */
export interface AuditOptions {
  readonly previous?: AuditInput;
  readonly publishedOn?: string;
}

/** The audited report (its findings included) and where each of its numbers was read. */
export interface AuditResult {
  readonly fileName: string;
  readonly report: AnnualReport;
  readonly locations: Readonly<Record<string, string>>;
  /** The year read from the previous report when one was given (null when it names none). */
  readonly previousYear?: number | null;
}

/** Reads a file into the model without checking it; throws ReadError when it is no annual report. */
export async function readReport(input: AuditInput): Promise<Interpretation> {
  const source = await readSource(input.bytes, input.fileName);
  const interpretation = interpretReport(source);
  if (!interpretation.recognised) {
    throw new ReadError(
      "NOT_A_REPORT",
      `${input.fileName} 不是政府信息公开工作年度报告：没有找到年报标题、六个部分的标题或表二、表三`,
    );
  }
  return interpretation;
}

/** Reads and checks one report. */
export async function auditReport(input: AuditInput, options: AuditOptions = {}): Promise<AuditResult> {
  const read = await readReport(input);
  const previous = options.previous ? (await readReport(options.previous)).report : undefined;
  const publishedOn = options.publishedOn ?? read.publishedOn;
  const findings = runChecks(read.report, {
    ...(previous ? { previous } : {}),
    ...(publishedOn ? { publishedOn } : {}),
    locations: read.locations,
  });
  return {
    fileName: input.fileName,
    report: { ...read.report, findings: [...read.report.findings, ...findings] },
    locations: read.locations,
    ...(previous ? { previousYear: previous.year } : {}),
  };
}
