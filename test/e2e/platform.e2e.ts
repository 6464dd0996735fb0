/**
 * The platform base in a real browser: the administrator builds a department and its 承办人 through the
 * back office, who then sees only that department; a temporary password keeps its holder on 修改密码; the
 * public 政府信息公开 column works with JavaScript off; the API page renders under its own CSP.
 */
import {
  createE2eUser,
  createE2eUserWithCli,
  E2E_PASSWORD,
  expect,
  signInPage,
  signOutPage,
  test,
} from "./e2e-server.ts";

/** A valid 统一社会信用代码 (GB 32100 check character) for the department the test creates. */
const NEW_DEPARTMENT = { name: "示范市教育局", creditCode: "11999900MB00000379" };

test("an administrator creates a department and a 承办人 in it, who then sees only that department", async ({
  page,
  e2eServer,
}) => {
  await signInPage(page, e2eServer.admin);

  // 机关管理: under 示范市人民政府, 新建下级机关.
  await page.getByRole("menuitem", { name: /机关管理/ }).click();
  const tree = page.getByRole("tree");
  // The government, first in the tree, is selected when the page opens.
  await expect(tree.getByRole("treeitem", { selected: true })).toContainText("示范市人民政府");
  await page.getByRole("button", { name: /新建下级机关/ }).click();
  const agencyDialog = page.getByRole("dialog");
  await agencyDialog.getByLabel("机关名称").fill(NEW_DEPARTMENT.name);
  await agencyDialog.getByLabel("统一社会信用代码").fill(NEW_DEPARTMENT.creditCode);
  await agencyDialog.getByRole("button", { name: /新\s*建/ }).click();
  await expect(agencyDialog).toBeHidden();
  await expect(tree.getByText(NEW_DEPARTMENT.name, { exact: true })).toBeVisible();

  // 用户与角色: 新建用户 holding 承办人 in the new department.
  await page.getByRole("menuitem", { name: /用户与角色/ }).click();
  await page.getByRole("table").first().waitFor();
  await page.getByRole("button", { name: /新建用户/ }).click();
  const userDialog = page.getByRole("dialog");
  await userDialog.getByLabel("用户名（登录用）").fill("jiaoyu.chengban");
  await userDialog.getByLabel("姓名").fill("钱承办");
  await userDialog.getByLabel("初始密码").fill(E2E_PASSWORD);
  await userDialog.getByLabel("第 1 项 机关").click();
  await page.locator(".ant-select-tree-title", { hasText: NEW_DEPARTMENT.name }).click();
  await userDialog.getByRole("combobox", { name: /角色$/ }).click();
  await page.locator(".ant-select-item-option", { hasText: "承办人" }).click();
  await userDialog.getByRole("button", { name: /新\s*建/ }).click();
  await page.getByRole("button", { name: "我已记下" }).click();
  await expect(page.getByRole("cell", { name: "钱承办", exact: true })).toBeVisible();
  await signOutPage(page);

  // The 承办人 signs in, must first replace the password the administrator chose (issue #9.12), and then
  // sees the new department and nothing else.
  await signInPage(page, { username: "jiaoyu.chengban", password: E2E_PASSWORD });
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByText("请先修改密码")).toBeVisible();
  await page.getByLabel("当前密码").fill(E2E_PASSWORD);
  await page.getByLabel("新密码", { exact: true }).fill("Jiaoyu2025new");
  await page.getByLabel("再次输入新密码").fill("Jiaoyu2025new");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("请先修改密码")).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: /用户与角色/ })).toHaveCount(0);
  await page.getByRole("menuitem", { name: /机关管理/ }).click();
  const ownTree = page.getByRole("tree");
  await expect(ownTree.getByText(NEW_DEPARTMENT.name, { exact: true })).toBeVisible();
  await expect(ownTree.getByRole("treeitem")).toHaveCount(1);
  for (const other of ["示范市人民政府", "示范市公安局", "示范市财政局"]) {
    await expect(page.getByText(other, { exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole("button", { name: /新建下级机关/ })).toHaveCount(0);
});

test("a temporary password keeps its holder on 修改密码 until it is changed", async ({ page, e2eServer }) => {
  const person = await createE2eUser(e2eServer, {
    username: "linshi.mima",
    roles: [{ agency: "示范市财政局", role: "office_head" }],
  });
  const reset = await e2eServer.api.call<{ temporaryPassword: string }>(
    "POST",
    `/api/users/${person.id}/reset-password`,
  );
  expect(reset.status).toBe(200);
  const temporary = reset.body.temporaryPassword;

  await signInPage(page, { username: person.username, password: temporary });
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByText("请先修改密码")).toBeVisible();
  await expect(page.getByRole("menuitem")).toHaveCount(1);
  // The address of another page leads back to the form.
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin\/account$/);

  await page.getByLabel("当前密码").fill(temporary);
  await page.getByLabel("新密码", { exact: true }).fill("Caizheng2025new");
  await page.getByLabel("再次输入新密码").fill("Caizheng2025new");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("请先修改密码")).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: /用户与角色/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "登录会话" }).or(page.getByText("登录会话"))).toBeVisible();
});

test("a user made with `gongkai user create` changes the password first; the server holds the rest back", async ({
  page,
  e2eServer,
}) => {
  const person = await createE2eUserWithCli(e2eServer, {
    username: "cli.xinren",
    agency: "示范市公安局",
    role: "information_officer",
  });
  await signInPage(page, person);
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByText("请先修改密码")).toBeVisible();
  // The same session, straight to the API: refused until the password is changed.
  const held = await page.request.get("/api/agencies");
  expect(held.status()).toBe(403);
  expect((await held.json()).code).toBe("PASSWORD_CHANGE_REQUIRED");
  await page.getByLabel("当前密码").fill(person.password);
  await page.getByLabel("新密码", { exact: true }).fill("Gongan2025new");
  await page.getByLabel("再次输入新密码").fill("Gongan2025new");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("请先修改密码")).toHaveCount(0);
  expect((await page.request.get("/api/agencies")).status()).toBe(200);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the public reaches an agency's 政府信息公开指南 from the home page", async ({ page, e2eServer }) => {
    const police = await e2eServer.agency("示范市公安局");
    await page.goto("/");
    await page.getByRole("link", { name: "示范市公安局" }).click();
    await expect(page).toHaveURL(new RegExp(`/agencies/${police.id}/disclosure$`));
    await page
      .getByRole("navigation", { name: "政府信息公开栏目" })
      .getByRole("link", { name: /指南/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/agencies/${police.id}/disclosure/guide$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("示范市公安局");
    await expect(page.getByRole("heading", { name: "三、政府信息公开工作机构" })).toBeVisible();
    for (const fact of ["示范市公安局办公室", "示范市建设路88号", "0999-12345611", "gaj_gk@shifan.gov.cn"]) {
      await expect(page.getByText(fact).first()).toBeVisible();
    }
  });
});

test("the API page lists the API, loading only this server's files under its CSP", async ({
  page,
  e2eServer,
}) => {
  const problems: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(e2eServer.url).origin;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) foreign.push(url);
  });
  await page.goto("/api/docs/");
  await expect(page.getByText("公开（Gongkai）后台接口").first()).toBeVisible();
  await expect(page.locator(".opblock-summary-path", { hasText: "/api/agencies" }).first()).toBeVisible();
  await expect(page.locator(".opblock-tag", { hasText: "session" })).toBeVisible();
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});
