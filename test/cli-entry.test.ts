/**
 * bin/gongkai.js chooses what it runs: the compiled dist/ when it is at least as new as every source file,
 * else the sources through tsx with a Chinese notice, else (no tsx installed) a Chinese request to run
 * `npm run build`. Each case runs the real bin file, copied into a small repository layout whose main
 * modules say which one ran.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "..");
const BUILT = new Date("2026-01-02T00:00:00Z");
const EARLIER = new Date("2026-01-01T00:00:00Z");
const LATER = new Date("2026-01-03T00:00:00Z");

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A layout with bin/gongkai.js, src/cli/main.ts (TypeScript) and, unless `built` is false, dist/cli/main.js. */
function layout(parent: string, built: boolean): string {
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, "cli-entry-"));
  folders.push(root);
  for (const dir of ["bin", "src/cli", "dist/cli"]) mkdirSync(join(root, dir), { recursive: true });
  copyFileSync(join(REPOSITORY_ROOT, "bin/gongkai.js"), join(root, "bin/gongkai.js"));
  writeFileSync(
    join(root, "src/cli/main.ts"),
    'export async function main(argv: readonly string[]): Promise<number> {\n  process.stdout.write("sources " + argv.join(" "));\n  return 3;\n}\n',
  );
  utimesSync(join(root, "src/cli/main.ts"), EARLIER, EARLIER);
  if (built) {
    writeFileSync(
      join(root, "dist/cli/main.js"),
      'export async function main(argv) {\n  process.stdout.write("dist " + argv.join(" "));\n  return 4;\n}\n',
    );
    utimesSync(join(root, "dist/cli/main.js"), BUILT, BUILT);
  }
  return root;
}

/** Runs `node bin/gongkai.js deadline` in the layout: exit status, stdout and stderr. */
function runBin(root: string): Promise<{ status: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, "bin/gongkai.js"), "deadline"], (error, out, err) =>
      done({ status: error ? Number(error.code) : 0, out, err }),
    );
  });
}

/** Writes a source file modified at `when`. */
function touchSource(root: string, path: string, when: Date): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), "export {};\n");
  utimesSync(join(root, path), when, when);
}

// Inside the repository's tmp/ folder tsx resolves from its node_modules, as in a development checkout.
const CHECKOUT = join(REPOSITORY_ROOT, "tmp");

describe("bin/gongkai.js", () => {
  it("runs the compiled dist/ when it is at least as new as every source file, test files aside", async () => {
    const root = layout(CHECKOUT, true);
    touchSource(root, "src/core/rule.ts", EARLIER);
    touchSource(root, "src/core/rule.test.ts", LATER);
    expect(await runBin(root)).toEqual({ status: 4, out: "dist deadline", err: "" });
  });

  it("runs the sources through tsx, saying so, when a source file is newer than dist/", async () => {
    const root = layout(CHECKOUT, true);
    touchSource(root, "src/core/deep/rule.tsx", LATER);
    const run = await runBin(root);
    expect(run.status).toBe(3);
    expect(run.out).toBe("sources deadline");
    expect(run.err).toContain("本次通过 tsx 直接运行源代码");
    expect(run.err).toContain("npm run build");
  });

  it("runs the sources through tsx when dist/ was never built", async () => {
    const run = await runBin(layout(CHECKOUT, false));
    expect(run.status).toBe(3);
    expect(run.out).toBe("sources deadline");
  });

  it("asks for `npm run build` (exit 1) when dist/ is stale and tsx is not installed", async () => {
    const root = layout(tmpdir(), true);
    touchSource(root, "src/cli/other-command.ts", LATER);
    const run = await runBin(root);
    expect(run.status).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).toContain("错误：dist/ 中的编译结果比 src/ 中的源代码旧");
    expect(run.err).toContain(`请在 ${root}/ 运行 npm run build`);
  });

  it("asks for `npm run build` (exit 1) when dist/ is missing and tsx is not installed", async () => {
    const run = await runBin(layout(tmpdir(), false));
    expect(run.status).toBe(1);
    expect(run.err).toContain("错误：尚未编译（缺少 dist/cli/main.js）");
  });
});
