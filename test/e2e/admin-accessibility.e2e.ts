/**
 * Accessibility of the back office: every page of the menu, opened by an office head of the bureau (who
 * reaches all of them but the administrator's), has no serious or critical axe violation — the office
 * staff live in these pages all day, some with weak eyesight.
 */
import AxeBuilder from "@axe-core/playwright";
import { createE2eUser, expect, signInPage, test } from "./e2e-server.ts";

const PAGES = [
  "/requests",
  "/intake",
  "/statistics",
  "/annual-table",
  "/ledger",
  "/publications",
  "/columns",
  "/channels",
  "/messages",
  "/registries",
  "/litigation",
  "/reports",
  "/report-overview",
  "/monitors",
  "/account",
];

test("the back-office pages have no serious or critical axe violation", async ({ page, e2eServer }) => {
  test.slow();
  const head = await createE2eUser(e2eServer, {
    username: "a11y-head",
    roles: [{ agency: "示范市公安局", role: "office_head" }],
  });
  await signInPage(page, head);
  const found: string[] = [];
  for (const path of PAGES) {
    await page.goto(`/admin${path}`);
    await expect(page.getByRole("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    for (const v of results.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      found.push(`${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  expect(found).toEqual([]);
});
