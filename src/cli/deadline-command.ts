/**
 * `gongkai deadline --received YYYY-MM-DD [--channel C] [--supplement-requested D [--supplement-by D]
 * --supplement-received D] [--pause D..D]… [--extend] [--json]`: the reply due date of a request and its
 * explanation, on the bundled working-day calendar. Exit status 0: computed; 2: bad arguments.
 */
import { parseArgs } from "node:util";
import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import { CalendarError } from "../core/calendar/calendar-error.ts";
import { computeDeadline } from "../core/deadline/deadline-engine.ts";
import { DeadlineError } from "../core/deadline/deadline-error.ts";
import type { DeadlineResult, ReceiptChannel, RequestEvent } from "../core/deadline/deadline-events.ts";
import type { CommandIo } from "./command-io.ts";
import { calendarDate, oneOf, UsageError, withUsage } from "./command-line.ts";

/** Usage of `gongkai deadline`. */
export const DEADLINE_USAGE =
  "用法：gongkai deadline --received YYYY-MM-DD [--channel in-person|registered-post|ordinary-letter|online|fax]\n" +
  "       [--supplement-requested 日期 [--supplement-by 日期] --supplement-received 日期]\n" +
  "       [--pause 开始日期..结束日期]…（征求意见：发函日..收到答复日，最长按 15 个工作日计）\n" +
  "       [--extend]（在原答复期限当日批准延长 20 个工作日） [--json]\n";

const CHANNELS: readonly ReceiptChannel[] = [
  "in-person",
  "registered-post",
  "ordinary-letter",
  "online",
  "fax",
];
const ORDER: readonly RequestEvent["type"][] = [
  "received",
  "supplementRequested",
  "supplementReceived",
  "consultationSent",
  "consultationAnswered",
  "extension",
];

/** The parsed options as events, in date order (same-day events in the order of the procedure). */
function eventsOf(values: Record<string, string | boolean | string[] | undefined>): RequestEvent[] {
  const date = (name: string): string | undefined => {
    const v = values[name];
    if (v === undefined) return undefined;
    return calendarDate(String(v), `--${name}`);
  };
  const received = date("received");
  if (!received) throw new UsageError("缺少 --received（收到申请之日）");
  const channel = oneOf(String(values.channel ?? "in-person"), CHANNELS, "--channel");
  const events: RequestEvent[] = [{ type: "received", date: received, channel }];
  const requested = date("supplement-requested");
  const supplementBy = date("supplement-by");
  const supplied = date("supplement-received");
  if ((supplementBy || supplied) && !requested)
    throw new UsageError("登记补正情况前须给出 --supplement-requested");
  if (requested) {
    events.push({ type: "supplementRequested", date: requested, ...(supplementBy ? { supplementBy } : {}) });
  }
  if (supplied) events.push({ type: "supplementReceived", date: supplied });
  ((values.pause ?? []) as string[]).forEach((span, i) => {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(span);
    if (!m) throw new UsageError(`--pause 应为“开始日期..结束日期”，例如 2022-10-10..2022-10-14：${span}`);
    const [from, to] = [calendarDate(m[1] as string, "--pause"), calendarDate(m[2] as string, "--pause")];
    if (to < from) throw new UsageError(`--pause 的结束日期早于开始日期：${span}`);
    const id = `中止${i + 1}`;
    events.push({ type: "consultationSent", date: from, id, party: "third-party" });
    events.push({ type: "consultationAnswered", date: to, id });
  });
  return events.sort((a, b) => a.date.localeCompare(b.date) || ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
}

/** Computes the deadline; `--extend` adds an extension approved and notified on the unextended due date. */
function deadlineOf(events: RequestEvent[], extend: boolean): DeadlineResult {
  const calendar = bundledCalendar();
  const plain = computeDeadline(events, calendar);
  if (!extend) return plain;
  if (plain.due === null) throw new UsageError("答复期限尚未起算（等待补正），不能延期");
  const extension: RequestEvent = {
    type: "extension",
    date: plain.due,
    workdays: 20,
    // The engine's text names the office ("经政府信息公开工作机构负责人 … 批准"); a trial has no person to name.
    approvedBy: "（试算，未填姓名）",
    notifiedOn: plain.due,
    reason: "命令行试算：按最长 20 个工作日延期",
  };
  const all = [...events, extension].sort(
    (a, b) => a.date.localeCompare(b.date) || ORDER.indexOf(a.type) - ORDER.indexOf(b.type),
  );
  return computeDeadline(all, calendar);
}

/** Runs the deadline command; returns the exit status. */
export async function runDeadline(args: readonly string[], io: CommandIo): Promise<number> {
  return withUsage(args, io, DEADLINE_USAGE, () => deadline(args, io));
}

/** The deadline command once help was handled; bad arguments throw UsageError. */
function deadline(args: readonly string[], io: CommandIo): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        received: { type: "string" },
        channel: { type: "string" },
        "supplement-requested": { type: "string" },
        "supplement-by": { type: "string" },
        "supplement-received": { type: "string" },
        pause: { type: "string", multiple: true },
        extend: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`多余的参数“${positionals.join(" ")}”`);
    const result = deadlineOf(eventsOf(values), values.extend === true);
    if (values.json) {
      const { due, provisional, calendarVersion, steps } = result;
      io.out(`${JSON.stringify({ due, provisional, calendarVersion, steps }, null, 2)}\n`);
    } else {
      const flag = result.provisional ? "（临时期限）" : "";
      io.out(`答复期限：${result.due ?? "暂无"}${flag}\n`);
      for (const s of result.steps) io.out(`  [${s.rule}] ${s.date} ${s.text}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof DeadlineError || e instanceof CalendarError) throw new UsageError(e.message);
    throw e;
  }
}
