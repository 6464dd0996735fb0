import { describe, expect, it } from "vitest";
import type { CommandIo } from "./command-io.ts";
import { runDeadline } from "./deadline-command.ts";

/** Runs the command and collects what it writes. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CommandIo = { out: (t) => (out += t), err: (t) => (err += t), progress: false };
  const code = await runDeadline(args, io);
  return { code, out, err };
}

describe("gongkai deadline", () => {
  it("R-33-1 --received 2022-09-28 --json → due 2022-10-31", async () => {
    const { code, out } = await run(["--received", "2022-09-28", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { due: string; provisional: boolean; steps: { rule: string }[] };
    expect(json.due).toBe("2022-10-31");
    expect(json.provisional).toBe(false);
    expect(json.steps.map((s) => s.rule)).toEqual(["R-31-1", "R-33-1", "R-WD-4"]);
  });

  it("R-33-1 prints the due date and one explanation step per line in Chinese", async () => {
    const { code, out } = await run(["--received", "2022-09-28"]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe("答复期限：2022-10-31");
    expect(lines[1]).toMatch(/^ {2}\[R-31-1\] 2022-09-28 收到申请之日：2022-09-28。/);
    expect(lines).toHaveLength(4);
  });

  it("R-30-2 + R-33-5 + R-33-2 supplement restart, a pause and the extension", async () => {
    const { code, out } = await run([
      "--received",
      "2022-09-28",
      "--supplement-requested",
      "2022-10-10",
      "--supplement-received",
      "2022-10-20",
      "--pause",
      "2022-10-24..2022-10-28",
      "--pause",
      "2022-10-26..2022-11-01",
      "--extend",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { due: string; steps: { rule: string }[] };
    // restart 2022-10-20 → 2022-11-17; pauses (10-24, 11-01] = 6 working days → 2022-11-25; + 20 → 2022-12-23
    expect(json.due).toBe("2022-12-23");
    expect(json.steps.map((s) => s.rule)).toContain("R-33-2");
  });

  it("R-WD-3 a period reaching 2027 is printed as provisional", async () => {
    const { code, out } = await run(["--received", "2026-12-10"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("答复期限：2027-01-07（临时期限）");
  });

  it("R-30-1 bad arguments and refused events exit 2 with a Chinese message", async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining("缺少 --received") });
    expect(await run(["--received", "2022-9-28"])).toMatchObject({ code: 2 });
    expect(await run(["--received", "2022-09-28", "--bogus"])).toMatchObject({ code: 2 });
    const late = await run(["--received", "2022-09-28", "--supplement-requested", "2022-10-13"]);
    expect(late.code).toBe(2);
    expect(late.err).toContain("7 个工作日内");
    const bad = await run(["--received", "2022-09-28", "--pause", "2022-10-10"]);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining("--pause 应为") });
  });
});
