import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAgency } from "../auth/auth.test-support.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { issueFormToken } from "../web/form-token.ts";
import { spendFormToken } from "./form-token.repository.ts";

describe.each(testDialects())("the message board's form token serves one post on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyId: number;

  /** A token rendered ten seconds ago (a person's filling time). */
  const token = async () =>
    issueFormToken(await installationSecret(database.db), "message-board", new Date(Date.now() - 10_000));

  /** Posts the public form with a token and a hidden key from an address. */
  const post = (fields: { _token: string; key: string; body?: string }, ip: string) =>
    app.inject({
      method: "POST",
      url: `/agencies/${agencyId}/messages`,
      payload: new URLSearchParams({
        kind: "consultation",
        title: "办理居住证需要哪些材料",
        body: "请问办理居住证需要准备哪些材料？",
        authorName: "李四",
        contactPhone: "",
        contactEmail: "",
        publishConsent: "yes",
        website: "",
        ...fields,
      }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      remoteAddress: ip,
    });

  const messages = async () =>
    (await database.db.selectFrom("messages").select(["id", "body"]).orderBy("id").execute()).length;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildServer({ logLevel: false, database });
    await app.ready();
    agencyId = await insertAgency(database, "示范市民政局", null);
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it("stores one of 300 posts made with one token from 300 addresses; the others get a clear 409", async () => {
    const before = await messages();
    const harvested = await token();
    // In rounds of 30 parallel posts (the pool has 10 connections; a round waits on the first post's token).
    const answers = [];
    for (let round = 0; round < 10; round += 1) {
      const batch = Array.from({ length: 30 }, (_, j) => round * 30 + j);
      answers.push(
        ...(await Promise.all(
          batch.map((i) =>
            post(
              {
                _token: harvested,
                key: `flood-key-${i}-abcdef`,
                body: `请问办理居住证需要准备哪些材料？第${i}问`,
              },
              `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`,
            ),
          ),
        )),
      );
    }
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(299);
    const refused = answers.find((a) => a.statusCode === 409);
    expect(refused?.body).toContain("此留言页面已经提交过一条留言");
    // The refused page is the form again, with a fresh token and the text kept (works without JavaScript).
    expect(refused?.body).toContain('name="_token"');
    expect(refused?.body).toContain("第");
    expect(await messages()).toBe(before + 1);
  });

  it("answers the same post sent again with its token (back button, double click) with the one message", async () => {
    const before = await messages();
    const once = await token();
    const answers = await Promise.all(
      [1, 2, 3].map(() => post({ _token: once, key: "same-form-key-abcdef" }, "192.0.2.61")),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(await messages()).toBe(before + 1);
  });

  it("does not spend the token of a refused post: a corrected post with it goes through", async () => {
    const first = await token();
    const body = "请问居住证过期后如何续签？需要本人到场吗？";
    expect((await post({ _token: first, key: "dup-key-one-abcdef", body }, "192.0.2.62")).statusCode).toBe(
      200,
    );
    const second = await token();
    const duplicate = await post({ _token: second, key: "dup-key-two-abcdef", body }, "192.0.2.62");
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain("内容相同的留言");
    const corrected = await post(
      { _token: second, key: "dup-key-two-abcdef", body: "请问居住证续签可以网上办理吗？" },
      "192.0.2.62",
    );
    expect(corrected.statusCode).toBe(200);
  });

  it("keeps the hourly limit under 30 parallel posts from one address, each with its own token", async () => {
    const before = await messages();
    const tokens = await Promise.all(Array.from({ length: 30 }, () => token()));
    const answers = await Promise.all(
      tokens.map((t, i) =>
        post(
          { _token: t, key: `parallel-key-${i}-abcdef`, body: `请问居住证的办理时限是多久？第${i}问` },
          "192.0.2.99",
        ),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(25);
    expect(await messages()).toBe(before + 5);
  });

  it("forgets spent tokens once they have expired", async () => {
    await database.db.transaction().execute(async (trx) => {
      const old = { id: "1.oldtoken000", usedFor: "k1", expiresAt: "2020-01-01T00:00:00.000Z" };
      expect(await spendFormToken(trx, old, "2019-12-31T00:00:00.000Z")).toBe(true);
      expect(await spendFormToken(trx, { ...old, usedFor: "k2" }, "2019-12-31T00:00:00.000Z")).toBe(false);
      const fresh = { id: "2.newtoken000", usedFor: "k3", expiresAt: "2030-01-01T00:00:00.000Z" };
      expect(await spendFormToken(trx, fresh, "2024-01-01T00:00:00.000Z")).toBe(true);
    });
    const left = await database.db.selectFrom("used_form_tokens").select("token_id").execute();
    expect(left.map((r) => r.token_id)).not.toContain("1.oldtoken000");
    expect(left.map((r) => r.token_id)).toContain("2.newtoken000");
  });
});
