/**
 * The daily monitors in the browser: an office head registers a 微博 account for the agency, sees N-1
 * (rules.md §6, no post for 2 weeks) flag it on 监测预警 while N-2 stays 正常, marks its 留言/评论 function
 * as not working on 政务新媒体, and sees N-2 turn to 单项否决 naming the account; the page passes axe.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { createE2eUser, expect, signInPage, test } from "./e2e-server.ts";

const ACCOUNT = "示范市财政局政务微博";

/** The row of a rule in today's monitor table. */
function ruleRow(page: Page, rule: string): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("cell", { name: new RegExp(`^${rule} `) }) });
}

test("N-1 N-2 a new-media account without posts, then without a working comment function, is flagged on 监测预警", async ({
  page,
  e2eServer,
}, testInfo) => {
  const finance = await e2eServer.agency("示范市财政局");
  const head = await createE2eUser(e2eServer, {
    username: "jiance-head",
    roles: [{ agency: "示范市财政局", role: "office_head" }],
  });
  await signInPage(page, head);

  // Register the account on 政务新媒体.
  await page.goto(`/admin/channels?agencyId=${finance.id}`);
  await page.getByRole("button", { name: "登记账号" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("类型").click();
  await page.getByTitle("微博", { exact: true }).click();
  await dialog.getByLabel("账号名称").fill(ACCOUNT);
  await dialog.getByLabel(/账号（/).fill("https://weibo.com/example-finance");
  await dialog.getByRole("button", { name: /确\s*定|保\s*存/ }).click();
  await expect(page.getByRole("cell", { name: ACCOUNT })).toBeVisible();

  // 监测预警: the account has never posted (N-1), its comment function is taken as working (N-2).
  await page.getByRole("menuitem", { name: /监测预警/ }).click();
  await expect(ruleRow(page, "N-1").getByText("单项否决", { exact: true })).toBeVisible();
  await expect(ruleRow(page, "N-1")).toContainText(ACCOUNT);
  await expect(ruleRow(page, "N-2").getByText("正常", { exact: true })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`,
      ),
  ).toEqual([]);

  // The office finds its comments closed and records it.
  await page.getByRole("menuitem", { name: /政务新媒体/ }).click();
  await page
    .getByRole("row", { name: new RegExp(ACCOUNT) })
    .getByRole("button", { name: "修改" })
    .click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "留言/评论/私信功能可用" }).uncheck();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /确\s*定|保\s*存/ })
    .click();
  await expect(page.getByRole("row", { name: new RegExp(ACCOUNT) })).toContainText("不可用");

  // N-2 now names the account.
  await page.getByRole("menuitem", { name: /监测预警/ }).click();
  await expect(ruleRow(page, "N-2").getByText("单项否决", { exact: true })).toBeVisible();
  await expect(ruleRow(page, "N-2")).toContainText(ACCOUNT);
  await page.screenshot({ path: testInfo.outputPath("monitors.png"), fullPage: true });
});
