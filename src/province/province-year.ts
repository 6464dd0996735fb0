/**
 * The records of one generated agency-year, as rows ready for bulk insertion: catalog items through the
 * 先审后发 log the publication machine gives, their portal posts and search terms; new-media posts and
 * replies; administrative decisions; public messages; disclosure requests through the request machine;
 * and the reconsideration and litigation cases some of them led to.
 */
import type { Insertable } from "kysely";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { formatIndexNumber } from "../core/publication/publication-rules.ts";
import type { Schema } from "../db/schema.ts";
import { searchTermsOf } from "../publications/segmenter.ts";
import { generateMessages, generateRequests } from "./province-cases.ts";
import { partRandom, type Random } from "./province-random.ts";
import { dayOfYear, generateChannelPosts, generateDecisions, subjectsOf } from "./province-registers.ts";
import { ITEM_KINDS, type ItemKind, itemBody, itemTitle } from "./province-titles.ts";
import type { PlannedAgency } from "./province-tree.ts";
import { PUBLISH_STEPS } from "./publish-steps.ts";

/** The ids an agency was given and the columns and channels it has. */
export interface AgencySetup {
  readonly id: number;
  readonly plan: PlannedAgency;
  readonly columns: Readonly<Record<ItemKind | "periodic", number>>;
  readonly portalChannel: number;
  readonly channels: readonly { readonly id: number; readonly kind: string; readonly domain: string }[];
}

/** Hands out ids per table, continuing after the rows already there. */
export interface IdSource {
  next(table: string): number;
}

/** The rows of an agency-year, per table. */
export interface YearRows {
  publications: Insertable<Schema["publications"]>[];
  publication_events: Insertable<Schema["publication_events"]>[];
  publication_serials: Insertable<Schema["publication_serials"]>[];
  channel_posts: Insertable<Schema["channel_posts"]>[];
  channel_responses: Insertable<Schema["channel_responses"]>[];
  decisions: Insertable<Schema["decisions"]>[];
  messages: Insertable<Schema["messages"]>[];
  requests: Insertable<Schema["requests"]>[];
  request_events: Insertable<Schema["request_events"]>[];
  review_cases: Insertable<Schema["review_cases"]>[];
  /** Search terms of the published items (publication id → terms). */
  search: { id: number; agencyId: number; terms: string }[];
}

/** What the generation of a year needs to know. */
export interface YearContext {
  readonly seed: number;
  readonly year: number;
  /** The last day anything happens (the end of the last generated year). */
  readonly end: string;
  readonly calendar: WorkCalendar;
  readonly secret: string;
  readonly ids: IdSource;
  /** A place elsewhere in the province (for 调研, 交流). */
  readonly otherPlace: (random: Random) => string;
}

/** How busy an agency is (catalog, messages, requests), relative to a county government. */
function weight(a: PlannedAgency): number {
  if (a.department) return a.level === "province" ? 0.9 : a.level === "city" ? 0.7 : 0.5;
  return { province: 1.5, city: 1.2, county: 1, township: 0.35 }[a.level];
}

/** A title not yet used this agency-year when one is found in a few draws (else the last drawn). */
function freshTitle(draw: () => string, used: Set<string>): string {
  let title = draw();
  for (let i = 0; i < 12 && used.has(title); i++) title = draw();
  used.add(title);
  return title;
}

/** An empty set of rows. */
export function emptyRows(): YearRows {
  return {
    publications: [],
    publication_events: [],
    publication_serials: [],
    channel_posts: [],
    channel_responses: [],
    decisions: [],
    messages: [],
    requests: [],
    request_events: [],
    review_cases: [],
    search: [],
  };
}

/** Appends the agency-year's rows to `rows`. */
export function generateYear(agency: AgencySetup, ctx: YearContext, rows: YearRows): void {
  const a = agency.plan;
  const random = partRandom(ctx.seed, agency.plan.index, ctx.year);
  const w = weight(a);
  const subjects = subjectsOf(a);
  const parts = (month: number) => ({
    org: a.name.replace(/办事处$/, ""),
    place: a.place,
    subject: random.pick(subjects),
    year: ctx.year,
    month,
    otherPlace: ctx.otherPlace(random),
  });
  // Catalog items, published through 保密审查, 审核 and 审签 (the machine's log, PUBLISH_STEPS).
  const dated: { kind: ItemKind | "periodic"; day: string; issue: number | null }[] = [];
  const items = Math.round(w * random.int(150, 330));
  for (let i = 0; i < items; i++) {
    const roll = random.next();
    const kind: ItemKind = roll < 0.68 ? "news" : roll < 0.93 ? "notice" : "policy";
    dated.push({ kind, day: dayOfYear(ctx.calendar, ctx.year, random.int(2, 360)), issue: null });
  }
  if (a.level !== "township") {
    for (let m = 1; m <= 12; m++) {
      dated.push({ kind: "periodic", day: dayOfYear(ctx.calendar, ctx.year, (m - 1) * 30 + 5), issue: m });
    }
  }
  dated.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
  let serial = 0;
  const titles = new Set<string>();
  for (const item of dated) {
    const id = ctx.ids.next("publications");
    serial += 1;
    const month = Number(item.day.slice(5, 7));
    const p = parts(month);
    const kind = item.kind === "periodic" ? "notice" : item.kind;
    const title =
      item.kind === "periodic"
        ? `${ctx.year}年${item.issue}月${a.place}${subjectsOf(a)[0]}工作月报`
        : freshTitle(() => itemTitle(kind, parts(month), random), titles);
    const spec = item.kind === "periodic" ? { genre: "统计信息", categoryItem: "（四）" } : ITEM_KINDS[kind];
    const at = `${item.day}T01:${String(10 + (serial % 50)).padStart(2, "0")}:00.000Z`;
    const formed = formatDate(parseDate(item.day) - random.int(1, 4));
    const body = itemBody(kind, p, random);
    const summary = `${a.name}${p.subject}相关信息。`;
    const docNo =
      item.kind === "policy"
        ? `${a.place.charAt(0)}${a.department ? a.department.local.charAt(0) : "政"}发〔${ctx.year}〕${serial}号`
        : "";
    rows.publications.push({
      id,
      agency_id: agency.id,
      column_id: agency.columns[item.kind],
      status: "published",
      title,
      summary,
      publisher: a.name,
      written_on: item.kind === "policy" ? formed : null,
      formed_on: formed,
      published_on: item.day,
      published_at: at,
      document_no: docNo,
      topic: a.department?.topic ?? "综合政务",
      genre: spec.genre,
      validity: "有效",
      category_item: spec.categoryItem,
      body_html: body,
      index_no: formatIndexNumber(a.creditCode, ctx.year, serial),
      index_year: ctx.year,
      index_serial: serial,
      issue_no: item.issue,
      amends_id: null,
      amended_by_id: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    PUBLISH_STEPS.forEach((s, seq) => {
      rows.publication_events.push({
        id: ctx.ids.next("publication_events"),
        publication_id: id,
        seq: seq + 1,
        type: s.type,
        from_status: s.from,
        to_status: s.to,
        step: s.step,
        opinion: s.opinion,
        actor_user_id: null,
        actor_name: s.actorName,
        actor_role: s.actorRole,
        at,
      });
    });
    rows.channel_posts.push({
      id: ctx.ids.next("channel_posts"),
      agency_id: agency.id,
      channel_id: agency.portalChannel,
      publication_id: id,
      title,
      url: `/gk/${agency.id}/items/${id}`,
      posted_at: at,
      posted_on: item.day,
      source: "portal",
      created_at: at,
    });
    rows.search.push({
      id,
      agencyId: agency.id,
      terms: searchTermsOf(
        [title, summary, docNo, a.name, a.department?.topic ?? "综合政务", body.replace(/<[^>]+>/g, "")].join(
          "\n",
        ),
      ),
    });
  }
  if (serial > 0)
    rows.publication_serials.push({ agency_id: agency.id, year: ctx.year, last_serial: serial });
  generateChannelPosts(agency, ctx, rows, random, w);
  generateDecisions(agency, ctx, rows, random);
  generateMessages(agency, ctx, rows, random, w);
  generateRequests(agency, ctx, rows, random, w);
}
