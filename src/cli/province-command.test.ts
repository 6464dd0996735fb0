import { describe, expect, it } from "vitest";
import type { CommandIo } from "./command-io.ts";
import { main } from "./main.ts";

/** Runs the CLI capturing its output. */
async function run(args: readonly string[]) {
  let out = "";
  let err = "";
  const io: CommandIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    progress: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe("gongkai demo province (arguments)", () => {
  it("prints its Chinese usage on --help (exit 0), naming --force and what it refuses", async () => {
    const help = await run(["demo", "province", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("--agencies");
    expect(help.out).toContain("--force");
    expect(help.out).toContain("拒绝");
    expect((await run(["demo", "--help"])).code).toBe(0);
  });

  it("refuses a missing or bad --agencies, bad --years, an unfinished year and an unknown option (exit 2)", async () => {
    const lastClosed = new Date().getUTCFullYear() - 1;
    for (const args of [
      ["demo", "province"],
      ["demo", "province", "--agencies", "0"],
      ["demo", "province", "--agencies", "ten"],
      ["demo", "province", "--agencies", "5", "--years", "2025"],
      ["demo", "province", "--agencies", "5", "--years", `2021-${lastClosed + 1}`],
      ["demo", "province", "--agencies", "5", "--seed", "-1"],
      ["demo", "province", "--agencies", "5", "--bogus"],
      ["demo", "city"],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.err, args.join(" ")).toContain("用法：gongkai demo province");
    }
  });
});
