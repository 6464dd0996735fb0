/**
 * Accessibility of what the public and a signed-out person see: axe-core finds no serious or critical
 * violation on the public pages (portal home, every column of an agency's 政府信息公开, the 年报体检 form) and
 * on the back office's login page, in normal and large-text (适老化) mode.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./e2e-server.ts";

/** The serious and critical violations axe finds on the page, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the public pages have no serious or critical axe violation", async ({ page, e2eServer }) => {
  const police = await e2eServer.agency("示范市公安局");
  const government = await e2eServer.agency("示范市人民政府");
  const paths = [
    "/",
    `/agencies/${government.id}/disclosure`,
    `/agencies/${police.id}/disclosure`,
    `/agencies/${police.id}/disclosure/guide`,
    `/agencies/${police.id}/disclosure/rules`,
    `/agencies/${police.id}/disclosure/proactive`,
    `/agencies/${police.id}/disclosure/annual-reports`,
    "/tools/report-audit",
    "/agencies/999999/disclosure",
  ];
  for (const path of paths) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("the public pages in large-text mode have no serious or critical axe violation", async ({
  page,
  e2eServer,
}) => {
  const police = await e2eServer.agency("示范市公安局");
  for (const path of ["/?size=large", `/agencies/${police.id}/disclosure/guide?size=large`]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("the login page has no serious or critical axe violation", async ({ page }) => {
  await page.goto("/admin/");
  await page.getByLabel("用户名").waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  // With an error shown too.
  await page.getByLabel("用户名").fill("nobody");
  await page.getByLabel("密码").fill("wrong-password-1");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByRole("alert").first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});
