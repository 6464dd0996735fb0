/**
 * What an import's answer says to the person who sent the file: how many rows came in, or — when the
 * server refused the file — every rejected row with its row number, column and reason (nothing imported).
 */
import type { ImportProblem } from "../api/report-types.ts";

/** The outcome of an import, as the page shows it. */
export type ImportOutcome =
  | { readonly kind: "imported"; readonly message: string }
  | { readonly kind: "rejected"; readonly message: string; readonly problems: readonly ImportProblem[] }
  | { readonly kind: "failed"; readonly message: string };

/** The outcome of a successful answer. */
export function importedOutcome(answer: { readonly imported: number }): ImportOutcome {
  return { kind: "imported", message: `已导入 ${answer.imported} 条行政决定` };
}

/** The outcome of a refusal: the rejected rows (sorted by row) when the server listed them. */
export function refusedOutcome(message: string, body: unknown): ImportOutcome {
  const problems = (body as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return { kind: "failed", message };
  const rows = (problems as ImportProblem[])
    .map((p) => ({ row: Number(p.row), column: p.column ?? null, message: String(p.message) }))
    .sort((a, b) => a.row - b.row);
  const distinct = new Set(rows.map((p) => p.row)).size;
  return {
    kind: "rejected",
    message: `文件中有 ${distinct} 行不符合要求，全部未导入。请按下表改正后重新导入（行号含表头，第 1 行为表头）。`,
    problems: rows,
  };
}
