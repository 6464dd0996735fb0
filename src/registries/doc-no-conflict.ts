/**
 * The translation of a lost 文号 uniqueness race at the database into the registries' 409 DUPLICATE_DOC_NO.
 */
import { registryError } from "../core/registry/registry-errors.ts";

/** Whether a database error is a uniqueness violation of the named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (code !== "23505" && code !== "SQLITE_CONSTRAINT_UNIQUE") return false;
  const where = `${typeof e?.constraint === "string" ? e.constraint : ""} ${String(e?.message ?? "")}`;
  return where.includes(constraint) || where.includes("doc_no");
}

/** Runs a write, turning a 文号 uniqueness race lost at the database (constraint `constraint`) into 409 DUPLICATE_DOC_NO. */
export async function uniqueDocNo<T>(constraint: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw registryError("DUPLICATE_DOC_NO");
    throw error;
  }
}
