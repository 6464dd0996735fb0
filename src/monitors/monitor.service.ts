/**
 * The daily monitors of an agency (rules.md §6, 国办秘函〔2019〕19号; S-1 双公示; G-12 条例第十二条; R-26-1
 * 条例第二十六条): gathers each monitor's input from the records and gives the verdicts of the pure monitors
 * in src/core/monitor, in rule order; records every agency's verdicts for the day as the history.
 *
 * W-2's "home page" is the agency's 政府信息公开 column, whose front pages list its newest published items:
 * the home page is updated on the day of the newest item published (up to the day, withdrawn items gone).
 * W-6: every agency's message board (政务咨询、建议) is served by the platform and no setting closes it, so
 * the channel is open while the agency exists. The records S-1 and R-26-1 judge are those of the past year
 * (decided or formed since the same day a year earlier, as W-7 counts) and any older one still unpublished.
 */
import { findAgency, listAllAgencies } from "../agencies/agency.repository.ts";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { accountFacts } from "../channels/channel-facts.repository.ts";
import { addMonths } from "../core/calendar/calendar-date.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { DomainError } from "../core/domain-error.ts";
import { unansweredMessages } from "../core/message/message-monitor.ts";
import type { MonitorVerdict } from "../core/monitor/monitor-verdict.ts";
import {
  columnsLongStale,
  columnsNotUpdated,
  consultationChannel,
  emptyColumns,
  homePageStale,
  nonInteractiveAccounts,
  silentAccounts,
} from "../core/monitor/portal-monitors.ts";
import {
  consultationsAnswered,
  decisionsPublished,
  guideComplete,
  itemsPublishedInTime,
} from "../core/monitor/record-monitors.ts";
import { r26Status } from "../core/publication/publication-rules.ts";
import { s1Verdict } from "../core/registry/decision-publication.ts";
import type { Database } from "../db/database.ts";
import { watchedMessages } from "../messages/message.repository.ts";
import { itemFacts, newestPortalItem } from "../publications/publication-facts.repository.ts";
import { decisionFacts } from "../registries/decision-facts.repository.ts";
import { columnFacts } from "./monitor-inputs.ts";
import { saveVerdicts } from "./monitor-results.repository.ts";
import { watchedColumns } from "./watched-columns.ts";

/** The rules of the daily monitors, in the order they are shown. */
export const MONITOR_RULES = [
  "W-2",
  "W-3",
  "W-4",
  "W-5",
  "W-6",
  "W-7",
  "N-1",
  "N-2",
  "S-1",
  "G-12",
  "R-26-1",
] as const;

/** Months back from the day over which S-1, R-26-1 (and W-7) judge the records. */
const WATCH_MONTHS = 12;

/** W-7's messages as of `today`: a reply given after the day was not given yet. */
async function w7(database: Database, agencyId: number, today: string): Promise<MonitorVerdict> {
  const rows = await watchedMessages(database.db, agencyId, addMonths(today, -WATCH_MONTHS));
  const messages = rows.map((m) => {
    const repliedLater = m.replied_on !== null && m.replied_on > today;
    return {
      id: m.id,
      kind: m.kind as "consultation" | "suggestion",
      status: (repliedLater ? "pending" : m.status) as "pending" | "replied" | "rejected",
      receivedOn: m.received_on,
      repliedOn: repliedLater ? null : m.replied_on,
    };
  });
  return consultationsAnswered(unansweredMessages(messages, today));
}

/** The verdicts of every monitor for an agency on `today`, in rule order (404 NOT_FOUND: no such agency). */
export async function computeMonitors(
  database: Database,
  agencyId: number,
  today: string,
  calendar: WorkCalendar,
): Promise<MonitorVerdict[]> {
  const agency = await findAgency(database.db, agencyId);
  if (!agency) throw new DomainError("NOT_FOUND");
  const since = addMonths(today, -WATCH_MONTHS);
  const db = database.db;
  const newest = await newestPortalItem(db, agencyId, today);
  const columns = watchedColumns(await columnFacts(db, agencyId, today));
  const accounts = await accountFacts(db, agencyId, today);
  const decisions = await decisionFacts(db, agencyId, since, today);
  const items = await itemFacts(db, agencyId, since, today);
  return [
    { ...homePageStale(newest?.publishedOn ?? null, today), items: newest ? [newest.id] : [] },
    columnsNotUpdated(columns, today),
    columnsLongStale(columns, today),
    emptyColumns(columns),
    consultationChannel(true),
    await w7(database, agencyId, today),
    silentAccounts(accounts, today),
    nonInteractiveAccounts(accounts),
    decisionsPublished(decisions.map((d) => ({ id: d.id, status: s1Verdict(d, today, calendar).status }))),
    guideComplete(agency.contact),
    itemsPublishedInTime(
      items.map((i) => ({ id: i.id, flag: r26Status(calendar, i.formedOn, i.publishedOn, today).flag })),
    ),
  ];
}

/** What a recording run did. */
export interface MonitorRunSummary {
  readonly day: string;
  readonly agencies: number;
  readonly breaches: number;
  readonly warnings: number;
  /** Agencies whose verdicts could not be computed, with why (the others are recorded). */
  readonly failed: readonly { readonly agencyId: number; readonly message: string }[];
}

/**
 * Computes and stores every agency's verdicts for `today`, one transaction per agency; a rerun on the same
 * day replaces that day's rows. No trail entry: the history is derived from records whose changes are in
 * the trail already, and recomputing it changes no record.
 */
export async function recordMonitors(
  database: Database,
  today: string,
  calendar?: WorkCalendar,
): Promise<MonitorRunSummary> {
  const workCalendar = calendar ?? (await effectiveCalendar(database));
  const agencies = await listAllAgencies(database.db);
  let breaches = 0;
  let warnings = 0;
  const failed: { agencyId: number; message: string }[] = [];
  for (const agency of agencies) {
    try {
      const verdicts = await computeMonitors(database, agency.id, today, workCalendar);
      const at = new Date().toISOString();
      await database.db.transaction().execute((trx) => saveVerdicts(trx, agency.id, today, verdicts, at));
      breaches += verdicts.filter((v) => v.level === "breach").length;
      warnings += verdicts.filter((v) => v.level === "warning").length;
    } catch (error) {
      failed.push({ agencyId: agency.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { day: today, agencies: agencies.length - failed.length, breaches, warnings, failed };
}

/** One agency's line of the overview: its breaches and warnings today, with the rules behind them. */
export interface MonitorOverviewLine {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly breaches: number;
  readonly warnings: number;
  readonly breachedRules: readonly string[];
  readonly warningRules: readonly string[];
}

/** The monitors of each agency (in the order given) on `today`, computed live. */
export async function monitorOverview(
  database: Database,
  agencyIds: readonly number[],
  today: string,
  calendar: WorkCalendar,
): Promise<MonitorOverviewLine[]> {
  const lines: MonitorOverviewLine[] = [];
  for (const agencyId of agencyIds) {
    const agency = await findAgency(database.db, agencyId);
    if (!agency) continue;
    const verdicts = await computeMonitors(database, agencyId, today, calendar);
    const breachedRules = verdicts.filter((v) => v.level === "breach").map((v) => v.rule);
    const warningRules = verdicts.filter((v) => v.level === "warning").map((v) => v.rule);
    lines.push({
      agencyId,
      agencyName: agency.name,
      breaches: breachedRules.length,
      warnings: warningRules.length,
      breachedRules,
      warningRules,
    });
  }
  return lines;
}
