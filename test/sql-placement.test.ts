/**
 * SQL only in `*.repository.ts` (issue #14.4): no other source file under src/ (src/db and the tests aside)
 * builds a Kysely query or a raw `sql` fragment. Services, routes and the pure core reach the database only
 * through a repository.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** The Kysely query builders and raw-SQL tags a non-repository file must not use. */
const QUERY_BUILDER =
  /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(|\bsql\s*(<[^>]*>)?\s*`|\bsql\.(raw|ref|lit|id|join|table|val)\s*\(/;

/** The query builders used in `text`, one "line: code" per line that uses one. */
function queryBuilderLines(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => QUERY_BUILDER.test(line) && !/^\s*(\/\/|\*)/.test(line))
    .map(({ line, n }) => `${n}: ${line.trim()}`);
}

/** Whether a file under src/ is allowed SQL: repositories, the database layer, and tests with their support. */
function mayHoldSql(path: string): boolean {
  return (
    path.startsWith("src/db/") ||
    path.endsWith(".repository.ts") ||
    /\.test\.tsx?$/.test(path) ||
    /\.test-(support|helper)\.tsx?$/.test(path)
  );
}

/** Every .ts/.tsx file under a folder, as paths relative to the repository root. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).replaceAll("\\", "/"))
    .sort();
}

describe("SQL placement", () => {
  it("the check sees every kind of query builder and raw SQL, and not the words in prose", () => {
    const found = queryBuilderLines(
      [
        'const a = await db.selectFrom("requests").selectAll().execute();',
        'await trx\n  .insertInto("letters")',
        'await trx.updateTable("settings").set({ value }).execute();',
        'await trx.deleteFrom("x").execute();',
        'await db.replaceInto("x").values(v).execute();',
        "await sql`select pg_advisory_xact_lock(1)`.execute(trx);",
        "const n = sql<number>`count(*)`;",
        'const t = sql.ref("a.b");',
        "// the repository uses selectFrom(…) here",
        " * calls trx.updateTable( in the repository",
        "const text = `the sql of it`;",
      ].join("\n"),
    );
    expect(found).toEqual([
      '1: const a = await db.selectFrom("requests").selectAll().execute();',
      '3: .insertInto("letters")',
      '4: await trx.updateTable("settings").set({ value }).execute();',
      '5: await trx.deleteFrom("x").execute();',
      '6: await db.replaceInto("x").values(v).execute();',
      "7: await sql`select pg_advisory_xact_lock(1)`.execute(trx);",
      "8: const n = sql<number>`count(*)`;",
      '9: const t = sql.ref("a.b");',
    ]);
  });

  it("no source file under src/ outside *.repository.ts, src/db and the tests builds SQL", () => {
    const files = sourceFiles("src").filter((path) => !mayHoldSql(path));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((path) =>
      queryBuilderLines(readFileSync(join(ROOT, path), "utf8")).map((line) => `${path}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
