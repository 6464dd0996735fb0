import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgencies } from "../agencies/agency.service.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { addAttachment } from "../publications/attachment.service.ts";
import { proactiveRoot } from "../publications/column.service.ts";
import { actOnPublication, createPublication } from "../publications/publication.service.ts";
import { actor, draftInput } from "../publications/publication.test-support.ts";
import { buildServer } from "../server/build-server.ts";
import { DEMO_BUREAU_NAME, runFirstRun } from "../setup/first-run.ts";
import { isProxied, resolveLink } from "./export-paths.ts";
import { listExportFiles } from "./export-store.ts";
import { lastTrailSeq } from "./site-changes.repository.ts";
import { exportSite } from "./site-export.service.ts";
import { watchSite } from "./site-watch.ts";

const ORIGIN = "https://gk.example.gov.cn";
const HEADERS = {
  host: "gk.example.gov.cn",
  "x-forwarded-host": "gk.example.gov.cn",
  "x-forwarded-proto": "https",
};
/** Long: the demo year has thousands of decision pages. */
const LONG = 300_000;

/** Whether nginx's try_files (deploy/nginx/gongkai-static.conf) finds a file of the export for a link. */
function servedByExport(root: string, path: string, query: string): boolean {
  const file = join(root, decodeURIComponent(path));
  const suffix = /^(page|version)=(\d+)$/.exec(query);
  if (query !== "" && !suffix) return false;
  const index = suffix ? `index.${suffix[1]}-${suffix[2]}.html` : "index.html";
  if (existsSync(join(file, index))) return true;
  if (suffix) return false;
  if (existsSync(file) && !existsSync(join(file, "."))) return true;
  // Downloads without an extension in the URL: `$uri.<ext>`.
  const siblings = existsSync(dirname(file)) ? readdirSync(dirname(file)) : [];
  return existsSync(file) || siblings.some((name) => name.startsWith(`${basename(file)}.`));
}

/** Creates an item with a PDF attachment in the column and publishes it; returns its id. */
async function publishWithAttachment(
  database: TestDatabase,
  agencyId: number,
  title: string,
): Promise<number> {
  const root = await proactiveRoot(database, agencyId);
  const draft = await createPublication(
    database,
    agencyId,
    draftInput(root.id, title),
    actor("information_officer"),
  );
  const pdf = Buffer.from("%PDF-1.4\n% 示例附件\n%%EOF\n");
  await addAttachment(
    database,
    draft.id,
    { fileName: "通知全文.pdf", content: pdf },
    actor("information_officer"),
  );
  await actOnPublication(database, draft.id, { type: "submit" }, actor("information_officer"));
  for (const opinion of ["无涉密内容", "同意", "同意发布"]) {
    const role = { 无涉密内容: "secrecy_reviewer", 同意: "reviewer", 同意发布: "office_head" }[opinion] ?? "";
    await actOnPublication(database, draft.id, { type: "approve", opinion }, actor(role));
  }
  await actOnPublication(
    database,
    draft.id,
    { type: "publish", publishedOn: "2026-12-01" },
    actor("information_officer"),
  );
  return draft.id;
}

describe.each(testDialects())("gongkai site export on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let root: string;
  let bureau: number;
  let others: number[];
  let itemId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // With the demo year: items, a published report, decisions and answered messages.
    await runFirstRun(database, () => {}, true);
    app = await buildServer({ logLevel: false, database, trustProxy: "127.0.0.1", pageCacheBytes: 0 });
    await app.ready();
    const agencies = await listAgencies(database);
    bureau = agencies.find((a) => a.name === DEMO_BUREAU_NAME)?.id ?? 0;
    others = agencies.map((a) => a.id).filter((id) => id !== bureau);
    root = mkdtempSync(join(tmpdir(), "gongkai-export-"));
  }, LONG);

  afterAll(async () => {
    await app.close();
    await database.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    "exports the demo site with the bytes the live server answers, every link resolving",
    async () => {
      const summary = await exportSite(app, database, { root, origin: ORIGIN });
      expect(summary.brokenLinks).toEqual([]);
      expect(summary.failed).toEqual([]);
      expect(summary.written).toBe(summary.files + 2); // and the two download-name files
      const b = `/agencies/${bureau}/disclosure`;
      const expected: [string, string][] = [
        ["/", "index.html"],
        ["/assets/site.css", "assets/site.css"],
        [b, `${b.slice(1)}/index.html`],
        [`${b}/guide`, `${b.slice(1)}/guide/index.html`],
        [`${b}/rules`, `${b.slice(1)}/rules/index.html`],
        [`${b}/proactive`, `${b.slice(1)}/proactive/index.html`],
        [`${b}/annual-reports`, `${b.slice(1)}/annual-reports/index.html`],
        [`${b}/annual-reports/2022`, `${b.slice(1)}/annual-reports/2022/index.html`],
        [`${b}/annual-reports/2022/v1.pdf`, `${b.slice(1)}/annual-reports/2022/v1.pdf`],
        [`${b}/annual-reports/2022/v1.docx`, `${b.slice(1)}/annual-reports/2022/v1.docx`],
        [`${b}/annual-reports/2022/v1.xlsx`, `${b.slice(1)}/annual-reports/2022/v1.xlsx`],
        [`${b}/decisions`, `${b.slice(1)}/decisions/index.html`],
        [`${b}/decisions?page=2`, `${b.slice(1)}/decisions/index.page-2.html`],
        [`/agencies/${bureau}/messages`, `agencies/${bureau}/messages/index.html`],
      ];
      const files = new Set(await listExportFiles(root));
      // Some item, column (with its second page and feed) and message page, found by their paths.
      const pick = (pattern: RegExp) => [...files].find((f) => pattern.test(f)) ?? "";
      const item = pick(/proactive\/items\/\d+\/index\.html$/);
      const column = pick(/proactive\/columns\/\d+\/index\.page-2\.html$/);
      const feed = pick(/proactive\/columns\/\d+\/feed\.atom$/);
      const message = pick(/messages\/\d+\/index\.html$/);
      const decision = pick(/decisions\/\d+\/index\.html$/);
      for (const f of [item, column, feed, message, decision]) expect(f).not.toBe("");
      expected.push(
        [`/${item.replace("/index.html", "")}`, item],
        [`/${column.replace("/index.page-2.html", "")}?page=2`, column],
        [`/${feed}`, feed],
        [`/${message.replace("/index.html", "")}`, message],
        [`/${decision.replace("/index.html", "")}`, decision],
      );
      for (const [url, file] of expected) {
        expect(files.has(file), file).toBe(true);
        const live = await app.inject({ method: "GET", url, headers: HEADERS });
        expect(live.statusCode, url).toBe(200);
        expect(readFileSync(join(root, file)).equals(live.rawPayload), url).toBe(true);
      }
      expect(readFileSync(join(root, feed), "utf8")).toContain(`href="${ORIGIN}/agencies/`);
      // Forms, search and look-ups stay with the application.
      expect([...files].some((f) => /apply|search|messages\/new|requests\/|tools\/|audit/.test(f))).toBe(
        false,
      );
      // Every link of every exported page leads to an exported file (as nginx finds it) or to the application.
      let checked = 0;
      for (const file of files) {
        if (!file.endsWith(".html") && !file.endsWith(".atom")) continue;
        const from = `/${file.replace(/(^|\/)index(\.[a-z]+-\d+)?\.html$/, "")}`;
        for (const m of readFileSync(join(root, file), "utf8").matchAll(/\s(?:href|src)="([^"]*)"/g)) {
          const link = resolveLink(m[1] ?? "", from, ORIGIN);
          if (!link || isProxied(link)) continue;
          expect(servedByExport(root, link.path, link.query), `${file} → ${m[1]}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(files.size);
    },
    LONG,
  );

  it(
    "writes no file when nothing changed, then only the touched pages after a publication",
    async () => {
      const again = await exportSite(app, database, { root, origin: ORIGIN });
      expect({
        written: again.written,
        removed: again.removed,
        files: again.changedFiles,
        failed: again.failed,
      }).toEqual({
        written: 0,
        removed: 0,
        files: [],
        failed: [],
      });
      itemId = await publishWithAttachment(database, bureau, "关于静态发布测试的通知");
      const after = await exportSite(app, database, { root, origin: ORIGIN });
      expect(after.brokenLinks).toEqual([]);
      const itemDir = `agencies/${bureau}/disclosure/proactive/items/${itemId}`;
      expect(after.changedFiles).toContain(`${itemDir}/index.html`);
      expect(
        after.changedFiles.some((f) => f.startsWith(`${itemDir}/attachments/`) && f.endsWith(".pdf")),
      ).toBe(true);
      // Nothing of the other agencies, no other item page and no decision page was rewritten.
      for (const file of after.changedFiles) {
        expect(
          file.startsWith(`agencies/${bureau}/disclosure/proactive/`) || file.startsWith(".gongkai/"),
          file,
        ).toBe(true);
        if (/\/items\/\d+\//.test(file)) expect(file.startsWith(`${itemDir}/`), file).toBe(true);
      }
      expect(after.removed).toBe(0);
      // The attachment is served with its Chinese name through the download-name map.
      const map = readFileSync(join(root, ".gongkai", "disposition.map"), "utf8");
      expect(map).toContain(`"/${itemDir}/attachments/`);
      expect(map).toContain("filename*=UTF-8''%E9%80%9A%E7%9F%A5%E5%85%A8%E6%96%87.pdf");
    },
    LONG,
  );

  it(
    "removes a withdrawn item's page and files with an export limited to its agency",
    async () => {
      await actOnPublication(
        database,
        itemId,
        { type: "withdraw", opinion: "内容已过时" },
        actor("office_head"),
      );
      const itemDir = `agencies/${bureau}/disclosure/proactive/items/${itemId}`;
      const summary = await exportSite(app, database, { root, origin: ORIGIN, agencyIds: [bureau] });
      expect(summary.brokenLinks).toEqual([]);
      expect(summary.changedFiles).toContain(`${itemDir}/index.html`);
      expect(summary.changedFiles.filter((f) => f.startsWith(`${itemDir}/attachments/`))).toHaveLength(1);
      expect(existsSync(join(root, itemDir))).toBe(false);
      expect(readFileSync(join(root, ".gongkai", "disposition.map"), "utf8")).not.toContain(itemDir);
      // The other agencies' files are still there.
      const files = await listExportFiles(root);
      for (const id of others) expect(files).toContain(`agencies/${id}/disclosure/index.html`);
    },
    LONG,
  );

  it(
    "exports one agency with the portal pages only (--agency)",
    async () => {
      const one = mkdtempSync(join(tmpdir(), "gongkai-export-one-"));
      try {
        const only = others[0] ?? 0;
        const summary = await exportSite(app, database, { root: one, origin: ORIGIN, agencyIds: [only] });
        expect(summary.brokenLinks).toEqual([]);
        const files = await listExportFiles(one);
        expect(files).toContain("index.html");
        expect(files).toContain(`agencies/${only}/disclosure/index.html`);
        expect(files.filter((f) => f.startsWith("agencies/") && !f.startsWith(`agencies/${only}/`))).toEqual(
          [],
        );
      } finally {
        rmSync(one, { recursive: true, force: true });
      }
    },
    LONG,
  );

  it(
    "re-exports the touched agency after a change when watching, and stops on abort",
    async () => {
      const controller = new AbortController();
      const lines: string[] = [];
      const other = others[0] ?? 0;
      let itemFile = "";
      let seen: () => void = () => {};
      const exported = new Promise<void>((resolve) => {
        seen = resolve;
      });
      const watching = watchSite(app, database, {
        root,
        origin: ORIGIN,
        intervalMs: 50,
        signal: controller.signal,
        since: await lastTrailSeq(database.db),
        today: () => "2026-12-07",
        report: (line) => {
          lines.push(line);
          if (itemFile !== "" && existsSync(itemFile)) seen();
        },
      });
      const id = await publishWithAttachment(database, other, "关于监视模式的测试通知");
      itemFile = join(root, `agencies/${other}/disclosure/proactive/items/${id}/index.html`);
      await exported;
      controller.abort();
      await watching;
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line).toMatch(new RegExp(`已更新机关 ${other} 及门户页面：写入 \\d+ 个文件，删除 0 个文件`));
      }
    },
    LONG,
  );
});
