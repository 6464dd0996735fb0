/**
 * Screenshots of the back-office shell, to look at how the Chinese UI renders: starts the server on a free
 * port with a temporary SQLite database (first run seeds 示范市人民政府 and `admin`), signs in with headless
 * Debian Chromium, changes the temporary password, and photographs each page. Console errors, warnings and
 * CSP violations of the pages are printed.
 *
 * Usage: npm run build:admin && node bin/run-ts.js scripts/admin-screenshots.ts [OUT_DIR]
 * (OUT_DIR defaults to tmp/admin-screenshots; CHROMIUM overrides /usr/bin/chromium.)
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startServer } from "../src/server/start-server.ts";

// argv: node, bin/run-ts.js, this script, OUT_DIR.
const outDir = resolve(process.argv[3] ?? "tmp/admin-screenshots");
const NEW_PASSWORD = "Shifan2024gongkai";

/** Save a screenshot (the whole page unless a dialog is open) and report where. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400);
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  process.stdout.write(`截图：${file}（${await page.title()}）\n`);
}

/** Run the whole tour. */
async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "gongkai-shots-"));
  let printed = "";
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    logLevel: false,
    database: { file: join(dataDir, "gongkai.sqlite") },
    print: (text) => {
      printed += text;
    },
  });
  const password = /初始密码：(\S+)/.exec(printed)?.[1];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  try {
    if (!password) throw new Error("first run did not print the administrator's password");
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") {
        process.stdout.write(`[浏览器 ${message.type()}] ${message.text()}\n`);
      }
    });
    page.on("pageerror", (error) => process.stdout.write(`[页面错误] ${error.message}\n`));

    await page.goto(`${server.url}/admin/`);
    await page.getByLabel("用户名").waitFor();
    await shoot(page, "01-login");

    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("wrong-password-1");
    await page
      .getByRole("button", { name: "登 录" })
      .or(page.getByRole("button", { name: "登录" }))
      .click();
    await page.getByRole("alert").first().waitFor();
    await shoot(page, "02-login-failed");

    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByText("请先修改密码").waitFor();
    await shoot(page, "03-account-must-change");

    await page.getByLabel("当前密码").fill(password);
    await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.getByText("请先修改密码").waitFor({ state: "detached" });

    await page.getByRole("menuitem", { name: /机关管理/ }).click();
    await page.getByRole("tree").waitFor();
    await shoot(page, "04-agencies");

    await page.getByRole("button", { name: /新建下级机关/ }).click();
    await page.getByRole("dialog").waitFor();
    await shoot(page, "05-agency-create-dialog", false);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });

    await page.getByRole("menuitem", { name: /用户与角色/ }).click();
    await page.getByRole("table").first().waitFor();
    await page.getByRole("button", { name: /新建用户/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("用户名（登录用）").fill("zhangsan");
    await dialog.getByLabel("姓名").fill("张三");
    await dialog.getByRole("button", { name: "生成随机密码" }).click();
    const officerPassword = await dialog.getByLabel("初始密码").inputValue();
    await dialog.getByLabel("第 1 项 机关").click();
    await page.locator(".ant-select-tree-title", { hasText: "示范市公安局" }).click();
    await dialog.getByRole("combobox", { name: /角色$/ }).click();
    await page.locator(".ant-select-item-option", { hasText: "承办人" }).click();
    await shoot(page, "06-user-create-dialog", false);
    await dialog.getByRole("button", { name: "新建" }).click();
    await page.getByText("该密码只显示这一次").waitFor();
    await shoot(page, "07-user-created-password", false);
    await page.getByRole("button", { name: "我已记下" }).click();
    await shoot(page, "08-users");

    await page.getByRole("menuitem", { name: /操作留痕/ }).click();
    await page.getByRole("table").first().waitFor();
    await page.getByRole("button", { name: /校验完整性/ }).click();
    await page.getByRole("status").first().waitFor();
    const expand = page.getByRole("button", { name: /展开行|Expand row/ }).first();
    if (await expand.count()) await expand.click();
    await shoot(page, "09-trail");

    await page.getByRole("menuitem", { name: /我的账号/ }).click();
    await shoot(page, "10-account");

    // A 承办人 sees only what the role allows: 机关管理 (read-only) and 我的账号.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByLabel("用户名").fill("zhangsan");
    await page.getByLabel("密码").fill(officerPassword);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByRole("menuitem", { name: /我的账号/ }).waitFor();
    await page.getByRole("menuitem", { name: /机关管理/ }).click();
    await page.getByRole("tree").waitFor();
    await shoot(page, "11-case-officer-agencies");
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
