import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertAgency } from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";
import { openForm, PERSON_FIELDS, postApply } from "./tracking-public.test-support.ts";

/** A real PNG signature followed by `size` bytes: an identity document of about that size. */
function pngOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  return bytes;
}

describe.each(testDialects())("the online request form's flood limit on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let agencyId: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    agencyId = await insertAgency(database, "甲市住房和城乡建设局", null, "department");
    app = await buildServer({ logLevel: false, database });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  beforeEach(async () => {
    await database.db.deleteFrom("request_attachments").execute();
    await database.db.deleteFrom("form_posts").execute();
  });

  const count = async (table: "requests" | "request_attachments") =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("lets 5 of 30 parallel posts with 2 MB files from one address through; the rest get 429 and store nothing", async () => {
    const url = `/agencies/${agencyId}/disclosure/apply`;
    const first = await openForm(app, url);
    // 30 forms opened in one browser: each has its own hidden key, so each post would be a new request.
    const forms = await Promise.all(Array.from({ length: 30 }, () => openForm(app, url, first.cookie)));
    expect(new Set(forms.map((f) => f.formKey)).size).toBe(30);
    const file = { fileName: "身份证.png", bytes: pngOfSize(2 * 1024 * 1024), type: "image/png" };
    const requestsBefore = await count("requests");
    const answers = await Promise.all(
      forms.map((form) => postApply(app, agencyId, form, PERSON_FIELDS, [file], {}, "198.51.100.23")),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    expect(await count("requests")).toBe(requestsBefore + 5);
    expect(await count("request_attachments")).toBe(5);
    const refused = answers.find((a) => a.statusCode === 429);
    expect(refused?.body).toContain("提交过于频繁，请稍后再试");
    expect(refused?.body).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);

    // Once at the limit, a post is refused before its files are read; an API client gets { code, message }.
    const late = await openForm(app, url, first.cookie);
    const json = await postApply(
      app,
      agencyId,
      late,
      PERSON_FIELDS,
      [file],
      { accept: "application/json" },
      "198.51.100.23",
    );
    expect(json.statusCode).toBe(429);
    expect(json.json()).toEqual({
      code: "REQUEST_FLOOD",
      message: expect.stringContaining("提交过于频繁，请稍后再试"),
    });
    expect(await count("requests")).toBe(requestsBefore + 5);

    // Another address is not held up, and a repost of an accepted form still shows its request.
    const other = await postApply(app, agencyId, late, PERSON_FIELDS, [file], {}, "203.0.113.77");
    expect(other.statusCode).toBe(200);
    const accepted = forms[statuses.indexOf(200)];
    if (!accepted) throw new Error("no accepted form");
    expect(await count("requests")).toBe(requestsBefore + 6);
  });

  it("does not count refused forms: a post with field errors leaves the address's allowance as it was", async () => {
    const url = `/agencies/${agencyId}/disclosure/apply`;
    const form = await openForm(app, url);
    for (let i = 0; i < 8; i += 1) {
      const bad = await postApply(
        app,
        agencyId,
        form,
        { ...PERSON_FIELDS, phone: "" },
        undefined,
        {},
        "192.0.2.44",
      );
      expect(bad.statusCode).toBe(400);
    }
    expect(await count("request_attachments")).toBe(0);
    const good = await postApply(app, agencyId, form, PERSON_FIELDS, undefined, {}, "192.0.2.44");
    expect(good.statusCode).toBe(200);
  });
});
