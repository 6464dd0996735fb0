/**
 * The public's side of a generated agency-year: messages on the board (咨询, 建议) with their replies, and
 * disclosure requests taken through the request machine, with the reconsiderations and lawsuits some of
 * the refusals led to.
 */
import { createHash } from "node:crypto";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import { CHANNEL_RULES } from "../core/request/request-events.ts";
import { hashCode, trackingPrefix, verificationCodeOf } from "../requests/verification-code.ts";
import type { Random } from "./province-random.ts";
import { generateCase } from "./province-requests.ts";
import type { AgencySetup, YearContext, YearRows } from "./province-year.ts";

const QUESTIONS = [
  (s: string) => `关于${s}的咨询`,
  (s: string) => `请问${s}相关政策如何办理`,
  (s: string) => `建议进一步加强${s}工作`,
  (s: string) => `${s}有关事项咨询`,
  (s: string) => `对${s}工作的几点建议`,
];

/** Messages on the agency's board, nearly all answered within a few working days. */
export function generateMessages(
  agency: AgencySetup,
  ctx: YearContext,
  rows: YearRows,
  random: Random,
  w: number,
) {
  const a = agency.plan;
  const subjects = a.department?.subjects ?? ["便民服务", "道路维修", "教育资源", "医疗服务", "环境卫生"];
  const count = Math.round(w * random.int(5, 50));
  for (let i = 0; i < count; i++) {
    const received = formatDate(parseDate(`${ctx.year}-01-01`) + random.int(0, 363));
    const subject = random.pick(subjects);
    const ask = random.int(0, QUESTIONS.length - 1);
    const kind = ask === 2 || ask === 4 ? "suggestion" : "consultation";
    const replied = ctx.calendar.addWorkdays(received, random.int(1, 8)).date;
    const rejected = random.chance(0.03);
    const answered = !rejected && replied <= ctx.end;
    const consent = random.chance(0.85);
    const key = `province-${ctx.seed}-${agency.id}-${ctx.year}-${i}`;
    const at = `${received}T06:00:00.000Z`;
    rows.messages.push({
      id: ctx.ids.next("messages"),
      agency_id: agency.id,
      kind,
      title: (QUESTIONS[ask] ?? QUESTIONS[0])?.(subject) ?? subject,
      body: `您好，${a.place}${subject}方面有些问题想咨询，请相关部门予以答复。谢谢！`,
      author_name: `${random.pick(["王", "李", "张", "刘", "陈", "杨"])}${random.pick(["先生", "女士"])}`,
      contact_phone: "",
      contact_email: "",
      publish_consent: consent ? 1 : 0,
      status: rejected ? "rejected" : answered ? "replied" : "pending",
      received_on: received,
      reply_body: answered
        ? `您好，您反映的${subject}问题已收悉。经了解，相关工作正在按计划推进，具体事宜可拨打${a.contact.phone}咨询。`
        : null,
      reply_department: answered ? `${a.name}办公室` : null,
      replied_on: answered ? replied : null,
      replied_by: null,
      reject_reason: rejected ? "留言内容与政务咨询、建议无关" : null,
      published: answered && consent ? 1 : 0,
      sender_hash: createHash("sha256").update(key).digest("hex"),
      idempotency_key: key,
      created_at: at,
      updated_at: answered ? `${replied}T06:00:00.000Z` : at,
    });
  }
}

/** Disclosure requests through the machine, and the reviews some refusals led to. */
export function generateRequests(
  agency: AgencySetup,
  ctx: YearContext,
  rows: YearRows,
  random: Random,
  w: number,
) {
  const a = agency.plan;
  const count = Math.round(w * random.int(4, 40));
  const received = Array.from({ length: count }, () =>
    formatDate(parseDate(`${ctx.year}-01-01`) + random.int(0, 363)),
  ).sort();
  const prefix = trackingPrefix(ctx.year, agency.id);
  received.forEach((receivedOn, i) => {
    const c = generateCase(ctx.calendar, random, receivedOn, ctx.end, { org: a.name, place: a.place });
    const id = ctx.ids.next("requests");
    const trackingNo = `${prefix}${String(i + 1).padStart(5, "0")}`;
    const s = c.state;
    const at = `${receivedOn}T02:30:00.000Z`;
    rows.requests.push({
      id,
      agency_id: agency.id,
      tracking_no: trackingNo,
      verify_hash: hashCode(verificationCodeOf(ctx.secret, trackingNo)),
      idempotency_key: null,
      channel: c.channel,
      receipt_rule: CHANNEL_RULES[c.channel].rule,
      received_on: s.receivedOn,
      confirmed_by: null,
      confirmed_at:
        s.confirmed && (c.channel === "online" || c.channel === "fax")
          ? `${s.receivedOn}T02:30:00.000Z`
          : null,
      applicant_kind: c.applicantKind,
      applicant_name: c.applicantName,
      org_credit_code: "",
      org_representative: c.applicantKind === "naturalPerson" ? "" : "某某",
      id_type: c.applicantKind === "naturalPerson" ? "resident_id" : "",
      id_number: "",
      phone: "",
      address: `${a.place}`,
      postcode: "",
      email: "",
      description: c.description,
      provision_form: "paper",
      delivery_method: "post",
      status: s.status,
      extended: s.extended ? 1 : 0,
      outcome: s.outcome,
      closed_on: s.closedOn,
      due_on: s.deadline.due,
      due_provisional: s.deadline.provisional ? 1 : 0,
      calendar_version: s.deadline.calendarVersion,
      case_officer_id: null,
      created_at: at,
      updated_at: `${s.lastDate}T08:00:00.000Z`,
    });
    c.events.forEach((e, seq) => {
      rows.request_events.push({
        id: ctx.ids.next("request_events"),
        request_id: id,
        seq: seq + 1,
        type: e.type,
        occurred_on: e.occurredOn,
        at: e.at,
        actor_user_id: e.actorUserId,
        data_json: JSON.stringify(e.data),
      });
    });
    const refused = s.outcome !== null && /^O-[34]/.test(s.outcome) && s.closedOn !== null;
    if (refused && s.closedOn && random.chance(0.12))
      reviewOf(agency, ctx, rows, random, id, c.applicantName, s.closedOn);
  });
}

/** A reconsideration (sometimes then a lawsuit) or a direct lawsuit about a refused request. */
function reviewOf(
  agency: AgencySetup,
  ctx: YearContext,
  rows: YearRows,
  random: Random,
  requestId: number,
  applicant: string,
  closedOn: string,
) {
  const direct = random.chance(0.25);
  const filed = formatDate(parseDate(closedOn) + random.int(10, 50));
  if (filed > ctx.end) return;
  const decidedDay = formatDate(parseDate(filed) + random.int(40, direct ? 180 : 60));
  const decided = decidedDay <= ctx.end ? decidedDay : null;
  const roll = random.next();
  const result = decided === null ? null : roll < 0.72 ? "upheld" : roll < 0.9 ? "corrected" : "other";
  const year = Number(filed.slice(0, 4));
  const abbr = agency.plan.place.charAt(0);
  const n = rows.review_cases.length + 1;
  const row = (
    kind: "reconsideration" | "litigationDirect" | "litigationAfterReconsideration",
    caseNo: string,
    on: string,
    by: string | null,
    res: typeof result,
  ) => {
    rows.review_cases.push({
      id: ctx.ids.next("review_cases"),
      agency_id: agency.id,
      request_id: requestId,
      kind,
      case_no: caseNo,
      applicant_name: applicant,
      filed_on: on,
      decided_on: by,
      result: res,
      note: "",
      created_at: `${on}T02:00:00.000Z`,
      updated_at: `${by ?? on}T02:00:00.000Z`,
    });
  };
  if (direct) {
    row(
      "litigationDirect",
      `（${year}）${abbr}0${random.int(1, 9)}行初${random.int(10, 999)}号`,
      filed,
      decided,
      result,
    );
    return;
  }
  row("reconsideration", `${abbr}复决字〔${year}〕${agency.id}${n}号`, filed, decided, result);
  if (decided && result === "upheld" && random.chance(0.2)) {
    const sued = formatDate(parseDate(decided) + random.int(5, 14));
    if (sued > ctx.end) return;
    const judged = formatDate(parseDate(sued) + random.int(60, 150));
    row(
      "litigationAfterReconsideration",
      `（${Number(sued.slice(0, 4))}）${abbr}0${random.int(1, 9)}行初${random.int(10, 999)}号`,
      sued,
      judged <= ctx.end ? judged : null,
      judged <= ctx.end ? "upheld" : null,
    );
  }
}
