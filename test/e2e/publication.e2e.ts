/**
 * Proactive disclosure and the message board in a real browser: an 信息员 drafts an item in the back
 * office; the 保密审查员 sends it back with an opinion and the 信息员 resubmits it; the 保密审查员, 审核人
 * and 公开办负责人 each approve their step (先审后发) from 我的待办; it is published and found by full-text
 * search on the public side with JavaScript off. A public message posted without JavaScript is answered in
 * the back office, and the answer appears on the public board. Each shows in the year's annual report: the
 * workbench's section 一 counts the release and the reply from the records.
 */
import type { Browser, Page } from "@playwright/test";
import { createE2eUser, type E2eUser, expect, signInPage, signOutPage, test } from "./e2e-server.ts";

const AGENCY = "示范市公安局";
const ITEM_TITLE = "关于开展夏季夜间巡防专项行动的通告";
/** A word of the body only (not of the title), so finding it proves the full-text index. */
const BODY_WORD = "治安志愿者";

/** The current year in Asia/Shanghai: the year the release and the reply are counted in. */
function thisYear(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
}

/** As `head`, open the agency's report for this year and see section 一 state `figure`. */
async function reportStates(page: Page, head: E2eUser, agencyId: number, figure: string): Promise<void> {
  await signInPage(page, head);
  await page.goto(`/admin/reports?agencyId=${agencyId}&year=${thisYear()}`);
  await expect(page.getByLabel("第一部分正文")).toContainText(figure);
}

/** A page of a browser context with JavaScript off. */
async function pageWithoutJs(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "zh-CN" });
  return context.newPage();
}

/** As `reviewer`, open the item from 我的待办 and approve the step waiting for them. */
async function approveFromWorklist(
  page: Page,
  reviewer: E2eUser,
  opinion: string,
  after: string,
): Promise<void> {
  await signInPage(page, reviewer);
  await page.getByRole("menuitem", { name: /主动公开/ }).click();
  await page.getByRole("checkbox", { name: "我的待办" }).check();
  await page.getByRole("link", { name: ITEM_TITLE }).click();
  await expect(page.getByText("轮到您")).toBeVisible();
  await page.getByLabel(/意见（退回时必填）/).fill(opinion);
  await page.getByRole("button", { name: /^通\s*过$/ }).click();
  await expect(page.locator(".ant-tag", { hasText: after }).first()).toBeVisible();
  // The step is in the item's record with who took it and the opinion.
  await expect(page.getByRole("cell", { name: opinion })).toBeVisible();
  await signOutPage(page);
}

test("an item sent back at 保密审查 and resubmitted passes 保密审查, 审核 and 审签 in the back office, is published, found by full-text search without JavaScript and counted in the year's report", async ({
  page,
  browser,
  e2eServer,
}) => {
  // Four people sign in and out in turn: give the journey room on a busy machine.
  test.slow();
  const police = await e2eServer.agency(AGENCY);
  const user = (username: string, role: Parameters<typeof createE2eUser>[1]["roles"][number]["role"]) =>
    createE2eUser(e2eServer, { username, roles: [{ agency: AGENCY, role }] });
  const officer = await user("xinxi-wang", "information_officer");
  const secrecy = await user("baomi-zhao", "secrecy_reviewer");
  const reviewer = await user("shenhe-qian", "reviewer");
  const head = await user("gongkai-sun", "office_head");

  // The 信息员 drafts the item and submits it.
  await signInPage(page, officer);
  await page.getByRole("menuitem", { name: /主动公开/ }).click();
  await page.getByRole("button", { name: /新建信息/ }).click();
  await page.getByLabel("名称").fill(ITEM_TITLE);
  await page.getByLabel("内容概述").fill("夏季夜间巡防专项行动的时间、范围和群众参与方式。");
  await page.getByLabel("文号").fill("示公通〔2026〕7号");
  await page
    .getByRole("textbox", { name: "正文" })
    .fill(`<p>即日起在全市开展夏季夜间巡防专项行动，欢迎${BODY_WORD}报名参加。</p><script>alert(1)</script>`);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/admin\/publications\/\d+$/);
  await expect(page.locator(".ant-tag", { hasText: "草稿" })).toBeVisible();
  await page.getByRole("button", { name: "提交审查" }).click();
  await expect(page.locator(".ant-tag", { hasText: "待保密审查" })).toBeVisible();
  await expect(page.getByText("保密审查员（保密审查）").first()).toBeVisible();
  // Nothing waits for the 信息员 now: no review buttons.
  await expect(page.getByRole("button", { name: /^通\s*过$/ })).toHaveCount(0);
  await signOutPage(page);

  // The 保密审查员 sends it back: an opinion is required, and the item returns to the 信息员 as a draft.
  const sentBack = "请删去正文中的内部值班电话后再提交";
  await signInPage(page, secrecy);
  await page.getByRole("menuitem", { name: /主动公开/ }).click();
  await page.getByRole("checkbox", { name: "我的待办" }).check();
  await page.getByRole("link", { name: ITEM_TITLE }).click();
  await page.getByRole("button", { name: /^退\s*回$/ }).click();
  await expect(page.getByText("退回须填写意见")).toBeVisible();
  await expect(page.locator(".ant-tag", { hasText: "待保密审查" })).toBeVisible();
  await page.getByLabel(/意见（退回时必填）/).fill(sentBack);
  await page.getByRole("button", { name: /^退\s*回$/ }).click();
  await expect(page.locator(".ant-tag", { hasText: "草稿" })).toBeVisible();
  await signOutPage(page);

  // The 信息员 reads why, changes the draft and submits it again.
  await signInPage(page, officer);
  await page.getByRole("menuitem", { name: /主动公开/ }).click();
  await page.getByRole("link", { name: ITEM_TITLE }).click();
  await expect(page.getByRole("cell", { name: "保密审查退回", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: sentBack })).toBeVisible();
  await page.getByLabel("内容概述").fill("夏季夜间巡防专项行动的时间、范围和报名方式。");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page.getByRole("button", { name: "提交审查" }).click();
  await expect(page.locator(".ant-tag", { hasText: "待保密审查" })).toBeVisible();
  await signOutPage(page);

  // Each reviewer takes the step of their role.
  await approveFromWorklist(page, secrecy, "经审查不涉及国家秘密", "待审核");
  await approveFromWorklist(page, reviewer, "内容准确，同意公开", "待审签");
  await approveFromWorklist(page, head, "同意发布", "已审签待发布");

  // The 公开办负责人 publishes it; the item gets its 索引号.
  await signInPage(page, head);
  await page.getByRole("menuitem", { name: /主动公开/ }).click();
  await page.getByRole("link", { name: ITEM_TITLE }).click();
  await page.getByRole("button", { name: /^发\s*布$/ }).click();
  await expect(page.locator(".ant-tag", { hasText: "已发布" })).toBeVisible();
  await expect(page.getByText(new RegExp(`${police.creditCode}/\\d{4}-\\d{5}`))).toBeVisible();
  // The record keeps every step, the send-back included, in order.
  const steps = page.locator(".ant-card", { hasText: "审查记录" }).locator("tr.ant-table-row td:first-child");
  await expect(steps).toHaveText([
    "提交审查",
    "保密审查退回",
    "提交审查",
    "保密审查通过",
    "审核通过",
    "审签通过",
    "发布",
  ]);
  await signOutPage(page);

  // The public finds it by a word of its body, with JavaScript off, and its page carries no script.
  const visitor = await pageWithoutJs(browser, e2eServer.url);
  await visitor.goto(`/agencies/${police.id}/disclosure/proactive`);
  await visitor.getByLabel("全文检索").fill(BODY_WORD);
  await visitor.getByRole("button", { name: "检索" }).click();
  await expect(visitor).toHaveURL(/\/disclosure\/proactive\/search\?q=/);
  await visitor.getByRole("link", { name: ITEM_TITLE }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(ITEM_TITLE);
  await expect(visitor.getByText(BODY_WORD).first()).toBeVisible();
  expect(await visitor.content()).not.toContain("alert(1)");
  await visitor.context().close();

  // The year's report counts the release.
  await reportStates(page, head, police.id, "通过门户网站主动公开政府信息1条");
});

test("a public message posted without JavaScript is answered in the back office and the answer is on the public board and counted in the year's report", async ({
  page,
  browser,
  e2eServer,
}) => {
  const police = await e2eServer.agency(AGENCY);
  const staff = await createE2eUser(e2eServer, {
    username: "liuyan-zhou",
    roles: [{ agency: AGENCY, role: "office_head" }],
  });
  const title = "夜间施工噪音扰民如何投诉";
  const answer = "请拨打辖区派出所值班电话，民警将到场处置并告知处理结果。";

  const visitor = await pageWithoutJs(browser, e2eServer.url);
  await visitor.goto(`/agencies/${police.id}/messages/new`);
  const loaded = Date.now();
  await visitor.getByLabel("政务咨询").check();
  await visitor.getByLabel(/标题/).fill(title);
  await visitor.getByLabel(/留言内容/).fill("小区旁工地每天夜里十一点后仍在施工，请问应向哪个部门反映？");
  await visitor.getByLabel(/姓名或单位名称/).fill("周建国");
  await visitor.getByLabel(/同意在网站上公开/).check();
  // The board refuses a form sent less than 3 seconds after it was served (anti-spam).
  await visitor.waitForTimeout(Math.max(0, 3500 - (Date.now() - loaded)));
  await visitor.getByRole("button", { name: "提交留言" }).click();
  await expect(visitor.getByRole("heading", { name: "留言已提交" })).toBeVisible();

  await signInPage(page, staff);
  await page.getByRole("menuitem", { name: /网民留言/ }).click();
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("答复内容").fill(answer);
  await page.getByLabel("答复部门").fill("示范市公安局办公室");
  await expect(page.getByRole("checkbox", { name: /公开/ })).toBeChecked();
  await page.getByRole("button", { name: "提交答复" }).click();
  await expect(page.locator(".ant-tag", { hasText: "已答复" })).toBeVisible();
  await expect(page.locator(".ant-tag", { hasText: "已公开" })).toBeVisible();

  await visitor.goto(`/agencies/${police.id}/messages`);
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByText(answer)).toBeVisible();
  await expect(visitor.getByText("示范市公安局办公室")).toBeVisible();
  // The author's name is masked on the public board.
  await expect(visitor.getByText("周建国")).toHaveCount(0);
  await visitor.context().close();

  // The year's report counts the reply.
  await signOutPage(page);
  await reportStates(page, staff, police.id, "通过门户网站回复网民留言1条");
});
