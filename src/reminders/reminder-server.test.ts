import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { openDatabase } from "../db/database.ts";
import { startServer } from "../server/start-server.ts";
import { insertCase } from "./reminder.test-support.ts";
import { startSmtpInbox } from "./smtp-inbox.test-support.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-reminders-"));
const file = join(dir, "gongkai.sqlite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the server and the reminder job", () => {
  it("starts the job with the server (reminders off without SMTP), mails at start, stops it at shutdown", async () => {
    let printed = "";
    const print = (text: string) => {
      printed += text;
    };
    const first = await startServer({
      port: 0,
      host: "127.0.0.1",
      logLevel: false,
      database: { file },
      print,
    });
    await first.close();
    expect(printed).toContain("提醒邮件未启用");

    // A case of the seeded agency, due today, without officer: the reminder goes to the office e-mail.
    const database = await openDatabase({ file });
    const agency = await database.db
      .selectFrom("agencies")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable("agencies")
      .set({ office_email: "gkb@demo.example.gov.cn" })
      .where("id", "=", agency.id)
      .execute();
    const id = await insertCase(database, {
      agencyId: agency.id,
      trackingNo: "YSQ2026000100001",
      dueOn: shanghaiDate(),
    });
    await database.close();

    const inbox = await startSmtpInbox();
    process.env.GONGKAI_SMTP_URL = inbox.url;
    process.env.GONGKAI_PUBLIC_URL = "https://gk.example.gov.cn";
    try {
      printed = "";
      const second = await startServer({
        port: 0,
        host: "127.0.0.1",
        logLevel: false,
        database: { file },
        print,
      });
      const until = Date.now() + 10_000;
      while (inbox.mails.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await second.close();
      expect(printed).toContain("提醒邮件已启用");
      expect(inbox.mails).toHaveLength(1);
      expect(inbox.mails[0]?.to).toEqual(["gkb@demo.example.gov.cn"]);
      expect(inbox.mails[0]?.text).toContain(`办理页面：https://gk.example.gov.cn/admin/requests/${id}`);
    } finally {
      delete process.env.GONGKAI_SMTP_URL;
      delete process.env.GONGKAI_PUBLIC_URL;
      await inbox.close();
    }
    // Closed cleanly: the delivery is recorded and the database opens again.
    const again = await openDatabase({ file });
    const rows = await again.db.selectFrom("reminders_sent").select(["kind", "delivered_at"]).execute();
    await again.close();
    expect(rows).toEqual([{ kind: "due_soon", delivered_at: expect.stringMatching(/^\d{4}-/) }]);
  });
});
