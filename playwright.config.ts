/**
 * Browser tests (test/e2e/*.e2e.ts) with Debian's Chromium (/usr/bin/chromium; never a downloaded browser),
 * one worker against the real server started by the fixture in test/e2e/e2e-server.ts. When
 * PLAYWRIGHT_JSON_REPORT names a file, a JSON report is written there too (.ci/run counts it).
 */
import { defineConfig } from "@playwright/test";

const jsonReport = process.env.PLAYWRIGHT_JSON_REPORT;

export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.e2e.ts",
  outputDir: "tmp/e2e-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: jsonReport ? [["list"], ["json", { outputFile: jsonReport }]] : [["list"]],
  use: {
    browserName: "chromium",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
