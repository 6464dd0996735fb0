import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAgency } from "../agencies/agency.service.ts";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { listPosts, postsOfPublication } from "../channels/channel.repository.ts";
import { agencyChannels } from "../channels/channel.service.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { listAttachments } from "../publications/attachment.repository.ts";
import { columnTree } from "../publications/column.service.ts";
import { presentPublication } from "../publications/publication.presenter.ts";
import { listPublicationLog } from "../publications/publication.repository.ts";
import { actOnPublication, getPublicationRecord } from "../publications/publication.service.ts";
import { actor } from "../publications/publication.test-support.ts";
import { buildServer } from "../server/build-server.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { Agency } from "./agency.contract.ts";
import { ChannelList, ChannelPostPage } from "./channel.contract.ts";
import { ColumnTree, PublicationView } from "./publication.contract.ts";

/** A minimal PDF (magic bytes and the end marker). */
const PDF = new TextEncoder().encode("%PDF-1.7\n%%EOF");

// An instant as the API writes it: ISO 8601 in UTC, as Date#toISOString gives it.
if (!FormatRegistry.Has("date-time"))
  FormatRegistry.Set("date-time", (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v));

/** A value as it travels as JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe.each(testDialects())(
  "the catalog's answers are the presenters' values, nothing dropped, on %s",
  (dialect) => {
    let database: TestDatabase;
    let app: FastifyInstance;
    let tree: TestTree;
    let officer: TestSession;
    let itemId: number;
    let channelId: number;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      app = await buildServer({ logLevel: false, database });
      await app.ready();
      tree = await createTestTree(database);
      await insertTestUser(database, "officer", [{ agencyId: tree.a1, role: "information_officer" }]);
      officer = await signIn(app, "officer");
      const columns = (await call("GET", `/api/columns?agencyId=${tree.a1}`)).json() as ColumnTree;
      const proactive = columns.columns.find((c) => c.rootKind === "proactive");
      const created = await call("POST", "/api/publications", {
        agencyId: tree.a1,
        columnId: proactive?.id,
        title: "关于公布行政事业性收费目录的通知",
        summary: "收费目录",
        formedOn: "2022-03-07",
        writtenOn: "2022-03-07",
        documentNo: "示财〔2022〕3号",
        categoryItem: "（十二）",
        issueNo: 3,
        bodyHtml: "<p>正文</p>",
      });
      expect(created.statusCode).toBe(201);
      itemId = (created.json() as PublicationView).id;
      const form = multipartForm([{ name: "file", fileName: "目录.pdf", bytes: PDF }]);
      const uploaded = await app.inject({
        method: "POST",
        url: `/api/publications/${itemId}/attachments`,
        headers: { ...officer.headers, ...form.headers },
        payload: form.payload,
      });
      expect(uploaded.statusCode).toBe(201);
      // 先审后发 through the service, one actor per step, so the view has a log and a post may link to it.
      const steps = [
        ["information_officer", { type: "submit" }],
        ["secrecy_reviewer", { type: "approve", opinion: "无涉密内容" }],
        ["reviewer", { type: "approve", opinion: "同意" }],
        ["office_head", { type: "approve", opinion: "同意发布" }],
        ["information_officer", { type: "publish", publishedOn: "2022-03-08" }],
      ] as const;
      for (const [role, command] of steps) await actOnPublication(database, itemId, command, actor(role));
      const channel = await call("POST", "/api/channels", {
        agencyId: tree.a1,
        kind: "wechat",
        name: "示范财政",
      });
      expect(channel.statusCode).toBe(201);
      channelId = channel.json().id;
      const posted = await call("POST", "/api/channels/posts", {
        agencyId: tree.a1,
        posts: [
          {
            channelId,
            url: "https://mp.weixin.qq.com/s/fees",
            postedAt: "2022-03-08 09:30",
            title: "收费目录",
            publicationId: itemId,
          },
        ],
      });
      expect(posted.statusCode).toBe(201);
    });

    afterAll(async () => {
      await app.close();
      await database.dispose();
    });

    /** A call as the information officer. */
    function call(method: "GET" | "POST", url: string, payload?: object) {
      return app.inject({ method, url, headers: officer.headers, ...(payload ? { payload } : {}) });
    }

    it("GET /api/publications/:id: the full view with its log, attachment and post", async () => {
      const res = await call("GET", `/api/publications/${itemId}`);
      expect(res.statusCode).toBe(200);
      const [log, attachments, posts] = await Promise.all([
        listPublicationLog(database.db, itemId),
        listAttachments(database.db, itemId),
        postsOfPublication(database.db, itemId),
      ]);
      expect(attachments).toHaveLength(1);
      expect(posts.map((p) => p.source).sort()).toEqual(["entered", "portal"]);
      const record = await getPublicationRecord(database, itemId);
      const expected = presentPublication(record, { log, attachments, posts }, shanghaiDate());
      expect(res.json()).toEqual(asJson(expected));
      expect(Value.Errors(PublicationView, res.json()).First()).toBeUndefined();
    });

    it("GET /api/agencies/:id, GET /api/columns, GET /api/channels and a channel's posts", async () => {
      const agency = await call("GET", `/api/agencies/${tree.a1}`);
      expect(agency.json()).toEqual(asJson(await getAgency(database, tree.a1)));
      expect(Value.Errors(Agency, agency.json()).First()).toBeUndefined();
      const columns = await call("GET", `/api/columns?agencyId=${tree.a1}`);
      expect(columns.json()).toEqual(asJson({ columns: await columnTree(database, tree.a1) }));
      expect(Value.Errors(ColumnTree, columns.json()).First()).toBeUndefined();
      const channels = await call("GET", `/api/channels?agencyId=${tree.a1}`);
      expect(channels.json()).toEqual(asJson({ channels: await agencyChannels(database, tree.a1) }));
      expect(Value.Errors(ChannelList, channels.json()).First()).toBeUndefined();
      const posts = await call("GET", `/api/channels/${channelId}/posts?year=2022`);
      expect(posts.json()).toEqual(
        asJson(await listPosts(database.db, channelId, 2022, { page: 1, pageSize: 50 })),
      );
      expect(Value.Errors(ChannelPostPage, posts.json()).First()).toBeUndefined();
    });
  },
);
