import { describe, expect, it } from "vitest";
import { startScheduledJob } from "./scheduled-job.ts";

describe("a scheduled job", () => {
  it("runs at start and on demand one run at a time, logs a failed run and goes on", async () => {
    const lines: string[] = [];
    let running = 0;
    let most = 0;
    let calls = 0;
    const job = startScheduledJob({
      label: "测试任务",
      envName: "TEST_CRON",
      pattern: "0 0 1 1 *",
      log: (t) => lines.push(t),
      work: async () => {
        calls += 1;
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (calls === 2) throw new Error("数据库不可用");
        return calls;
      },
      startedMessage: "测试任务已启用\n",
    });
    const [second, third] = await Promise.all([job.runNow(), job.runNow()]);
    await job.idle();
    expect(job.enabled).toBe(true);
    expect([second, third]).toEqual([null, 3]);
    expect(most).toBe(1);
    expect(lines).toEqual(["测试任务已启用\n", "测试任务运行出错：数据库不可用\n"]);
    await job.stop();
    expect(await job.runNow()).toBeNull();
  });

  it("stays off with an invalid schedule, naming the variable, and releases what it holds", async () => {
    const lines: string[] = [];
    let released = 0;
    const job = startScheduledJob({
      label: "测试任务",
      envName: "TEST_CRON",
      pattern: "每天早上",
      log: (t) => lines.push(t),
      work: async () => 1,
      release: () => {
        released += 1;
      },
    });
    expect(job.enabled).toBe(false);
    expect(await job.runNow()).toBeNull();
    expect(released).toBe(1);
    expect(lines[0]).toMatch(/^测试任务未启用：TEST_CRON“每天早上”无效/);
  });
});
