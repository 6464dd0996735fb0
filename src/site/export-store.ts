/**
 * The export folder on disk: files written atomically (temporary file + rename) and only when their bytes
 * changed, files of pages that no longer exist removed (with their emptied folders), and the download names
 * kept in `.gongkai/` for nginx's Content-Disposition map.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join, sep } from "node:path";

/** The export's own folder (never served: nginx refuses dot paths). */
export const META_DIR = ".gongkai";
/** The nginx map file of download names: `"/uri" "attachment; filename=…";` per line. */
export const DISPOSITION_MAP = `${META_DIR}/disposition.map`;
/** The download names as JSON (uri → Content-Disposition), read back by partial exports. */
const DISPOSITION_JSON = `${META_DIR}/disposition.json`;

/** The absolute path of a "/"-separated file relative to the root. */
function absolute(root: string, rel: string): string {
  return join(root, ...rel.split("/"));
}

/**
 * Writes `bytes` to `rel` unless the file already holds exactly them; true when written. `made` remembers the
 * folders already made in this pass.
 */
export async function writeIfChanged(
  root: string,
  rel: string,
  bytes: Uint8Array,
  made: Set<string> = new Set(),
): Promise<boolean> {
  const target = absolute(root, rel);
  const current = await readFile(target).catch(() => undefined);
  if (current?.equals(bytes)) return false;
  const folder = dirname(target);
  if (!current && !made.has(folder)) {
    await mkdir(folder, { recursive: true });
    made.add(folder);
  }
  const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
  return true;
}

/** Every file of the export ("/"-separated, relative), the export's own folder excluded. */
export async function listExportFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(root.length + 1)
        .split(sep)
        .join("/"),
    )
    .filter((rel) => !rel.startsWith(`${META_DIR}/`));
}

/** Removes a file and the folders it leaves empty (up to the root). */
export async function removeExportFile(root: string, rel: string): Promise<void> {
  await rm(absolute(root, rel), { force: true });
  let dir = dirname(absolute(root, rel));
  while (dir.length > root.length && dir.startsWith(root)) {
    if ((await readdir(dir).catch(() => ["?"])).length > 0) return;
    await rmdir(dir).catch(() => undefined);
    dir = dirname(dir);
  }
}

/** The download names recorded by earlier exports. */
export async function readDispositions(root: string): Promise<Map<string, string>> {
  const text = await readFile(absolute(root, DISPOSITION_JSON), "utf8").catch(() => "{}");
  return new Map(Object.entries(JSON.parse(text) as Record<string, string>));
}

/** An nginx quoted string ("$" would start a variable there; in the ASCII stand-in name it becomes "_"). */
function nginxString(value: string): string {
  return `"${value.replace(/\$/g, "_").replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Writes the download names (JSON and nginx map); returns how many files changed. */
export async function writeDispositions(root: string, dispositions: Map<string, string>): Promise<number> {
  const sorted = [...dispositions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const json = `${JSON.stringify(Object.fromEntries(sorted), null, 1)}\n`;
  const map = sorted.map(([uri, value]) => `${nginxString(uri)} ${nginxString(value)};\n`).join("");
  let written = 0;
  if (await writeIfChanged(root, DISPOSITION_JSON, Buffer.from(json))) written++;
  if (await writeIfChanged(root, DISPOSITION_MAP, Buffer.from(map))) written++;
  return written;
}
