import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAgency, insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { registerChannel } from "./channel.service.ts";
import { responseCounts } from "./channel-response.repository.ts";

describe.each(testDialects())("channel responses on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyId: number;
  let channelId: number;
  let officer: TestSession;
  let stranger: TestSession;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    agencyId = await insertAgency(database, "甲市公安局", null);
    const other = await insertAgency(database, "乙市公安局", null);
    channelId = (await registerChannel(database, agencyId, { kind: "weibo", name: "平安甲市" }, SYSTEM_ACTOR))
      .id;
    await insertTestUser(database, "xinxi", [{ agencyId, role: "information_officer" }]);
    await insertTestUser(database, "stranger", [{ agencyId: other, role: "information_officer" }]);
    officer = await signIn(app, "xinxi");
    stranger = await signIn(app, "stranger");
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const post = (payload: object, session = officer) =>
    app.inject({
      method: "POST",
      url: `/api/channels/${channelId}/responses`,
      headers: session.headers,
      payload,
    });

  it("records an account's replies to the public, counted per year (the report's 回应关注)", async () => {
    const res = await post({
      responses: [
        { respondedOn: "2022-03-01", subject: "回应网友关注：户籍办理" },
        { respondedOn: "2022-12-31", subject: "回应网友关注：交通管制" },
        { respondedOn: "2023-01-01", subject: "回应网友关注：出入境" },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await responseCounts(database.db, agencyId, 2022)).get(channelId)).toBe(2);
    expect((await responseCounts(database.db, agencyId, 2023)).get(channelId)).toBe(1);
  });

  it("refuses a bad date or an empty subject with nothing recorded, and another agency's staff", async () => {
    const bad = await post({
      responses: [
        { respondedOn: "2022-03-01", subject: "好" },
        { respondedOn: "2022-02-30", subject: "x" },
      ],
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, "INVALID_DATE"]);
    expect((await post({ responses: [{ respondedOn: "2022-03-02", subject: "  " }] })).statusCode).toBe(400);
    expect(
      (await post({ responses: [{ respondedOn: "2022-03-02", subject: "x" }] }, stranger)).statusCode,
    ).toBe(404);
    expect((await responseCounts(database.db, agencyId, 2022)).get(channelId)).toBe(2);
  });
});
