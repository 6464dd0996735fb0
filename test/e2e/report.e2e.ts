/**
 * The annual report in the browser, end to end: an office head imports a decisions spreadsheet for an
 * agency and year through 登记台账, sees table 二's licensing and penalty counts in the report workbench
 * follow (each count opening its decisions), makes a prose number wrong and sees C-9 (rules.md §6) appear,
 * restores the section to the template, publishes, and opens the public 年报 page and its PDF.
 */
import { writeFileSync } from "node:fs";
import { decisionXlsx, licenceRow, penaltyRow } from "../../src/registries/registry.test-support.ts";
import { createE2eUser, expect, signInPage, test } from "./e2e-server.ts";

test("C-9 a decisions import changes table 二, a wrong prose number is caught, and the report publishes", async ({
  page,
  e2eServer,
}, testInfo) => {
  const head = await createE2eUser(e2eServer, {
    username: "report-head",
    roles: [{ agency: "示范市财政局", role: "office_head" }],
  });
  const agencies = await e2eServer.api.call<{ agencies: { id: number; name: string }[] }>(
    "GET",
    "/api/agencies",
  );
  const agency = agencies.body.agencies.find((a) => a.name === "示范市财政局");
  if (!agency) throw new Error("示范市财政局 is not seeded");
  const shot = async (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  await signInPage(page, head);

  // Before the import: no licensing or penalty decision in 2022.
  await page.goto(`/admin/reports?agencyId=${agency.id}&year=2022`);
  const licensing = page.locator('td[data-path="proactive.licensing"]');
  const penalty = page.locator('td[data-path="proactive.penalty"]');
  await expect(licensing).toHaveText("0");
  await expect(penalty).toHaveText("0");

  // A sheet with a bad row is refused whole, the row named by its number.
  const bad = testInfo.outputPath("bad-decisions.xlsx");
  writeFileSync(
    bad,
    await decisionXlsx([licenceRow(1), { ...licenceRow(2), partyCreditCode: "91110000000000000X" }]),
  );
  await page.goto(`/admin/registries?tab=decisions&agencyId=${agency.id}&year=2022`);
  await page.locator('input[type="file"]').setInputFiles(bad);
  await expect(page.getByText(/行不符合要求，全部未导入/)).toBeVisible();
  await expect(page.locator(".import-problems").getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await shot("registries-import-rejected");

  // Import two licences and a penalty through the registries page.
  const file = testInfo.outputPath("decisions.xlsx");
  writeFileSync(file, await decisionXlsx([licenceRow(1), licenceRow(2), penaltyRow(3)]));
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByText("已导入 3 条行政决定")).toBeVisible();
  await expect(page.getByRole("cell", { name: "示公许〔2022〕1号" })).toBeVisible();
  await shot("registries-decisions");

  // The workbench's table 二 follows, and a count opens the decisions behind it.
  await page.goto(`/admin/reports?agencyId=${agency.id}&year=2022`);
  await expect(licensing).toHaveText("2");
  await expect(penalty).toHaveText("1");
  await licensing.getByRole("button").click();
  await expect(page.getByRole("link", { name: /示公许〔2022〕2号/ })).toBeVisible();
  await page.keyboard.press("Escape");

  // Section 一 states the licences; a wrong number there is C-9.
  const prose = page.getByLabel("第一部分正文");
  await expect(prose).toContainText("行政许可决定2件");
  const text = await prose.inputValue();
  await prose.fill(text.replace("行政许可决定2件", "行政许可决定9件"));
  const findings = page.getByRole("complementary", { name: "校验与发布" });
  await expect(findings.getByText("C-9", { exact: true })).toBeVisible();
  await expect(page.getByText("已人工编辑")).toBeVisible();
  await shot("workbench-c9");

  // 恢复为模板生成: the section is drafted from the records again and C-9 is gone.
  await page.getByRole("button", { name: "恢复为模板生成" }).click();
  await page
    .getByRole("button", { name: "恢 复" })
    .or(page.getByRole("button", { name: "恢复", exact: true }))
    .click();
  await expect(prose).toContainText("行政许可决定2件");
  await expect(findings.getByText("C-9", { exact: true })).toHaveCount(0);

  // Publish, and the version is listed with its files.
  await findings.getByRole("button", { name: /发\s*布/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认发布" }).click();
  // Publishing rebuilds the report and renders its four files, then the workbench loads it again: on a
  // loaded machine that takes longer than a click's answer, so this step gets more time.
  await expect(page.getByRole("dialog")).toBeHidden({ timeout: 45_000 });
  await expect(page.getByText("第 1 版 ·")).toBeVisible({ timeout: 45_000 });
  await shot("workbench-published");

  // The public 年报 page shows the report, and its PDF downloads.
  await page.goto(`/agencies/${agency.id}/disclosure/annual-reports/2022`);
  await expect(page.locator("body")).toContainText("2022");
  const pdfLink = page.getByRole("link", { name: "PDF 文件" });
  const href = await pdfLink.getAttribute("href");
  expect(href).not.toBeNull();
  const pdf = await page.request.get(href ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
