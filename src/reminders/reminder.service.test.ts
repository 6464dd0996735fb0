import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, testClock } from "../auth/auth.test-support.ts";
import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import type { Dialect } from "../db/database.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { updateUserAccount } from "../users/user.service.ts";
import { type ReminderRunOptions, runReminders } from "./reminder.service.ts";
import { insertCase, storedReminders } from "./reminder.test-support.ts";
import { type SmtpInbox, startSmtpInbox } from "./smtp-inbox.test-support.ts";
import { type Mailer, smtpMailer } from "./smtp-mailer.ts";

let inbox: SmtpInbox;
let mailer: Mailer;
const open: TestDatabase[] = [];

beforeAll(async () => {
  inbox = await startSmtpInbox();
  mailer = smtpMailer({ url: inbox.url, from: "gongkai@example.gov.cn" });
});
afterAll(async () => {
  mailer.close();
  await inbox.close();
});
afterEach(async () => {
  inbox.mails.length = 0;
  inbox.refuseNext(0);
  for (const db of open.splice(0)) await db.dispose();
});

/** Tuesday 2026-11-10, 08:30 in Shanghai: November 2026 has no holidays, so working days are Mon–Fri. */
const TUESDAY = "2026-11-10T00:30:00.000Z";

/** An agency with an office e-mail, an officer with an e-mail (王), one without (李), and a second agency. */
async function setup(dialect: Dialect) {
  const database = await createTestDatabase(dialect);
  open.push(database);
  const agencyId = await insertAgency(database, "示范市教育局", null);
  await database.db
    .updateTable("agencies")
    .set({ office_email: "gkb@edu.example.gov.cn" })
    .where("id", "=", agencyId)
    .execute();
  const quiet = await insertAgency(database, "示范市档案馆", null);
  const wang = await insertTestUser(database, "wang", [{ agencyId, role: "case_officer" }]);
  await updateUserAccount(database, wang, { email: "wang@edu.example.gov.cn" }, SYSTEM_ACTOR);
  const li = await insertTestUser(database, "li", [{ agencyId, role: "case_officer" }]);
  const clock = testClock(TUESDAY);
  const options: ReminderRunOptions = {
    database,
    mailer,
    calendar: bundledCalendar(),
    clock: clock.now,
    publicUrl: "https://gk.example.gov.cn/",
  };
  return { database, agencyId, quiet, wang, li, clock, options };
}

describe.each(testDialects())("reminders on %s", (dialect) => {
  it("e-mails the officer of a case due within 3 working days and the office of an overdue one whose officer has no address", async () => {
    const { database, agencyId, wang, li, options } = await setup(dialect);
    const soon = await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100001",
      dueOn: "2026-11-13",
      caseOfficerId: wang,
      description: `申请公开${"某某".repeat(40)}的文件`,
    });
    const late = await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100002",
      dueOn: "2026-11-09",
      caseOfficerId: li,
    });
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100003",
      dueOn: "2026-11-16",
      caseOfficerId: wang,
    });
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100004",
      dueOn: "2026-11-09",
      status: "closed",
      caseOfficerId: wang,
    });
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100005",
      dueOn: null,
      caseOfficerId: wang,
    });

    expect(await runReminders(options)).toEqual({ today: "2026-11-10", reserved: 2, sent: 2, failed: 0 });

    const byTracking = (no: string) => inbox.mails.find((m) => m.subject.includes(no));
    expect(inbox.mails).toHaveLength(2);
    const soonMail = byTracking("YSQ2026000100001");
    expect(soonMail?.to).toEqual(["wang@edu.example.gov.cn"]);
    expect(soonMail?.subject).toBe(
      "【即将到期】政府信息公开申请 YSQ2026000100001 答复期限 2026-11-13（剩余 3 个工作日）",
    );
    expect(soonMail?.text).toContain("wang 的姓名：");
    expect(soonMail?.text).toContain("受理编号：YSQ2026000100001");
    expect(soonMail?.text).toContain(`申请内容：申请公开${"某某".repeat(28)}……`);
    expect(soonMail?.text).toContain("答复期限：2026-11-13\n");
    expect(soonMail?.text).toContain("剩余时间：剩余 3 个工作日");
    expect(soonMail?.text).toContain(`办理页面：https://gk.example.gov.cn/admin/requests/${soon}`);
    const lateMail = byTracking("YSQ2026000100002");
    expect(lateMail?.to).toEqual(["gkb@edu.example.gov.cn"]);
    expect(lateMail?.subject).toBe(
      "【已逾期】政府信息公开申请 YSQ2026000100002 答复期限 2026-11-09 已过（已逾期 1 个工作日）",
    );
    expect(lateMail?.text).toContain(
      "示范市教育局政府信息公开工作机构（承办人li 的姓名未登记可用的电子邮箱，请转交办理）：",
    );
    expect(lateMail?.text).toContain("已超过答复期限，请尽快办理");

    const stored = await storedReminders(database);
    expect(stored).toEqual([
      {
        request_id: soon,
        kind: "due_soon",
        due_on: "2026-11-13",
        delivered_at: TUESDAY,
        recipient: "wang@edu.example.gov.cn",
        attempts: 1,
        last_error: "",
      },
      {
        request_id: late,
        kind: "overdue",
        due_on: "2026-11-09",
        delivered_at: TUESDAY,
        recipient: "gkb@edu.example.gov.cn",
        attempts: 1,
        last_error: "",
      },
    ]);
    const trail = await database.db
      .selectFrom("trail")
      .select(["actor_name", "actor_role", "agency_id", "entity_type", "entity_id", "after_json"])
      .where("action", "=", "reminder.send")
      .orderBy("seq")
      .execute();
    expect(trail).toEqual([
      {
        actor_name: "系统",
        actor_role: "system",
        agency_id: agencyId,
        entity_type: "request",
        entity_id: String(late),
        after_json: JSON.stringify({
          kind: "overdue",
          dueOn: "2026-11-09",
          recipient: "gkb@edu.example.gov.cn",
          attempt: 1,
        }),
      },
      {
        actor_name: "系统",
        actor_role: "system",
        agency_id: agencyId,
        entity_type: "request",
        entity_id: String(soon),
        after_json: JSON.stringify({
          kind: "due_soon",
          dueOn: "2026-11-13",
          recipient: "wang@edu.example.gov.cn",
          attempt: 1,
        }),
      },
    ]);
  });

  it("sends each reminder once per request, kind and due date: again only for a new due date or once overdue", async () => {
    const { database, agencyId, wang, clock, options } = await setup(dialect);
    const id = await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100011",
      dueOn: "2026-11-12",
      caseOfficerId: wang,
    });
    expect((await runReminders(options)).sent).toBe(1);
    expect(await runReminders(options)).toEqual({ today: "2026-11-10", reserved: 0, sent: 0, failed: 0 });
    clock.advance(24 * 3600_000); // Wednesday: still due soon, already reminded
    expect((await runReminders(options)).sent).toBe(0);
    // The due date moves (e.g. a pause was added): a new reminder for the new date.
    await database.db.updateTable("requests").set({ due_on: "2026-11-13" }).where("id", "=", id).execute();
    expect((await runReminders(options)).sent).toBe(1);
    clock.advance(6 * 24 * 3600_000); // Tuesday 2026-11-17: overdue by 2 working days
    expect((await runReminders(options)).sent).toBe(1);
    expect((await runReminders(options)).sent).toBe(0);
    expect(inbox.mails.map((m) => m.subject)).toEqual([
      "【即将到期】政府信息公开申请 YSQ2026000100011 答复期限 2026-11-12（剩余 2 个工作日）",
      "【即将到期】政府信息公开申请 YSQ2026000100011 答复期限 2026-11-13（剩余 2 个工作日）",
      "【已逾期】政府信息公开申请 YSQ2026000100011 答复期限 2026-11-13 已过（已逾期 2 个工作日）",
    ]);
    expect((await storedReminders(database)).map((r) => [r.kind, r.due_on])).toEqual([
      ["due_soon", "2026-11-12"],
      ["due_soon", "2026-11-13"],
      ["overdue", "2026-11-13"],
    ]);
  });

  it("records a refused mail and sends it on the next run; without any address it waits until one is set", async () => {
    const { database, agencyId, quiet, wang, options } = await setup(dialect);
    const refused = await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100021",
      dueOn: "2026-11-11",
      caseOfficerId: wang,
    });
    const nowhere = await insertCase(database, {
      agencyId: quiet,
      trackingNo: "YSQ2026000200001",
      dueOn: "2026-11-10",
    });
    inbox.refuseNext(1);
    expect(await runReminders(options)).toEqual({ today: "2026-11-10", reserved: 2, sent: 0, failed: 2 });
    expect(inbox.mails).toHaveLength(0);
    const failed = await storedReminders(database);
    expect(failed.map((r) => [r.request_id, r.delivered_at, r.attempts])).toEqual([
      [refused, null, 1],
      [nowhere, null, 1],
    ]);
    expect(failed[0]?.last_error).toContain("邮箱暂时不可用");
    expect(failed[1]?.last_error).toBe("承办人和本机关均未登记电子邮箱");
    const failures = await database.db
      .selectFrom("trail")
      .select(["entity_id", "after_json"])
      .where("action", "=", "reminder.fail")
      .orderBy("seq")
      .execute();
    expect(failures.map((f) => [f.entity_id, JSON.parse(f.after_json ?? "{}").attempt])).toEqual([
      [String(nowhere), 1],
      [String(refused), 1],
    ]);

    expect(await runReminders(options)).toEqual({ today: "2026-11-10", reserved: 0, sent: 1, failed: 1 });
    expect(inbox.mails.map((m) => m.to)).toEqual([["wang@edu.example.gov.cn"]]);
    await database.db
      .updateTable("agencies")
      .set({ office_email: "dag@example.gov.cn" })
      .where("id", "=", quiet)
      .execute();
    expect(await runReminders(options)).toEqual({ today: "2026-11-10", reserved: 0, sent: 1, failed: 0 });
    expect(inbox.mails.at(-1)?.to).toEqual(["dag@example.gov.cn"]);
    expect(inbox.mails.at(-1)?.text).toContain("（本申请尚未指定承办人，请转交办理）");
    expect(
      (await storedReminders(database)).map((r) => [r.attempts, r.last_error, r.delivered_at !== null]),
    ).toEqual([
      [2, "", true],
      [3, "", true],
    ]);
  });

  it("two runs at once send each reminder once; a closed case's pending reminder is dropped", async () => {
    const { database, agencyId, wang, options } = await setup(dialect);
    for (let i = 1; i <= 5; i++) {
      await insertCase(database, {
        agencyId,
        trackingNo: `YSQ202600010010${i}`,
        dueOn: "2026-11-12",
        caseOfficerId: wang,
      });
    }
    const [a, b] = await Promise.all([runReminders(options), runReminders(options)]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(5);
    expect((a?.reserved ?? 0) + (b?.reserved ?? 0)).toBe(5);
    expect(inbox.mails).toHaveLength(5);
    expect(new Set(inbox.mails.map((m) => m.subject)).size).toBe(5);

    const closing = await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100200",
      dueOn: "2026-11-12",
      caseOfficerId: wang,
    });
    inbox.refuseNext(1);
    expect((await runReminders(options)).failed).toBe(1);
    await database.db
      .updateTable("requests")
      .set({ status: "closed", closed_on: "2026-11-10", outcome: "O-1" })
      .where("id", "=", closing)
      .execute();
    expect(await runReminders(options)).toEqual({ today: "2026-11-10", reserved: 0, sent: 0, failed: 0 });
    expect(inbox.mails).toHaveLength(5);
  });

  it("R-WD-3 says when the due date is provisional", async () => {
    const { database, agencyId, wang, options } = await setup(dialect);
    await insertCase(database, {
      agencyId,
      trackingNo: "YSQ2026000100301",
      dueOn: "2026-11-11",
      caseOfficerId: wang,
      dueProvisional: true,
    });
    await runReminders(options);
    expect(inbox.mails[0]?.text).toContain("答复期限：2026-11-11（暂定：期限跨入尚未公布节假日安排的年份");
  });
});
