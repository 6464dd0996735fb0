#!/usr/bin/env node
// Entry point of the gongkai CLI. It runs the compiled JavaScript in dist/ (`npm run build`, which `npm ci`
// and `npm install` run through `prepare`), so nothing is transpiled when the installed product runs.
// In a checkout whose sources are newer than dist/ (a developer editing, or a `git pull` without a build)
// it runs the sources through tsx instead and says so on stderr, so an edit always takes effect and no
// stale build is ever run; where tsx is not installed it asks for `npm run build` and exits with status 1.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// React and other libraries run their production builds unless told otherwise (the development build
// renders the public pages about 1.7 times slower).
process.env.NODE_ENV ??= "production";

const root = fileURLToPath(new URL("..", import.meta.url));
const compiled = new URL("../dist/cli/main.js", import.meta.url);
const sources = fileURLToPath(new URL("../src", import.meta.url));

/** The latest modification time (ms) of the compiled sources under dir: .ts, .tsx and .mjs, tests left out. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(tsx?|mjs)$/.test(entry.name) && !entry.name.includes(".test")) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Whether dist/ holds a build at least as new as every source file (true when there are no sources). */
function buildIsCurrent() {
  const built = statSync(compiled, { throwIfNoEntry: false });
  if (!built) return false;
  return !existsSync(sources) || newestSource(sources) <= built.mtimeMs;
}

let main;
if (buildIsCurrent()) {
  ({ main } = await import(compiled.href));
} else {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write(
      `错误：${existsSync(compiled) ? "dist/ 中的编译结果比 src/ 中的源代码旧" : "尚未编译（缺少 dist/cli/main.js）"}。` +
        `请在 ${root} 运行 npm run build（npm ci / npm install 会自动编译）。\n`,
    );
    process.exit(1);
  }
  process.stderr.write(
    "提示：dist/ 中的编译结果缺失或比源代码旧，本次通过 tsx 直接运行源代码（启动较慢）；" +
      "运行 npm run build 重新编译后即直接运行编译结果。\n",
  );
  register();
  ({ main } = await import(new URL("../src/cli/main.ts", import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
