import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { presentStaffMessage } from "../messages/message.presenter.ts";
import { findMessage } from "../messages/message.repository.ts";
import { boardSummary, messageReplyDue, submitMessage } from "../messages/message.service.ts";
import { replyWorkdaysOf } from "../messages/message-settings.repository.ts";
import { buildServer } from "../server/build-server.ts";
import { BoardSummary, MessagePage, StaffMessage } from "./message.contract.ts";

// An instant as the API writes it: ISO 8601 in UTC, as Date#toISOString gives it.
if (!FormatRegistry.Has("date-time"))
  FormatRegistry.Set("date-time", (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v));

/** A value as it travels as JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe.each(testDialects())(
  "the board's staff answers are the presenters' values, nothing dropped, on %s",
  (dialect) => {
    let database: TestDatabase;
    let app: FastifyInstance;
    let agencyId: number;
    let officer: TestSession;
    let messageId: number;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      app = await buildServer({ logLevel: false, database });
      await app.ready();
      agencyId = await insertAgency(database, "示范市公安局", null);
      await insertTestUser(database, "officer", [{ agencyId, role: "case_officer" }]);
      officer = await signIn(app, "officer");
      const stored = await submitMessage(
        database,
        {
          agencyId,
          kind: "consultation",
          title: "户籍迁移咨询",
          body: "请问迁入需要哪些材料？",
          authorName: "张三",
          contactPhone: "13800000000",
          contactEmail: "zhang@example.cn",
          publishConsent: true,
          idempotencyKey: `board:${agencyId}:contract-test`,
        },
        { ip: "203.0.113.9", now: new Date() },
      );
      messageId = stored.id;
      const replied = await app.inject({
        method: "POST",
        url: `/api/messages/${messageId}/reply`,
        headers: officer.headers,
        payload: { body: "请携带身份证和户口簿。", department: "户政科", publish: true },
      });
      expect(replied.statusCode).toBe(200);
    });

    afterAll(async () => {
      await app.close();
      await database.dispose();
    });

    /** The staff view of the message as the presenter makes it now. */
    async function presented(): Promise<StaffMessage> {
      const row = await findMessage(database.db, messageId);
      if (!row) throw new Error("the message is gone");
      const workdays = await replyWorkdaysOf(database.db, agencyId);
      return presentStaffMessage(row, messageReplyDue(row.received_on, workdays), shanghaiDate());
    }

    it("GET /api/messages/:id and GET /api/messages: the staff view with its reply and contacts", async () => {
      const one = await app.inject({ url: `/api/messages/${messageId}`, headers: officer.headers });
      expect(one.statusCode).toBe(200);
      const expected = await presented();
      expect(expected.reply).not.toBeNull();
      expect(one.json()).toEqual(asJson(expected));
      expect(Value.Errors(StaffMessage, one.json()).First()).toBeUndefined();
      const page = await app.inject({ url: `/api/messages?agencyId=${agencyId}`, headers: officer.headers });
      expect(page.json()).toEqual(asJson({ items: [expected], total: 1, page: 1, pageSize: 20 }));
      expect(Value.Errors(MessagePage, page.json()).First()).toBeUndefined();
    });

    it("GET /api/messages/summary: the year's figures and W-7", async () => {
      const year = Number(shanghaiDate().slice(0, 4));
      const res = await app.inject({
        url: `/api/messages/summary?agencyId=${agencyId}&year=${year}`,
        headers: officer.headers,
      });
      expect(res.statusCode).toBe(200);
      const expected = await boardSummary(database, agencyId, year, shanghaiDate());
      expect(expected.received).toBe(1);
      expect(res.json()).toEqual(asJson(expected));
      expect(Value.Errors(BoardSummary, res.json()).First()).toBeUndefined();
    });
  },
);
