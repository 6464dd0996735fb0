/**
 * Disclosure requests of a generated agency-year, each taken through the real request machine
 * (src/core/request): intake, confirmation of online and fax requests (R-31-4), supplements (R-30-*),
 * consultations (R-32-1), extensions (R-33-2), withdrawals and closings with varied outcomes, on working
 * days of the calendar. The machine decides every event and the state; a step it refuses is left out.
 */
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { DomainError } from "../core/domain-error.ts";
import type { ApplicantKind } from "../core/request/outcomes.ts";
import type { CaseEvent, Channel } from "../core/request/request-events.ts";
import { decide, openCase, type RequestCommand } from "../core/request/request-machine.ts";
import type { RequestState } from "../core/request/request-state.ts";
import type { Random } from "./province-random.ts";

/** A generated case: who asked what, and the machine's state and events. */
export interface GeneratedCase {
  readonly channel: Channel;
  readonly applicantKind: ApplicantKind;
  readonly applicantName: string;
  readonly description: string;
  readonly state: RequestState;
  readonly events: readonly CaseEvent[];
}

const ACTOR = { userId: null, name: "承办人" } as const;
const MAY = { handle: true, approveExtension: true } as const;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
const ASKED = [
  "的征地补偿安置方案及批复文件",
  "的建设项目环境影响评价审批文件",
  "的行政处罚决定书",
  "的财政专项资金使用明细",
  "的房屋征收决定及补偿方案",
  "的规划许可证及附图",
  "的信访事项处理意见",
  "的招标投标及合同文件",
  "的会议纪要",
  "的投诉举报处理结果",
  "的执法检查记录",
  "的不动产登记资料",
];

/** Outcomes of an ordinary closing and their weights (O-6.x come from their own steps). */
const OUTCOMES: readonly (readonly [string, number, string])[] = [
  ["O-1", 36, ""],
  ["O-2", 12, "部分内容涉及第三方个人隐私，已作区分处理后公开其余部分（条例第三十七条）"],
  ["O-3.4", 3, "公开会对第三方合法权益造成损害，经征求意见第三方不同意公开（条例第十五条）"],
  ["O-3.5", 4, "所申请信息属于内部事务信息（条例第十六条第一款）"],
  ["O-3.6", 4, "所申请信息属于过程性信息（条例第十六条第二款）"],
  ["O-3.7", 2, "所申请信息属于行政执法案卷信息（条例第十六条第二款）"],
  ["O-4.1", 18, "经检索，本机关未制作或获取该政府信息（条例第三十六条第（四）项）"],
  ["O-4.2", 4, "所申请信息需要本机关对现有信息进行加工、分析（条例第三十八条）"],
  ["O-5.1", 4, "申请内容属于信访、投诉、举报事项，已告知通过相应渠道提出（条例第三十九条第一款）"],
  ["O-5.2", 2, "申请人重复申请相同政府信息，本机关已作出答复（条例第三十六条第（六）项）"],
  ["O-5.3", 1, "所申请信息为公开出版物，已告知获取途径（条例第三十九条第二款）"],
  ["O-5.5", 1, "申请人要求确认或重新出具已获取的信息，不作为政府信息公开申请处理"],
];
const OUTCOME_WEIGHT = OUTCOMES.reduce((s, o) => s + o[1], 0);

/** A weighted outcome. */
function pickOutcome(random: Random): readonly [string, number, string] {
  let n = random.next() * OUTCOME_WEIGHT;
  for (const o of OUTCOMES) {
    n -= o[1];
    if (n < 0) return o;
  }
  return OUTCOMES[0] as readonly [string, number, string];
}

/** The working day `n` working days after `date` (0: the day itself if a working day, else the next). */
function workday(calendar: WorkCalendar, date: string, n: number): string {
  if (n === 0) return calendar.isWorkday(date) ? date : calendar.addWorkdays(date, 1).date;
  return calendar.addWorkdays(date, n).date;
}

/** The later of two ISO dates. */
function laterOf(a: string, b: string): string {
  return [a, b].sort()[1] ?? a;
}

/** One case received on `receivedOn`, taken through the machine up to `end` (later steps are not yet done). */
export function generateCase(
  calendar: WorkCalendar,
  random: Random,
  receivedOn: string,
  end: string,
  subject: { readonly org: string; readonly place: string },
): GeneratedCase {
  const at = (date: string) => `${date}T02:30:00.000Z`;
  const channel = random.pick<Channel>([
    "online",
    "online",
    "online",
    "in_person",
    "post_registered",
    "post_ordinary",
    "fax",
  ]);
  const kindRoll = random.next();
  const applicantKind: ApplicantKind =
    kindRoll < 0.82
      ? "naturalPerson"
      : kindRoll < 0.9
        ? "commercial"
        : kindRoll < 0.93
          ? "legalService"
          : kindRoll < 0.96
            ? "publicInterest"
            : kindRoll < 0.98
              ? "research"
              : "otherOrg";
  const applicantName =
    applicantKind === "naturalPerson"
      ? `${SURNAMES.charAt(random.int(0, SURNAMES.length - 1))}某某`
      : `${subject.place}${random.pick(["某某贸易有限公司", "某某律师事务所", "某某建设工程有限公司", "某某研究院", "某某协会"])}`;
  const description = `请公开${subject.org}${random.int(2015, Number(receivedOn.slice(0, 4)))}年${random.pick(ASKED)}`;
  const ctx = (date: string) => ({ calendar, today: date, at: at(date), actor: ACTOR, may: MAY });
  const spot = channel === "in_person" && random.chance(0.08);
  let t = openCase(
    { channel, receivedOn, ...(spot ? { onTheSpot: { outcome: "O-1" } } : {}) },
    ctx(receivedOn),
  );
  let state = t.state;
  const events: CaseEvent[] = [...t.events];
  /** Applies a command dated `date` unless it falls after `end` or the machine refuses it; true when applied. */
  const step = (command: RequestCommand, date: string): boolean => {
    if (date > end || state.status === "closed") return false;
    try {
      t = decide(state, command, ctx(date));
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
    state = t.state;
    events.push(...t.events);
    return true;
  };
  let day = receivedOn;
  const later = (n: number) => {
    day = workday(calendar, day, n);
    return day;
  };
  if (channel === "online" || channel === "fax")
    step({ action: "confirm", date: later(random.int(0, 1)) }, day);
  if (random.chance(0.1)) {
    const asked = later(random.int(1, 5));
    const by = workday(calendar, asked, 15);
    step(
      {
        action: "request_supplement",
        date: asked,
        supplementBy: by,
        items: "请补充所需政府信息的名称、文号或者便于查询的其他特征性描述",
      },
      asked,
    );
    if (random.chance(0.25)) {
      step({ action: "supplement_expired", date: workday(calendar, by, 1) }, workday(calendar, by, 1));
      return { channel, applicantKind, applicantName, description, state, events };
    }
    step({ action: "receive_supplement", date: later(random.int(2, 10)) }, day);
  }
  if (random.chance(0.06)) {
    step({ action: "withdraw", date: later(random.int(1, 8)), reason: "申请人书面申请撤回" }, day);
    return { channel, applicantKind, applicantName, description, state, events };
  }
  if (random.chance(0.08)) {
    const sent = later(random.int(1, 4));
    if (
      step(
        { action: "consult", date: sent, party: "third-party", consultee: `${subject.place}某某有限公司` },
        sent,
      )
    ) {
      step({ action: "consultation_answered", date: later(random.int(3, 14)), consultationId: "C1" }, day);
    }
  }
  if (random.chance(0.07)) {
    const proposed = later(random.int(5, 12));
    if (
      step(
        {
          action: "propose_extension",
          workdays: random.int(10, 20),
          reason: "申请内容复杂，需要调取多年度档案",
        },
        proposed,
      )
    ) {
      step({ action: "approve_extension", approvedOn: proposed, notifiedOn: proposed }, proposed);
    }
  }
  const due = state.deadline.due;
  const onTime = due !== null && random.chance(0.96);
  const last = laterOf(state.lastDate, day);
  const closeOn =
    onTime && due
      ? formatDate(
          Math.max(
            parseDate(last),
            Math.min(parseDate(due), parseDate(workday(calendar, last, random.int(3, 18)))),
          ),
        )
      : workday(calendar, due ?? last, random.int(1, 6));
  let [outcome, , reason] =
    state.supplementReceived && random.chance(0.15)
      ? (["O-4.3", 0, "经补正后申请内容仍不明确（条例第三十条）"] as const)
      : pickOutcome(random);
  if (outcome === "O-1") reason = "";
  const closeDate = laterOf(closeOn, last);
  step({ action: "close", date: closeDate, outcome, reason }, closeDate);
  return { channel, applicantKind, applicantName, description, state, events };
}
