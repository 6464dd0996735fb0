/**
 * The back-office shell must be built for the browser tests: dist/admin is rebuilt (`npm run build:admin`)
 * when it is missing or older than any of its sources (admin/ and the src/core modules it imports).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPOSITORY_ROOT } from "../server-process.ts";

/** The built shell's entry page. */
const BUILT_INDEX = join(REPOSITORY_ROOT, "dist/admin/index.html");

/** What the shell is built from. */
const SOURCES = ["admin", "src/core", "package-lock.json"];

/** The newest modification time (ms) of a file or of any file under a folder. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when dist/admin is missing or older than one of its sources. */
export function adminBuildIsStale(): boolean {
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return SOURCES.some((source) => {
    const path = join(REPOSITORY_ROOT, source);
    return existsSync(path) && newestMtime(path) > built;
  });
}

/** Builds the shell when it is missing or stale (once per process). */
export function ensureAdminBuild(): void {
  if (ensured) return;
  if (adminBuildIsStale()) {
    process.stdout.write("构建后台界面（npm run build:admin）……\n");
    execFileSync("npm", ["run", "--silent", "build:admin"], { cwd: REPOSITORY_ROOT, stdio: "inherit" });
  }
  ensured = true;
}

let ensured = false;
