/**
 * The registers of a generated agency-year: posts on its new-media accounts with the replies on Weibo
 * (回应关注), and its administrative decisions (双公示) with their parties.
 */
import { creditCodeCheckCharacter } from "../core/agency/credit-code.ts";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { withIdentityCheck } from "../core/registry/identity-number.ts";
import { GOVERNMENT_SUBJECTS, TOWNSHIP_SUBJECTS } from "./province-names.ts";
import type { Random } from "./province-random.ts";
import { itemTitle } from "./province-titles.ts";
import type { PlannedAgency } from "./province-tree.ts";
import type { AgencySetup, YearContext, YearRows } from "./province-year.ts";

/** The working day on or after day `n` of the year (n from 0; kept before 26 December). */
export function dayOfYear(calendar: WorkCalendar, year: number, n: number): string {
  const first = parseDate(`${year}-01-01`);
  const date = formatDate(first + Math.min(Math.max(n, 0), 355));
  return calendar.isWorkday(date) ? date : calendar.addWorkdays(date, 1).date;
}

/** The subjects an agency's work is about. */
export function subjectsOf(a: PlannedAgency): readonly string[] {
  return a.department?.subjects ?? (a.level === "township" ? TOWNSHIP_SUBJECTS : GOVERNMENT_SUBJECTS);
}

/** Posts on the agency's new-media accounts, and the replies on Weibo (回应关注). */
export function generateChannelPosts(
  agency: AgencySetup,
  ctx: YearContext,
  rows: YearRows,
  random: Random,
  w: number,
) {
  for (const channel of agency.channels) {
    const posts = Math.round(w * random.int(80, 420));
    for (let i = 0; i < posts; i++) {
      const day = formatDate(parseDate(`${ctx.year}-01-01`) + Math.floor((i * 364) / posts));
      const at = `${day}T03:${String(i % 60).padStart(2, "0")}:00.000Z`;
      rows.channel_posts.push({
        id: ctx.ids.next("channel_posts"),
        agency_id: agency.id,
        channel_id: channel.id,
        publication_id: null,
        title: itemTitle(
          "news",
          {
            org: agency.plan.name,
            place: agency.plan.place,
            subject: random.pick(subjectsOf(agency.plan)),
            year: ctx.year,
            month: Number(day.slice(5, 7)),
            otherPlace: ctx.otherPlace(random),
          },
          random,
        ),
        url: `https://${channel.kind === "weibo" ? "weibo.com" : "mp.weixin.qq.com/s"}/${channel.domain}-${ctx.year}${String(i + 1).padStart(4, "0")}`,
        posted_at: at,
        posted_on: day,
        source: "import",
        created_at: at,
      });
    }
    if (channel.kind !== "weibo") continue;
    const replies = random.int(3, 40);
    for (let i = 0; i < replies; i++) {
      const day = dayOfYear(ctx.calendar, ctx.year, Math.floor((i * 350) / replies) + 3);
      rows.channel_responses.push({
        id: ctx.ids.next("channel_responses"),
        channel_id: channel.id,
        agency_id: agency.id,
        responded_on: day,
        subject: `回应网友关注：${random.pick(subjectsOf(agency.plan))}`,
        created_at: `${day}T08:00:00.000Z`,
      });
    }
  }
}

const DECISION_WORDS = {
  licensing: ["许可", "准予许可"],
  penalty: ["行政处罚", "罚款"],
  enforcement: ["行政强制", "查封"],
  other: ["行政确认", "准予登记"],
} as const;

/** Administrative decisions (双公示), each published two days after it was made (S-1). */
export function generateDecisions(agency: AgencySetup, ctx: YearContext, rows: YearRows, random: Random) {
  const a = agency.plan;
  const busy = a.department ? a.department.decisions : a.level === "township" ? 0.03 : 0.05;
  const total = Math.round(busy * random.int(60, 420));
  const abbr = `${a.place.charAt(0)}${a.department ? a.department.local.charAt(0) : "政"}`;
  for (let i = 1; i <= total; i++) {
    const roll = random.next();
    const kind = roll < 0.25 ? "licensing" : roll < 0.7 ? "penalty" : roll < 0.8 ? "enforcement" : "other";
    const decided = dayOfYear(ctx.calendar, ctx.year, Math.floor((i * 350) / (total + 1)));
    const published = formatDate(parseDate(decided) + 2);
    const person = kind === "penalty" && random.chance(0.6);
    const [matter, content] = DECISION_WORDS[kind];
    const subject = random.pick(subjectsOf(a));
    const birth = formatDate(parseDate("1965-01-01") + random.int(0, 14000)).replaceAll("-", "");
    const orgCode = `91${a.creditCode.slice(2, 8)}MA${String((a.index * 7919 + i) % 10_000_000).padStart(7, "0")}`;
    rows.decisions.push({
      id: ctx.ids.next("decisions"),
      agency_id: agency.id,
      kind,
      doc_no: `${abbr}${{ licensing: "许", penalty: "罚", enforcement: "强", other: "决" }[kind]}〔${ctx.year}〕${i}号`,
      matter: `${subject}${matter}`,
      content: kind === "penalty" ? `${content}${random.int(2, 50) * 100}元` : content,
      decided_on: decided,
      valid_from: kind === "licensing" ? decided : null,
      valid_until: kind === "licensing" ? `${ctx.year + 5}${decided.slice(4)}` : null,
      authority: a.name,
      authority_credit_code: a.creditCode,
      party_kind: person ? "naturalPerson" : "legalPerson",
      party_name: person
        ? `${"王李张刘陈杨赵黄周吴".charAt(i % 10)}${"伟芳娜敏静强磊军洋勇".charAt(random.int(0, 9))}`
        : `${a.place}${random.pick(["恒通", "宏达", "兴业", "永盛", "鑫源", "华泰"])}${random.pick(["商贸", "建筑", "餐饮", "物流", "科技"])}有限公司`,
      party_credit_code: person ? "" : `${orgCode}${creditCodeCheckCharacter(orgCode) ?? "0"}`,
      legal_representative: person ? "" : `${"王李张刘陈".charAt(i % 5)}某`,
      id_type: person ? "身份证" : "",
      id_number: person
        ? withIdentityCheck(`${a.creditCode.slice(2, 8)}${birth}${String(i % 1000).padStart(3, "0")}`)
        : "",
      serious: 0,
      published_on: published,
      created_at: `${published}T02:00:00.000Z`,
      updated_at: `${published}T02:00:00.000Z`,
    });
  }
}
