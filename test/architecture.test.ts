/**
 * The map of the house is enforced: every folder row of docs/ARCHITECTURE.md says which folders its code may
 * import, and this test reads the imports of every source file (tests and test support excluded) and fails on
 * any import its row does not allow, on any import cycle between folders, and on a source folder the map
 * does not name.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** One row of the map: a folder and the folders it may import ("*" for a composition root). */
interface MapRow {
  readonly folder: string;
  readonly mayImport: readonly string[] | "*";
}

/** The rows of the map: the first column's backticked folders, the last column's backticked folders. */
function readMap(): MapRow[] {
  const text = readFileSync(join(ROOT, "docs/ARCHITECTURE.md"), "utf8");
  const rows: MapRow[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("| `")) continue;
    const cells = line.split("|").map((c) => c.trim());
    const first = cells[1] ?? "";
    const last = cells[cells.length - 2] ?? "";
    const folders = [...first.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? "").replace(/\/$/, ""));
    const allowed =
      last === "*" ? "*" : [...last.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? "").replace(/\/$/, ""));
    for (const folder of folders) rows.push({ folder, mayImport: allowed });
  }
  return rows;
}

/** Every source file (not a test, not test support) under a folder, relative to the root. */
function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test(-support|-helper)?\.tsx?$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  walk(folder);
  return found;
}

/** The row a path belongs to: the longest folder of the map that contains it. */
function rowOf(rows: readonly MapRow[], path: string): MapRow | undefined {
  let best: MapRow | undefined;
  for (const row of rows) {
    if (
      (path === row.folder || path.startsWith(`${row.folder}/`)) &&
      row.folder.length > (best?.folder.length ?? -1)
    ) {
      best = row;
    }
  }
  return best;
}

/** Whether a path lies in a folder. */
function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** The relative imports (static, dynamic and `export … from`) of a file, resolved to root-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const targets: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)"(\.{1,2}\/[^"]+)"/g)) {
    targets.push(relative(ROOT, normalize(join(ROOT, dirname(file), match[1] ?? ""))));
  }
  return targets;
}

const rows = readMap();
const files = [...sourceFiles("src"), ...sourceFiles("admin/src")];

describe("docs/ARCHITECTURE.md's map", () => {
  it("names the folder of every source file", () => {
    const unmapped = files.filter((file) => rowOf(rows, file) === undefined);
    expect(unmapped).toEqual([]);
  });

  it("allows every import a source file makes (its row's 'may import')", () => {
    const refused: string[] = [];
    for (const file of files) {
      const row = rowOf(rows, file);
      if (!row || row.mayImport === "*") continue;
      for (const target of importsOf(file)) {
        const targetRow = rowOf(rows, target);
        if (targetRow === row) continue;
        if (row.mayImport.some((folder) => within(target, folder))) continue;
        refused.push(`${file} → ${target}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("has no import cycle between folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const file of files) {
      const from = rowOf(rows, file)?.folder;
      if (!from) continue;
      for (const target of importsOf(file)) {
        const to = rowOf(rows, target)?.folder;
        if (!to || to === from) continue;
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)?.add(to);
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
        return;
      }
      state.set(node, "open");
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const node of edges.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
