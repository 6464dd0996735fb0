import { execFileSync } from "node:child_process";
import { configDefaults, defineConfig } from "vitest/config";

// In CI a JSON report is written too, so .ci/run can print "N passed, N failed".
const jsonReport = process.env.VITEST_JSON_REPORT;

// Repository tests run on PostgreSQL too when a server is there: CI sets GONGKAI_TEST_POSTGRES_URL; on a
// developer machine the local server (127.0.0.1:5432, user postgres) is used when it answers.
if (!process.env.GONGKAI_TEST_POSTGRES_URL) {
  try {
    execFileSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-t", "2"], { stdio: "ignore" });
    process.env.GONGKAI_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";
  } catch {
    // No PostgreSQL here: repository tests run on SQLite only.
  }
}

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "admin/src/**/*.test.ts"],
    // Browser tests (test/e2e/*.e2e.ts) run under Playwright, never here.
    exclude: [...configDefaults.exclude, "test/e2e/**"],
    testTimeout: 30_000,
    // Set-up hooks sign many users in (argon2): on a loaded 2-core machine 10 s is not enough.
    hookTimeout: 60_000,
    // First run seeds the demo year only in the test that proves it (src/setup/demo-year.test.ts).
    env: { GONGKAI_DEMO_RECORDS: "0" },
    pool: "forks",
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
  },
});
