/**
 * A disclosure request's whole life in a real browser: a citizen files online with JavaScript off (a
 * natural person with an identity document) and keeps the tracking number and code; in the back office the
 * 承办人 confirms receipt (R-31-4), requests a supplement (R-30-1), records it received (R-30-2), consults a
 * third party and records the answer (R-32-1, R-33-5), proposes an extension that the 公开办负责人 approves
 * (R-33-2), and closes with O-2 部分公开; the 答复书 is drafted, issued and downloaded as DOCX and PDF; the
 * citizen's status page (JavaScript off) shows every step and the letter; 年度表三 counts the case in
 * 三（二） and its drill-down lists it.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Download, Locator, Page } from "@playwright/test";
import JSZip from "jszip";
import { createE2eUser, expect, signInPage, test } from "./e2e-server.ts";

const AGENCY = "示范市公安局";
const APPLICANT = "陈晓梅";
const SUPPLEMENT_ITEMS = "请写明所需起草说明的文件全称或文号。";
const THIRD_PARTY = "示范市顺达停车服务有限公司";
const DESCRIPTION = "2025 年本局办理的道路交通事故统计数据，以及《示范市机动车停车管理办法》的起草说明。";

/** A minimal one-page PDF, as a scanned identity document would be uploaded. */
function identityPdf(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 120]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  );
}

/** A page of a browser context with JavaScript off. */
async function pageWithoutJs(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "zh-CN" });
  return context.newPage();
}

/** Pick an option of a searchable antd select opened by clicking `trigger`: type its text, take the match. */
async function choose(page: Page, trigger: Locator, option: string): Promise<void> {
  await trigger.click();
  await page.keyboard.type(option);
  await page.locator(".ant-select-item-option-active:visible").first().waitFor();
  await page.keyboard.press("Enter");
}

/** The case timeline's entries named `event` (the event's Chinese name). */
function timelineEntries(page: Page, event: string): Locator {
  return page.locator(".timeline-entry strong").getByText(event, { exact: true });
}

/** Open an action's dialog on the case page, fill it, save it, and wait for the timeline to log `event`. */
async function act(
  page: Page,
  button: string,
  event: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
  await expect(dialog).toBeHidden();
  await expect(timelineEntries(page, event)).toHaveCount(1);
}

/** The bytes of a download. */
async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** The text of a DOCX's main document, tags removed (a name may be split across runs). */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("the DOCX has no word/document.xml");
  return xml.replace(/<[^>]+>/g, "");
}

/** Today's calendar year in Asia/Shanghai. */
function shanghaiYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

test("R-31-4 R-30 R-32 R-33-2 an online request passes 补正, 征求意见 and an approved 延期 to O-2 部分公开 with its 答复书, shown on the status page and counted in 表三（二）", async ({
  page,
  browser,
  e2eServer,
}) => {
  // Two officers and a citizen, each in turn, on a busy machine.
  test.slow();
  const police = await e2eServer.agency(AGENCY);
  const officer = await createE2eUser(e2eServer, {
    username: "chengban-zhou",
    displayName: "周承办",
    roles: [{ agency: AGENCY, role: "case_officer" }],
  });
  const head = await createE2eUser(e2eServer, {
    username: "gongkaiban-wu",
    displayName: "吴主任",
    roles: [{ agency: AGENCY, role: "office_head" }],
  });

  // 1. The citizen files online with JavaScript off and keeps the tracking number and code.
  const citizen = await pageWithoutJs(browser, e2eServer.url);
  await citizen.goto(`/agencies/${police.id}/disclosure/apply`);
  await citizen.getByLabel("自然人（公民个人）").check();
  await citizen.getByLabel("姓名").fill(APPLICANT);
  await citizen.getByLabel("身份证件类型").selectOption({ label: "居民身份证" });
  await citizen.getByLabel("身份证件号码").fill("11010519491231002X");
  await citizen.getByLabel("联系电话").fill("13800138000");
  await citizen.getByLabel("电子邮箱").fill("chenxiaomei@example.cn");
  await citizen.getByLabel("所需信息的描述").fill(DESCRIPTION);
  await citizen.getByRole("radio", { name: "电子", exact: true }).check();
  await citizen.getByRole("radio", { name: "在线查看", exact: true }).check();
  await citizen.getByLabel(/上传身份证明/).setInputFiles({
    name: "身份证.pdf",
    mimeType: "application/pdf",
    buffer: identityPdf(),
  });
  await citizen.getByRole("button", { name: "提交申请" }).click();
  await expect(citizen.getByRole("heading", { name: "申请已提交", level: 1 })).toBeVisible();
  const trackingNo = (await citizen.locator("#tracking-no").textContent())?.trim() ?? "";
  const code = (await citizen.locator("#verification-code").textContent())?.trim() ?? "";
  expect(trackingNo).toMatch(/^YSQ\d+$/);
  expect(code).toMatch(/^\d{6}$/);

  // 2. The 承办人 finds it in the worklist and takes it through its steps.
  await signInPage(page, officer);
  await page.getByRole("menuitem", { name: /依申请公开/ }).click();
  await page.getByRole("link", { name: trackingNo }).click();
  await expect(page.getByText(APPLICANT).first()).toBeVisible();
  // The identity document arrived with the request, as 身份证明, and downloads as the PDF uploaded.
  const identityLink = page.getByRole("link", { name: "身份证.pdf" });
  await expect(identityLink).toBeVisible();
  await expect(page.getByText(/身份证明 · /)).toBeVisible();
  const identity = await page.request.get(
    new URL((await identityLink.getAttribute("href")) ?? "", e2eServer.url).href,
  );
  expect(identity.status()).toBe(200);
  expect(Buffer.compare(await identity.body(), identityPdf())).toBe(0);
  await act(page, "确认收到申请", "双方确认");
  await act(page, "告知补正", "告知补正", async (dialog) => {
    const due = new Date(Date.now() + (8 + 15 * 24) * 3_600_000).toISOString().slice(0, 10);
    await dialog.getByLabel("补正期限").fill(due);
    await dialog.getByLabel("补正期限").press("Enter");
    await dialog.getByLabel("需要补正的事项").fill(SUPPLEMENT_ITEMS);
  });
  // The citizen's supplement arrives (by e-mail): the 承办人 files it as 补正材料 and records it received.
  await page.getByLabel("附件类别").click();
  await page.locator(".ant-select-item-option:visible", { hasText: "补正材料" }).click();
  await expect(page.locator(".attachment-upload .ant-select")).toContainText("补正材料");
  await page.locator(".attachment-upload input[type=file]").setInputFiles({
    name: "补正说明.pdf",
    mimeType: "application/pdf",
    buffer: identityPdf(),
  });
  await expect(page.getByRole("link", { name: "补正说明.pdf" })).toBeVisible();
  await expect(page.getByText(/补正材料 · /)).toBeVisible();
  await act(page, "收到补正", "收到补正");
  await act(page, "征求意见", "征求意见", async (dialog) => {
    await choose(page, dialog.getByLabel("征求对象"), "第三方");
    await dialog.getByLabel("对方名称").fill(THIRD_PARTY);
  });
  await act(page, "收到意见答复", "收到意见", async (dialog) => {
    await choose(page, dialog.getByLabel("对应的征求意见"), THIRD_PARTY);
  });
  await act(page, "申请延期答复", "提出延期", async (dialog) => {
    await dialog.getByLabel("延长工作日数").fill("15");
    await dialog.getByLabel("延期理由").fill("需调取历年档案并核对第三方意见。");
  });
  const caseUrl = page.url();

  // The 公开办负责人 approves the extension in a session of their own.
  const headContext = await browser.newContext({ baseURL: e2eServer.url, locale: "zh-CN" });
  const headPage = await headContext.newPage();
  await signInPage(headPage, head);
  await headPage.goto(caseUrl);
  await headPage.getByRole("button", { name: "批准延期", exact: true }).first().click();
  const approval = headPage.getByRole("dialog");
  await approval.waitFor();
  await approval.locator(".ant-modal-footer .ant-btn-primary").click();
  await expect(approval).toBeHidden();
  await expect(timelineEntries(headPage, "批准延期")).toHaveCount(1);
  await headContext.close();

  // The 承办人 closes with O-2 部分公开 and a reason.
  await page.reload();
  await expect(timelineEntries(page, "批准延期")).toHaveCount(1);
  await expect(page.locator(".deadline-panel").getByText("已延期")).toBeVisible();
  await act(page, "办结答复", "办结答复", async (dialog) => {
    await choose(page, dialog.getByLabel("办理结果"), "O-2 部分公开");
    await dialog.getByLabel("理由和依据").fill("起草说明属于过程性信息，不予公开；统计数据予以公开。");
  });

  // 3. The 答复书: drafted by the 承办人 from the template, issued (签发) by the 公开办负责人 — by default a letter
  // is signed by a head who did not draft it (SOD-2) — and downloaded as DOCX and PDF.
  await page.getByRole("button", { name: "按模板生成草稿" }).click();
  await expect(page.getByRole("button", { name: "签发", exact: true }).first()).toBeVisible();
  const signContext = await browser.newContext({ baseURL: e2eServer.url, locale: "zh-CN" });
  const signPage = await signContext.newPage();
  await signInPage(signPage, head);
  await signPage.goto(caseUrl);
  await signPage.getByRole("button", { name: "签发", exact: true }).first().click();
  await signPage.getByText("签发后文书即定稿").waitFor();
  await signPage.getByRole("button", { name: "确认签发" }).click();
  await expect(signPage.locator(".ant-tag", { hasText: "已签发" }).first()).toBeVisible();
  await signContext.close();
  await page.reload();
  const docxLink = page.getByRole("link", { name: "下载 DOCX" }).first();
  await expect(docxLink).toBeVisible();
  const [docx] = await Promise.all([page.waitForEvent("download"), docxLink.click()]);
  const docxBytes = await bytesOf(docx);
  expect(docxBytes.subarray(0, 2).toString("latin1")).toBe("PK");
  const letterText = await docxText(docxBytes);
  expect(letterText).toContain(APPLICANT);
  expect(letterText).toContain("答复");
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 PDF" }).first().click(),
  ]);
  expect((await bytesOf(pdf)).subarray(0, 4).toString("latin1")).toBe("%PDF");

  // 4. The citizen's status page, JavaScript off: every step and the issued letter with its downloads.
  await citizen.goto("/requests/status");
  await citizen.getByLabel("查询号").fill(trackingNo);
  await citizen.getByLabel("验证码").fill(code);
  await citizen.getByRole("button", { name: "查询" }).click();
  await expect(citizen.getByRole("heading", { name: "办理进度", level: 1 })).toBeVisible();
  const steps = citizen.locator("ol.steps");
  for (const step of [
    "工作机构与申请人确认申请",
    `告知补正：${SUPPLEMENT_ITEMS}`,
    "收到补正后的申请，答复期限自该日起重新计算",
    "征求第三方意见，所需时间不计算在答复期限内",
    "征求意见程序结束",
    "经批准延长答复期限 15 个工作日",
    "办结：部分公开",
  ]) {
    await expect(steps.locator("li", { hasText: step })).toHaveCount(1);
  }
  // Nothing about the consulted third party or the officers reaches the applicant.
  await expect(citizen.locator("main")).not.toContainText(THIRD_PARTY);
  await expect(citizen.locator("main")).not.toContainText(officer.displayName);
  await expect(citizen.locator(".status-name")).toContainText("办结");
  const letters = citizen.locator("ul.letters");
  await expect(letters.locator(".letter-title").first()).toContainText("答复");
  const wordLink = letters.getByRole("link", { name: /下载 Word 版/ }).first();
  const pdfLink = letters.getByRole("link", { name: /下载 PDF 版/ }).first();
  const publicDocx = await citizen.request.get((await wordLink.getAttribute("href")) ?? "");
  expect(publicDocx.status()).toBe(200);
  expect(await docxText(await publicDocx.body())).toContain(APPLICANT);
  const publicPdf = await citizen.request.get((await pdfLink.getAttribute("href")) ?? "");
  expect(publicPdf.status()).toBe(200);
  expect((await publicPdf.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");
  await citizen.context().close();

  // 5. 年度表三 of this year: 1 in （二）部分公开 for 自然人 and 总计, and the drill-down lists the case.
  const year = shanghaiYear();
  await page.goto(`/admin/annual-table?agencyId=${police.id}&year=${year}`);
  const partial = page.locator(".table3 tbody tr", {
    has: page.locator("th", { hasText: "（二）部分公开" }),
  });
  await expect(partial).toHaveCount(1);
  const counts = partial.locator("td.table3-count");
  await expect(counts).toHaveCount(7);
  await expect(counts.first()).toHaveText("1");
  await expect(counts.last()).toHaveText("1");
  for (let column = 1; column < 6; column += 1) await expect(counts.nth(column)).toHaveText("0");
  await counts.first().getByRole("link", { name: "1" }).click();
  await expect(page).toHaveURL(/\/admin\/requests\?/);
  await expect(page.getByRole("link", { name: trackingNo })).toBeVisible();
});
