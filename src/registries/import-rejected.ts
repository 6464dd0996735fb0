/**
 * The refusal of a register import: every problem of every bad row, so that the caller can show them all.
 */
import type { FieldProblem } from "../core/registry/sheet-check.ts";

/** The refusal of an import: the problems of every bad row. */
export class ImportRejected extends Error {
  /** Every problem, row by row. */
  readonly problems: readonly FieldProblem[];

  /** Make the refusal of a file. */
  constructor(problems: readonly FieldProblem[]) {
    super(`${problems.length} 处问题`);
    this.name = "ImportRejected";
    this.problems = problems;
  }
}
