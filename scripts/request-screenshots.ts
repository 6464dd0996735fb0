/**
 * Screenshots of the back-office pages of disclosure requests, to look at how they render: starts the server
 * with a temporary SQLite database, creates a 公开办负责人 and a 承办人 of 示范市公安局, registers requests
 * through 登记申请, takes a case through 补正, 征求意见, 延期 (approved by the head) and 办结 with letters,
 * and photographs the worklist, the case, 统计, 年度表三 with its drill-down, 台账 and 工作日历. Console
 * errors, warnings and CSP violations of the pages are printed.
 *
 * Usage: npm run build:admin && node bin/run-ts.js scripts/request-screenshots.ts [OUT_DIR]
 * (OUT_DIR defaults to tmp/request-screenshots; CHROMIUM overrides /usr/bin/chromium.)
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { startServer } from "../src/server/start-server.ts";

// argv: node, bin/run-ts.js, this script, OUT_DIR.
const outDir = resolve(process.argv[3] ?? "tmp/request-screenshots");
const ADMIN_PASSWORD = "Shifan2024gongkai";
const STAFF_PASSWORD = "Gongan2024shifan";

/** Save a screenshot (the whole page unless a dialog is open) and report where. */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  process.stdout.write(`截图：${file}（${await page.title()}）\n`);
}

/** A page that prints the browser's errors and warnings. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: "zh-CN" });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      process.stdout.write(`[浏览器 ${message.type()}] ${message.text()}\n`);
    }
  });
  page.on("pageerror", (error) => process.stdout.write(`[页面错误] ${error.message}\n`));
  return page;
}

/** Sign in through the login page; change a temporary password when asked to. */
async function signIn(
  page: Page,
  url: string,
  username: string,
  password: string,
  next: string,
): Promise<void> {
  await page.goto(`${url}/admin/`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByRole("button", { name: "退出登录" }).waitFor();
  if (await page.getByText("请先修改密码").count()) {
    await page.getByLabel("当前密码").fill(password);
    await page.getByLabel("新密码", { exact: true }).fill(next);
    await page.getByLabel("再次输入新密码").fill(next);
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.getByText("请先修改密码").waitFor({ state: "detached" });
  }
}

/** Call the API with the page's session (and its CSRF token). */
async function api<T>(page: Page, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const session = await page.request.get(`${origin}/api/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(`${origin}${path}`, {
    method,
    headers: {
      "x-csrf-token": csrfToken,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Pick an option of a searchable antd select opened by clicking `trigger`: type its text, take the match. */
async function choose(page: Page, trigger: ReturnType<Page["getByLabel"]>, option: string): Promise<void> {
  await trigger.click();
  await page.keyboard.type(option);
  await page.locator(".ant-select-item-option-active, .ant-select-tree-treenode-active").first().waitFor();
  await page.keyboard.press("Enter");
}

/** The calendar date `days` from today in Asia/Shanghai. */
function inDays(days: number): string {
  return new Date(Date.now() + 8 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
}

/** Open an action's dialog on the case page, fill it with `fill`, and save it. */
async function act(
  page: Page,
  button: string,
  shot: string | null,
  fill?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>,
): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  try {
    if (fill) await fill(dialog);
  } catch (error) {
    await shoot(page, `failed-${button}`, false);
    const probe = await page.evaluate(() => ({
      dialogs: [...document.querySelectorAll("[role=dialog]")].map(
        (d) => `${d.className}:${d.textContent?.slice(0, 40)}`,
      ),
      labels: [...document.querySelectorAll(".ant-modal label")].map(
        (l) => `${l.getAttribute("for")}=${l.textContent}`,
      ),
      ids: [...document.querySelectorAll(".ant-modal [id]")].map((e) => `${e.tagName}#${e.id}`),
    }));
    process.stdout.write(`${JSON.stringify(probe)}\n`);
    throw error;
  }
  if (shot) await shoot(page, shot, false);
  await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
  try {
    await dialog.waitFor({ state: "hidden", timeout: 8000 });
  } catch (error) {
    await shoot(page, `refused-${button}`, false);
    throw error;
  }
  await page.waitForLoadState("networkidle");
}

/** Run the whole tour. */
async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "gongkai-request-shots-"));
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
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    if (!password) throw new Error("first run did not print the administrator's password");
    const admin = await newPage(browser);
    await signIn(admin, server.url, "admin", password, ADMIN_PASSWORD);
    const { agencies } = await api<{ agencies: { id: number; name: string }[] }>(
      admin,
      "GET",
      "/api/agencies",
    );
    const police = agencies.find((a) => a.name === "示范市公安局");
    if (!police) throw new Error("first run did not create 示范市公安局");
    for (const [username, displayName, role] of [
      ["wangzhuren", "王主任", "office_head"],
      ["lisi", "李四", "case_officer"],
    ] as const) {
      await api(admin, "POST", "/api/users", {
        username,
        displayName,
        password: STAFF_PASSWORD,
        roles: [{ agencyId: police.id, role }],
      });
    }

    // 工作日历: a year not yet entered, and its entry form with the parsed preview.
    await admin.getByRole("menuitem", { name: /工作日历/ }).click();
    await admin.getByLabel("年度：").waitFor();
    await shoot(admin, "01-calendar");
    const entry = admin.getByRole("button", { name: /录入 \d{4} 年安排/ });
    if (await entry.count()) {
      await entry.click();
      await admin.getByLabel("放假日期").fill("01-01\n02-10至02-16\n10-01至10-07\n10-11");
      await admin.getByLabel("调休上班日期（周六、周日）").fill("02-20");
      await shoot(admin, "02-calendar-entry");
    }

    // 承办人: 登记申请, then the case through its steps.
    const officer = await newPage(browser);
    await signIn(officer, server.url, "lisi", STAFF_PASSWORD, `${STAFF_PASSWORD}x`);
    await officer.getByRole("menuitem", { name: /登记申请/ }).click();
    await officer.getByLabel("姓名").waitFor();
    await officer.getByLabel("姓名").fill("张三");
    await officer.getByLabel("证件号码").fill("11010519491231002X");
    await officer.getByLabel("联系电话").fill("13800138000");
    await officer.getByLabel("通信地址").fill("示范市人民路 1 号");
    await officer.getByLabel("邮政编码").fill("100000");
    await officer
      .getByLabel("所需政府信息的名称、文号或者便于查询的其他特征性描述")
      .fill("2023 年本市道路交通事故统计数据，以及《示范市机动车停车管理办法》的起草说明。");
    await shoot(officer, "03-intake");
    await officer.getByRole("button", { name: "登记", exact: true }).click();
    await officer.getByText("期限的计算依据").waitFor();
    await shoot(officer, "04-case-new");

    await act(officer, "告知补正", "05-action-supplement", async (dialog) => {
      await dialog.getByLabel("补正期限").fill(inDays(15));
      await dialog.getByLabel("补正期限").press("Enter");
      await dialog.getByLabel("需要补正的事项").fill("请写明所需起草说明的文件全称或文号。");
    });
    await act(officer, "收到补正", null);
    await act(officer, "征求意见", "06-action-consult", async (dialog) => {
      await choose(officer, dialog.getByLabel("征求对象"), "其他机关");
      await dialog.getByLabel("对方名称").fill("示范市交通运输局");
    });
    await act(officer, "申请延期答复", null, async (dialog) => {
      await dialog.getByLabel("延长工作日数").fill("15");
      await dialog.getByLabel("延期理由").fill("需调取历年档案并征求其他机关意见。");
    });
    await shoot(officer, "07-case-extension-pending");
    const caseUrl = officer.url();

    // 公开办负责人 approves the extension.
    const head = await newPage(browser);
    await signIn(head, server.url, "wangzhuren", STAFF_PASSWORD, `${STAFF_PASSWORD}y`);
    await head.goto(caseUrl);
    await head.getByRole("button", { name: "批准延期" }).first().click();
    await head.getByRole("dialog").waitFor();
    await shoot(head, "08-approve-extension", false);
    await head.getByRole("dialog").locator(".ant-modal-footer .ant-btn-primary").click();
    await head.getByRole("dialog").waitFor({ state: "hidden" });

    await officer.reload();
    await officer.getByText("期限的计算依据").waitFor();
    await act(officer, "收到意见答复", null, async (dialog) => {
      await choose(officer, dialog.getByLabel("对应的征求意见"), "示范市交通运输局");
    });
    await act(officer, "办结答复", "09-action-close", async (dialog) => {
      await choose(officer, dialog.getByLabel("办理结果"), "O-2 部分公开");
      await dialog.getByLabel("理由和依据").fill("起草说明属于过程性信息，不予公开；统计数据予以公开。");
    });
    await officer.getByRole("button", { name: "按模板生成草稿" }).click();
    await officer.getByRole("button", { name: "修改", exact: true }).first().waitFor();
    await officer.getByRole("button", { name: "修改", exact: true }).first().click();
    await officer.getByRole("dialog").waitFor();
    await shoot(officer, "10-letter-edit", false);
    await officer.getByRole("dialog").locator(".ant-modal-footer .ant-btn-primary").click();
    await officer.getByRole("dialog").waitFor({ state: "hidden" });
    await officer.getByRole("button", { name: "签发", exact: true }).first().click();
    await officer.getByText("签发后文书即定稿").waitFor();
    await shoot(officer, "11-letter-issue-confirm", false);
    await officer.getByRole("button", { name: "确认签发" }).click();
    await officer.getByText("下载 PDF").first().waitFor();
    await shoot(officer, "12-case-closed");

    // A second request received long ago (overdue) and a third due soon, for the worklist.
    const today = new Date(Date.now() + 8 * 3600 * 1000);
    const daysAgo = (n: number) => new Date(today.getTime() - n * 86400 * 1000).toISOString().slice(0, 10);
    for (const [days, name] of [
      [40, "示范科技有限公司"],
      [25, "赵六"],
    ] as const) {
      const person = name === "赵六";
      await api(officer, "POST", "/api/requests", {
        agencyId: police.id,
        channel: person ? "post_registered" : "in_person",
        receivedOn: daysAgo(days),
        applicant: person
          ? {
              kind: "naturalPerson",
              name,
              idType: "passport",
              idNumber: "E12345678",
              phone: "13900139000",
              email: "zhaoliu@example.cn",
            }
          : {
              kind: "commercial",
              name,
              orgCreditCode: "91350100M000100Y43",
              orgRepresentative: "钱七",
              phone: "0591-88888888",
              email: "office@example.cn",
            },
        description: person ? "本人户籍迁移的办理依据。" : "本公司所在路段的交通管制决定。",
        provisionForm: "electronic",
        deliveryMethod: "email",
      });
    }
    await officer.getByRole("menuitem", { name: /依申请公开/ }).click();
    await officer.getByRole("table").first().waitFor();
    await shoot(officer, "13-worklist");

    await officer.getByRole("menuitem", { name: /统计/ }).click();
    await officer.getByText(/年办理的申请（按当前状态）/).waitFor();
    await shoot(officer, "14-dashboard");

    await officer.goto(
      `${server.url}/admin/annual-table?agencyId=${police.id}&year=${today.getUTCFullYear()}`,
    );
    await officer.locator(".table3").waitFor();
    await shoot(officer, "15-table3");
    await officer.locator(".table3 td.table3-count a").first().click();
    await officer.getByText(/统计的申请/).waitFor();
    await shoot(officer, "16-drill-down");

    await officer.getByRole("menuitem", { name: /台账/ }).click();
    await officer.getByText("第一步：下载模板").waitFor();
    await officer.locator("input[type=file]").setInputFiles({
      name: "台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("不是表格"),
    });
    await officer
      .getByText(/未导入|导入/)
      .first()
      .waitFor();
    await shoot(officer, "17-ledger");
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
