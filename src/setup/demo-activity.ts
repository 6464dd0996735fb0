/**
 * The demo bureau's disclosure work of 2022, matching the reference report (reports/000_eb2e885bc49513d4.txt):
 * 409 items published on the portal through 保密审查, 审核 and 审签 (52 of them the weekly 周警情播报), posts on
 * two WeChat accounts, Weibo (with 42 replies to the public) and Toutiao, 34 answered public messages, and 3
 * disclosure requests — each made through the platform's own services, as the office would have made it.
 */
import { recordPosts, registerChannel } from "../channels/channel.service.ts";
import { recordChannelResponses } from "../channels/channel-response.service.ts";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import type { Database } from "../db/database.ts";
import { findMessage } from "../messages/message.repository.ts";
import { actOnMessage, submitMessage } from "../messages/message.service.ts";
import { createColumn, proactiveRoot } from "../publications/column.service.ts";
import { actOnPublication, createPublication } from "../publications/publication.service.ts";
import { applyRequestAction } from "../requests/request-action.service.ts";
import { registerOfficeRequest } from "../requests/request-intake.service.ts";
import type { Actor } from "../trail/trail-actor.ts";

/** The people of the bureau's disclosure office, by the step they take. */
export interface DemoOffice {
  readonly drafter: Actor;
  readonly secrecy: Actor;
  readonly reviewer: Actor;
  readonly head: Actor;
  readonly officer: Actor;
}

const day = (n: number) => formatDate(parseDate("2022-01-01") + n);

/** One item through the whole 先审后发 workflow, published on `publishedOn`. */
async function publishItem(
  database: Database,
  agencyId: number,
  office: DemoOffice,
  input: Parameters<typeof createPublication>[2],
  publishedOn: string,
): Promise<void> {
  const item = await createPublication(database, agencyId, input, office.drafter, new Date());
  await actOnPublication(database, item.id, { type: "submit" }, office.drafter, new Date());
  const secrecy = { type: "approve", opinion: "经审查不涉密" } as const;
  await actOnPublication(database, item.id, secrecy, office.secrecy, new Date());
  const review = { type: "approve", opinion: "内容准确，同意" } as const;
  await actOnPublication(database, item.id, review, office.reviewer, new Date());
  const signOff = { type: "approve", opinion: "同意发布" } as const;
  await actOnPublication(database, item.id, signOff, office.head, new Date());
  await actOnPublication(database, item.id, { type: "publish", publishedOn }, office.head, new Date());
}

/** The 409 releases of 2022: 357 news and notices and the 52 weekly bulletins. */
export async function seedDemoPublications(
  database: Database,
  agencyId: number,
  agencyName: string,
  office: DemoOffice,
) {
  const root = await proactiveRoot(database, agencyId);
  const news = await createColumn(database, agencyId, { parentId: root.id, name: "警务动态" }, office.head);
  const notices = await createColumn(
    database,
    agencyId,
    { parentId: root.id, name: "通知公告" },
    office.head,
  );
  const bulletins = await createColumn(
    database,
    agencyId,
    { parentId: root.id, name: "周警情播报", cadence: "weekly" },
    office.head,
  );
  const topics = ["交通安全", "反诈宣传", "户政服务", "出入境服务", "治安防范", "消防安全", "禁毒宣传"];
  for (let i = 0; i < 357; i++) {
    const notice = i % 6 === 0;
    const publishedOn = day(3 + Math.floor((i * 360) / 357));
    const topic = topics[i % topics.length] ?? "警务工作";
    await publishItem(
      database,
      agencyId,
      office,
      {
        columnId: notice ? notices.id : news.id,
        title: notice
          ? `关于做好${topic}工作的通告（第${i + 1}号）`
          : `${agencyName}开展${topic}主题活动（${i + 1}）`,
        summary: `${agencyName}${topic}工作情况。`,
        publisher: agencyName,
        formedOn: formatDate(parseDate(publishedOn) - 2),
        topic: "公安、安全、司法",
        genre: notice ? "通告" : "工作动态",
        categoryItem: notice ? "（六）" : null,
        bodyHtml: `<p>${agencyName}围绕${topic}，组织开展专项工作，切实保障人民群众生命财产安全。</p>`,
      },
      publishedOn,
    );
  }
  for (let week = 1; week <= 52; week++) {
    const publishedOn = day(2 + (week - 1) * 7);
    await publishItem(
      database,
      agencyId,
      office,
      {
        columnId: bulletins.id,
        title: `周警情播报（2022年第${week}期）`,
        summary: `2022年第${week}周全市警情分析。`,
        publisher: agencyName,
        formedOn: formatDate(parseDate(publishedOn) - 1),
        topic: "公安、安全、司法",
        genre: "统计信息",
        categoryItem: "（四）",
        issueNo: week,
        bodyHtml: `<p>本周全市共接报警情，刑事、治安警情同比下降。请广大群众提高防范意识。</p>`,
      },
      publishedOn,
    );
  }
}

/** The new-media accounts and their posts of 2022 (the reference report's 802, 915, 910 and 212), Weibo's 42 replies. */
export async function seedDemoChannels(database: Database, agencyId: number, office: DemoOffice) {
  const accounts = [
    {
      kind: "wechat",
      name: "平安示范",
      account: "pingan-shifan",
      posts: 802,
      base: "https://mp.weixin.qq.com/s/pingan-shifan-",
    },
    {
      kind: "weibo",
      name: "示范公安",
      account: "pinganshifan",
      posts: 915,
      base: "https://weibo.com/pinganshifan/",
    },
    {
      kind: "toutiao",
      name: "示范公安头条",
      account: "pinganshifan",
      posts: 910,
      base: "https://www.toutiao.com/article/shifan",
    },
    {
      kind: "wechat",
      name: "示范交警",
      account: "shifan-jiaojing",
      posts: 212,
      base: "https://mp.weixin.qq.com/s/shifan-jj-",
    },
  ] as const;
  for (const a of accounts) {
    const channel = await registerChannel(
      database,
      agencyId,
      { kind: a.kind, name: a.name, account: a.account },
      office.head,
    );
    const rows = Array.from({ length: a.posts }, (_, i) => {
      const postedOn = day(Math.floor((i * 365) / a.posts));
      return {
        channelId: channel.id,
        publicationId: null,
        title: `${a.name}发布（${i + 1}）`,
        url: `${a.base}2022${String(i + 1).padStart(4, "0")}`,
        postedAt: `${postedOn}T02:00:00.000Z`,
        postedOn,
      };
    });
    await recordPosts(database, agencyId, rows, "import", office.head);
    if (a.kind === "weibo") {
      const replies = Array.from({ length: 42 }, (_, i) => ({
        respondedOn: day(5 + i * 8),
        subject: `回应网友关注：${["户籍办理", "交通违法处理", "出入境证件办理"][i % 3]}（${i + 1}）`,
      }));
      await recordChannelResponses(database, channel.id, replies, office.head);
    }
  }
}

/** 34 consultations posted on the portal's board in 2022 and answered there. */
export async function seedDemoMessages(database: Database, agencyId: number, office: DemoOffice) {
  const questions = [
    "户口迁入需要哪些材料",
    "身份证补办多久能拿到",
    "驾驶证到期如何换证",
    "护照办理需要预约吗",
  ];
  for (let i = 0; i < 34; i++) {
    const receivedOn = day(10 + i * 10);
    const now = new Date(`${receivedOn}T02:00:00.000Z`);
    const stored = await submitMessage(
      database,
      {
        agencyId,
        kind: "consultation",
        title: `${questions[i % questions.length]}？`,
        body: `您好，请问${questions[i % questions.length]}？谢谢。（第${i + 1}条）`,
        authorName: ["王先生", "李女士", "张先生", "刘女士"][i % 4] ?? "市民",
        contactPhone: "",
        contactEmail: "",
        publishConsent: true,
        idempotencyKey: `demo-2022-message-${i + 1}`,
      },
      { ip: `198.51.100.${i + 1}`, now },
    );
    const row = await findMessage(database.db, stored.id);
    if (!row) continue;
    await actOnMessage(
      database,
      row,
      {
        type: "reply",
        body: "您好，请携带本人身份证件到户政、出入境或车管窗口办理，具体材料以窗口告知为准。",
        department: "政务服务科",
        repliedOn: formatDate(parseDate(receivedOn) + 3),
        publish: true,
      },
      office.officer,
      now,
    );
  }
}

/** The 3 requests of 2022: natural persons asking for internal-affairs information, not disclosed (O-3.5). */
export async function seedDemoRequests(database: Database, agencyId: number, office: DemoOffice) {
  const asks = [
    ["2022-03-14", "2022-03-25", "本局 2021 年度干部考核内部评分表"],
    ["2022-06-20", "2022-07-01", "本局内部会议的后勤保障安排"],
    ["2022-10-10", "2022-10-21", "本局内部工作流程及审批表格"],
  ] as const;
  for (const [receivedOn, repliedOn, description] of asks) {
    const id = await registerOfficeRequest(
      database,
      {
        agencyId,
        channel: "in_person",
        receivedOn,
        applicantKind: "naturalPerson",
        applicantName: "王某某",
        orgCreditCode: "",
        orgRepresentative: "",
        idType: "resident_id",
        idNumber: "11010519491231002X",
        phone: "0999-1234567",
        address: "示范市人民路2号",
        postcode: "999001",
        email: "",
        description,
        provisionForm: "paper",
        deliveryMethod: "post",
      },
      office.officer,
      new Date(),
    );
    await applyRequestAction(
      database,
      id,
      {
        action: "close",
        date: repliedOn,
        outcome: "O-3.5",
        reason: "所申请信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息（条例第十六条第一款）",
      },
      office.officer,
      { handle: true, approveExtension: false },
      new Date(),
    );
  }
}
