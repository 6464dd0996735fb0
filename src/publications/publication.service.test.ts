import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAgency } from "../agencies/agency.repository.ts";
import { listChannelCounts } from "../channels/channel.service.ts";
import { parseIndexNumber } from "../core/publication/publication-rules.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { listPublicationLog } from "./publication.repository.ts";
import {
  actOnPublication,
  amendPublication,
  createPublication,
  getPublicationRecord,
  setValidity,
  updatePublication,
} from "./publication.service.ts";
import { actor, catalogFixture, draftInput, publishItem } from "./publication.test-support.ts";
import { searchPublished } from "./search.service.ts";

describe.each(testDialects())("catalog service on %s", (dialect) => {
  let database: TestDatabase;
  let fixture: Awaited<ReturnType<typeof catalogFixture>>;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    fixture = await catalogFixture(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("索引号 {credit code}/{YYYY}-{NNNNN}: serial per agency per year, restarting each year", async () => {
    const { tree, columnId } = fixture;
    const agency = await findAgency(database.db, tree.a1);
    const first = await publishItem(database, tree.a1, draftInput(columnId, "一"), "2022-03-10");
    const second = await publishItem(database, tree.a1, draftInput(columnId, "二"), "2022-12-31");
    const nextYear = await publishItem(database, tree.a1, draftInput(columnId, "三"), "2023-01-03");
    expect(first.indexNo).toBe(`${agency?.creditCode}/2022-00001`);
    expect(second.indexNo).toBe(`${agency?.creditCode}/2022-00002`);
    expect(nextYear.indexNo).toBe(`${agency?.creditCode}/2023-00001`);
    const root = (await import("./column.service.ts")).proactiveRoot;
    const otherColumn = await root(database, tree.a2);
    const other = await publishItem(database, tree.a2, draftInput(otherColumn.id, "四"), "2022-05-01");
    expect(parseIndexNumber(other.indexNo ?? "")?.serial).toBe(1);
  });

  it("索引号 collision-proof: ten items published at once get ten distinct serials 1…10", async () => {
    const { tree, columnId } = fixture;
    const ready = [];
    for (let i = 0; i < 10; i++) {
      const d = await createPublication(
        database,
        tree.a1,
        draftInput(columnId, `并发${i}`),
        actor("information_officer"),
      );
      await actOnPublication(database, d.id, { type: "submit" }, actor("information_officer"));
      for (const role of ["secrecy_reviewer", "reviewer", "office_head"]) {
        await actOnPublication(database, d.id, { type: "approve", opinion: "" }, actor(role));
      }
      ready.push(d.id);
    }
    const published = await Promise.all(
      ready.map((id) =>
        actOnPublication(
          database,
          id,
          { type: "publish", publishedOn: "2022-06-01" },
          actor("information_officer"),
        ),
      ),
    );
    const serials = published
      .map((p) => parseIndexNumber(p.indexNo ?? "")?.serial)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(serials).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("索引号 collision: a second row with the same index number is refused by the database", async () => {
    const { tree, columnId } = fixture;
    const one = await publishItem(database, tree.a1, draftInput(columnId, "一"));
    const two = await createPublication(
      database,
      tree.a1,
      draftInput(columnId, "二"),
      actor("information_officer"),
    );
    await expect(
      database.db
        .updateTable("publications")
        .set({ index_no: one.indexNo })
        .where("id", "=", two.id)
        .execute(),
    ).rejects.toThrow();
  });

  it("先审后发: each step is logged with who, when and the opinion; publishing before the reviews is refused", async () => {
    const { tree, columnId } = fixture;
    const draft = await createPublication(
      database,
      tree.a1,
      draftInput(columnId, "审查记录"),
      actor("information_officer"),
    );
    await expect(
      actOnPublication(
        database,
        draft.id,
        { type: "publish", publishedOn: "2022-03-10" },
        actor("information_officer"),
      ),
    ).rejects.toMatchObject({ code: "REVIEWS_INCOMPLETE", status: 409 });
    await actOnPublication(database, draft.id, { type: "submit" }, actor("information_officer"));
    await actOnPublication(
      database,
      draft.id,
      { type: "approve", opinion: "无涉密内容" },
      actor("secrecy_reviewer"),
    );
    await expect(
      actOnPublication(
        database,
        draft.id,
        { type: "publish", publishedOn: "2022-03-10" },
        actor("information_officer"),
      ),
    ).rejects.toMatchObject({ code: "REVIEWS_INCOMPLETE" });
    await actOnPublication(database, draft.id, { type: "sendBack", opinion: "文号有误" }, actor("reviewer"));
    expect((await getPublicationRecord(database, draft.id)).status).toBe("draft");
    const log = await listPublicationLog(database.db, draft.id);
    expect(log.map((e) => [e.type, e.step, e.opinion, e.actorName])).toEqual([
      ["submit", null, "", "测试information_officer"],
      ["approve", "secrecyReview", "无涉密内容", "测试secrecy_reviewer"],
      ["sendBack", "review", "文号有误", "测试reviewer"],
    ]);
    expect(log.every((e) => /^\d{4}-\d\d-\d\dT/.test(e.at))).toBe(true);
    const trail = await database.db
      .selectFrom("trail")
      .select("action")
      .where("entity_type", "=", "publication")
      .execute();
    expect(trail.map((t) => t.action)).toEqual([
      "publication.create",
      "publication.submit",
      "publication.approve",
      "publication.sendBack",
    ]);
  });

  it("a published item is not edited; an amendment publishes a new version and marks the original 修订", async () => {
    const { tree, columnId } = fixture;
    const original = await publishItem(database, tree.a1, draftInput(columnId, "原文件"));
    await expect(
      updatePublication(database, original.id, { title: "改" }, actor("information_officer")),
    ).rejects.toMatchObject({
      code: "NOT_EDITABLE",
    });
    const draft = await amendPublication(database, original.id, actor("information_officer"));
    await expect(amendPublication(database, original.id, actor("information_officer"))).rejects.toMatchObject(
      { code: "ALREADY_AMENDED" },
    );
    await updatePublication(database, draft.id, { title: "原文件（修订）" }, actor("information_officer"));
    await actOnPublication(database, draft.id, { type: "submit" }, actor("information_officer"));
    for (const role of ["secrecy_reviewer", "reviewer", "office_head"]) {
      await actOnPublication(database, draft.id, { type: "approve", opinion: "" }, actor(role));
    }
    const amended = await actOnPublication(
      database,
      draft.id,
      { type: "publish", publishedOn: "2022-04-01" },
      actor("information_officer"),
    );
    const before = await getPublicationRecord(database, original.id);
    expect(before).toMatchObject({ status: "published", validity: "修订", amendedById: amended.id });
    expect(amended).toMatchObject({ amendsId: original.id, validity: "有效" });
  });

  it("withdrawal keeps the item and its log, marks it 失效 and takes it out of search", async () => {
    const { tree, columnId } = fixture;
    const item = await publishItem(database, tree.a1, draftInput(columnId, "道路交通管制通告"));
    expect((await searchPublished(database, tree.a1, "交通", 1)).total).toBe(1);
    await expect(
      actOnPublication(database, item.id, { type: "withdraw", opinion: " " }, actor("office_head")),
    ).rejects.toMatchObject({
      code: "OPINION_REQUIRED",
    });
    const withdrawn = await actOnPublication(
      database,
      item.id,
      { type: "withdraw", opinion: "内容已过时" },
      actor("office_head"),
    );
    expect(withdrawn).toMatchObject({ status: "withdrawn", validity: "失效", indexNo: item.indexNo });
    expect((await searchPublished(database, tree.a1, "交通", 1)).total).toBe(0);
    expect((await listPublicationLog(database.db, item.id)).at(-1)).toMatchObject({
      type: "withdraw",
      opinion: "内容已过时",
    });
  });

  it("有效性 of a published item is marked 废止; 修订 is never set by hand", async () => {
    const { tree, columnId } = fixture;
    const item = await publishItem(database, tree.a1, draftInput(columnId, "旧规定"));
    expect((await setValidity(database, item.id, "废止", actor("office_head"))).validity).toBe("废止");
    await expect(setValidity(database, item.id, "修订", actor("office_head"))).rejects.toMatchObject({
      code: "INVALID_VALIDITY",
    });
  });

  it("XSS in a body is removed before it is stored", async () => {
    const { tree, columnId } = fixture;
    const body =
      '<p onclick="alert(1)">通知<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)><iframe src="//evil"></iframe></p>';
    const draft = await createPublication(
      database,
      tree.a1,
      draftInput(columnId, "XSS", body),
      actor("information_officer"),
    );
    expect(draft.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
    expect(draft.bodyHtml).toContain("通知");
  });

  it("full-text search finds published items by words, by 2-character and by 1-character queries", async () => {
    const { tree, columnId } = fixture;
    await publishItem(
      database,
      tree.a1,
      draftInput(columnId, "2022年第12期周警情播报", "<p>本周全市接报警情下降</p>"),
    );
    await publishItem(database, tree.a1, draftInput(columnId, "关于春节期间烟花爆竹燃放管理的通告"));
    await createPublication(
      database,
      tree.a1,
      draftInput(columnId, "草稿中的警情通报"),
      actor("information_officer"),
    );
    const titles = async (q: string) =>
      (await searchPublished(database, tree.a1, q, 1)).results.map((r) => r.item.title);
    expect(await titles("周警情播报")).toEqual(["2022年第12期周警情播报"]);
    expect(await titles("警情")).toEqual(["2022年第12期周警情播报"]);
    expect(await titles("警")).toEqual(["2022年第12期周警情播报"]);
    expect(await titles("爆竹")).toEqual(["关于春节期间烟花爆竹燃放管理的通告"]);
    expect(await titles("通")).toEqual(["关于春节期间烟花爆竹燃放管理的通告"]);
    expect(await titles("火车")).toEqual([]);
    const hit = (await searchPublished(database, tree.a1, "警情", 1)).results[0];
    expect(hit?.title.filter((p) => p.hit).map((p) => p.text)).toEqual(["警情"]);
    // Another agency's search never sees A1's items.
    expect((await searchPublished(database, tree.a2, "警情", 1)).total).toBe(0);
  });

  it("every change is dated by the clock passed in: rows, the 先审后发 log, the 索引号 year and the trail", async () => {
    const { tree, columnId } = fixture;
    const at = (iso: string) => new Date(iso);
    const officer = actor("information_officer");
    const draft = await createPublication(
      database,
      tree.a1,
      draftInput(columnId, "时钟"),
      officer,
      at("2021-06-01T01:00:00.000Z"),
    );
    expect(draft.createdAt).toBe("2021-06-01T01:00:00.000Z");
    const edited = await updatePublication(
      database,
      draft.id,
      { title: "时钟（改）" },
      officer,
      at("2021-06-02T01:00:00.000Z"),
    );
    expect(edited.updatedAt).toBe("2021-06-02T01:00:00.000Z");
    await actOnPublication(database, draft.id, { type: "submit" }, officer, at("2021-06-03T01:00:00.000Z"));
    for (const role of ["secrecy_reviewer", "reviewer", "office_head"]) {
      await actOnPublication(
        database,
        draft.id,
        { type: "approve", opinion: "" },
        actor(role),
        at("2021-06-04T01:00:00.000Z"),
      );
    }
    // 17:30 UTC on 31 December is 1 January in Shanghai, the day the route gives as the publication day.
    const published = await actOnPublication(
      database,
      draft.id,
      { type: "publish", publishedOn: "2022-01-01" },
      officer,
      at("2021-12-31T17:30:00.000Z"),
    );
    expect(published.publishedAt).toBe("2021-12-31T17:30:00.000Z");
    expect(published.publishedOn).toBe("2022-01-01");
    expect(parseIndexNumber(published.indexNo ?? "")?.year).toBe(2022);
    const log = await listPublicationLog(database.db, draft.id);
    expect(log.map((e) => e.at)).toEqual([
      "2021-06-03T01:00:00.000Z",
      "2021-06-04T01:00:00.000Z",
      "2021-06-04T01:00:00.000Z",
      "2021-06-04T01:00:00.000Z",
      "2021-12-31T17:30:00.000Z",
    ]);
    const trail = await database.db
      .selectFrom("trail")
      .select(["action", "at"])
      .where("entity_type", "=", "publication")
      .where("entity_id", "=", String(draft.id))
      .orderBy("seq")
      .execute();
    expect(trail.map((e) => [e.action, e.at])).toEqual([
      ["publication.create", "2021-06-01T01:00:00.000Z"],
      ["publication.update", "2021-06-02T01:00:00.000Z"],
      ["publication.submit", "2021-06-03T01:00:00.000Z"],
      ["publication.approve", "2021-06-04T01:00:00.000Z"],
      ["publication.approve", "2021-06-04T01:00:00.000Z"],
      ["publication.approve", "2021-06-04T01:00:00.000Z"],
      ["publication.publish", "2021-12-31T17:30:00.000Z"],
    ]);
    const marked = await setValidity(
      database,
      draft.id,
      "失效",
      actor("office_head"),
      at("2022-02-01T01:00:00.000Z"),
    );
    expect(marked.updatedAt).toBe("2022-02-01T01:00:00.000Z");
    const amendment = await amendPublication(database, draft.id, officer, at("2022-02-02T01:00:00.000Z"));
    expect(amendment.createdAt).toBe("2022-02-02T01:00:00.000Z");
  });

  it("publishing records the portal post, counted per channel per year", async () => {
    const { tree, columnId } = fixture;
    await publishItem(database, tree.a1, draftInput(columnId, "一"), "2022-03-10");
    await publishItem(database, tree.a1, draftInput(columnId, "二"), "2023-01-05");
    const counts = await listChannelCounts(database, tree.a1, 2022);
    expect(counts.map((c) => [c.kind, c.posts])).toEqual([["portal", 1]]);
  });
});
