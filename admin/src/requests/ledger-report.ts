/**
 * Reading the server's report of a ledger import: how many rows were imported, or the rejected rows with
 * their reasons (an import is all or nothing: one bad row and nothing is imported).
 */
import type { LedgerRejectedRow } from "../api/request-types.ts";

/** What an import answer says, in the shell's terms. */
export interface LedgerOutcome {
  readonly imported: number | null;
  readonly rejected: readonly LedgerRejectedRow[];
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** One rejected row from `{ row, reasons: [...] }`, `{ row, reason }` or `{ rowNumber, message }`. */
function rejectedRow(value: unknown): LedgerRejectedRow | null {
  const item = asRecord(value);
  if (!item) return null;
  const row = Number(item.row ?? item.rowNumber ?? item.line);
  if (!Number.isInteger(row)) return null;
  const many = Array.isArray(item.reasons)
    ? item.reasons.filter((r): r is string => typeof r === "string")
    : [];
  const one = [item.reason, item.message].filter((r): r is string => typeof r === "string" && r !== "");
  return { row, reasons: many.length > 0 ? many : one };
}

/** The outcome of an import answer (accepted or refused). */
export function ledgerOutcome(body: unknown): LedgerOutcome {
  const record = asRecord(body) ?? {};
  const list = record.rejected ?? record.rejectedRows ?? record.errors ?? record.rows;
  const rejected = (Array.isArray(list) ? list : [])
    .map(rejectedRow)
    .filter((r): r is LedgerRejectedRow => r !== null && r.reasons.length > 0)
    .sort((a, b) => a.row - b.row);
  const count = record.imported ?? record.importedCount ?? record.created;
  return { imported: typeof count === "number" ? count : null, rejected };
}
