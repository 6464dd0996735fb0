/**
 * Test support for the monitor tests: records entered through the services — columns, items published on a
 * day, a draft formed on a day, a new-media account with a post, a decision, a message — and the level of
 * each rule of a run.
 */
import { validCreditCode } from "../agencies/agency.test-support.ts";
import { recordPosts, registerChannel } from "../channels/channel.service.ts";
import { readPostTime } from "../channels/post-rows.ts";
import type { MonitorVerdict } from "../core/monitor/monitor-verdict.ts";
import type { Database } from "../db/database.ts";
import { submitMessage } from "../messages/message.service.ts";
import { createColumn, proactiveRoot } from "../publications/column.service.ts";
import { createPublication } from "../publications/publication.service.ts";
import { actor, publishItem } from "../publications/publication.test-support.ts";
import { createDecision } from "../registries/decision.service.ts";

/** The level of each rule, by rule ID. */
export function levels(verdicts: readonly MonitorVerdict[]): Record<string, string> {
  return Object.fromEntries(verdicts.map((v) => [v.rule, v.level]));
}

/** A column under the agency's 法定主动公开内容, with an optional cadence. */
export async function addColumn(
  database: Database,
  agencyId: number,
  name: string,
  cadence: "weekly" | null = null,
): Promise<number> {
  const root = await proactiveRoot(database, agencyId);
  const column = await createColumn(
    database,
    agencyId,
    { parentId: root.id, name, cadence },
    actor("information_officer"),
  );
  return column.id;
}

/** An item in the column taken through 先审后发 and published on the day (formed two days before). */
export async function publishOn(
  database: Database,
  agencyId: number,
  columnId: number,
  publishedOn: string,
): Promise<number> {
  const formed = new Date(Date.parse(`${publishedOn}T00:00:00Z`) - 2 * 86_400_000).toISOString();
  const input = {
    columnId,
    title: `信息（${publishedOn}）`,
    formedOn: formed.slice(0, 10),
    bodyHtml: "<p>正文</p>",
    categoryItem: "（十二）",
  };
  return (await publishItem(database, agencyId, input, publishedOn)).id;
}

/** A draft item formed on the day and not published. */
export async function draftFormedOn(
  database: Database,
  agencyId: number,
  columnId: number,
  formedOn: string,
): Promise<number> {
  const input = {
    columnId,
    title: "待公开信息",
    formedOn,
    bodyHtml: "<p>正文</p>",
    categoryItem: "（十二）",
  };
  return (await createPublication(database, agencyId, input, actor("information_officer"))).id;
}

/** A 微信公众号 account with one post at the time ("YYYY-MM-DD HH:mm"). */
export async function accountWithPost(
  database: Database,
  agencyId: number,
  name: string,
  postedAt: string,
): Promise<number> {
  const channel = await registerChannel(
    database,
    agencyId,
    { kind: "wechat", name },
    actor("information_officer"),
  );
  const time = readPostTime(postedAt);
  if (!time) throw new Error(`bad time ${postedAt}`);
  const row = {
    channelId: channel.id,
    url: `https://mp.weixin.qq.com/s/${name}`,
    title: "推文",
    publicationId: null,
    ...time,
  };
  await recordPosts(database, agencyId, [row], "entered", actor("information_officer"));
  return channel.id;
}

/** A licence decided on the day (published on `publishedOn`, or not). */
export async function licence(
  database: Database,
  agencyId: number,
  n: number,
  decidedOn: string,
  publishedOn: string | null = null,
): Promise<number> {
  const decision = await createDecision(
    database,
    agencyId,
    {
      kind: "licensing",
      docNo: `甲公许〔2024〕${n}号`,
      matter: "剧毒化学品购买许可",
      content: "准予许可",
      decidedOn,
      authority: "甲市公安局",
      authorityCreditCode: "",
      partyKind: "legalPerson",
      partyName: `甲市第${n}化工有限公司`,
      partyCreditCode: validCreditCode(5000 + n),
      legalRepresentative: "王五",
      idType: "",
      idNumber: "",
      publishedOn,
    },
    actor("office_head"),
  );
  return decision.id;
}

/** A 政务咨询 received on the day (noon in Shanghai). */
export async function consultationOn(
  database: Database,
  agencyId: number,
  receivedOn: string,
): Promise<number> {
  const input = {
    agencyId,
    kind: "consultation" as const,
    title: "咨询办事时间",
    body: `请问户籍窗口周末是否办公？（${receivedOn}）`,
    authorName: "李四",
    contactPhone: "13800000000",
    contactEmail: "",
    publishConsent: false,
    idempotencyKey: `key-${receivedOn}-${agencyId}`,
  };
  const now = new Date(`${receivedOn}T04:00:00Z`);
  return (await submitMessage(database, input, { ip: "203.0.113.9", now })).id;
}
