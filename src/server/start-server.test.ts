import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database.ts";
import { startServer } from "./start-server.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-start-"));
const file = join(dir, "gongkai.sqlite");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("startServer", () => {
  it("opens and seeds the database, serves the portal and the audit form, closes the database at shutdown", async () => {
    let printed = "";
    const server = await startServer({
      port: 0,
      host: "127.0.0.1",
      logLevel: false,
      database: { file },
      print: (text) => {
        printed += text;
      },
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(printed).toMatch(/用户名：admin {2}初始密码：\S{10,}/);
      const home = await (await fetch(`${server.url}/`)).text();
      expect(home).toContain("示范市人民政府");
      expect(home).toContain('href="/tools/report-audit"');
      const res = await fetch(`${server.url}/tools/report-audit`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("政府信息公开工作年度报告体检");
      expect(html).toMatch(/<form[^>]*action="\/audit"/);
      expect(html).toContain('type="file"');
      expect(html).toContain('name="text"');
    } finally {
      await server.close();
    }
    // The database was closed cleanly: the WAL was checkpointed and another connection can open it.
    const again = await openDatabase({ file });
    const agencies = await again.db.selectFrom("agencies").select("name").execute();
    await again.close();
    expect(agencies.map((a) => a.name)).toEqual(["示范市人民政府", "示范市公安局", "示范市财政局"]);

    // A second start seeds nothing and prints no password.
    printed = "";
    const second = await startServer({
      port: 0,
      host: "127.0.0.1",
      logLevel: false,
      database: { file },
      print: (text) => {
        printed += text;
      },
    });
    await second.close();
    expect(printed).not.toContain("初始密码");
  });
});
