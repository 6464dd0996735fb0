/**
 * Everything an annual report is assembled from, gathered from the records of an agency-year: the three
 * tables with the records behind each value (drill-down), and the figures its prose states.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { listChannelCounts } from "../channels/channel.service.ts";
import { responseCounts } from "../channels/channel-response.repository.ts";
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import type {
  ApplicationsTable,
  ProactiveTables,
  ReviewGroupKey,
  ReviewTable,
} from "../core/report/report-model.ts";
import { REVIEW_FIELDS, REVIEW_GROUPS } from "../core/report/report-model.ts";
import type { ReportFigures } from "../core/report-draft/report-figures.ts";
import { deadlineOf } from "../core/request/request-state.ts";
import type { Database } from "../db/database.ts";
import { computeTable4 } from "../litigation/table4.ts";
import { yearlyMessageCounts } from "../messages/message.repository.ts";
import {
  countEverPublishedInYear,
  countEverPublishedPerPeriodicColumn,
} from "../publications/publication-facts.repository.ts";
import { decisionsPublishedInYear } from "../registries/decision-facts.repository.ts";
import { computeTable2 } from "../registries/table2.ts";
import { requestTable } from "../requests/request-report.service.ts";
import {
  eventsOfRequestsClosedInYear,
  processingFeesPaidInYear,
} from "../requests/request-year.repository.ts";

/** The records behind one table value. */
export interface CellRecords {
  /** "request", "regulation", "decision", "fee" or "reviewCase". */
  readonly kind: string;
  readonly ids: readonly number[];
}

/** Tables 二, 三 and 四 of an agency-year. */
export interface ReportTables {
  readonly proactive: ProactiveTables;
  readonly applications: ApplicationsTable;
  readonly review: ReviewTable;
}

/** What a report of an agency-year is assembled from. */
export interface ReportRecords {
  readonly tables: ReportTables;
  /** Value path (as in findings: "applications.new.6", "proactive.licensing", "review.reconsideration.total") → records. */
  readonly cells: Readonly<Record<string, CellRecords>>;
  readonly figures: ReportFigures;
}

/** Requests closed in the year after their due date (the due date as it stood before the closing event). */
async function lateReplies(
  database: Database,
  agencyId: number,
  year: number,
  calendar: WorkCalendar,
): Promise<number> {
  let late = 0;
  for (const events of (await eventsOfRequestsClosedInYear(database.db, agencyId, year)).values()) {
    const closing = events.at(-1);
    if (closing?.type !== "closed") continue;
    const due = deadlineOf(events.slice(0, -1), calendar).due;
    if (due !== null && closing.occurredOn > due) late += 1;
  }
  return late;
}

/** "12.5" 元 amounts summed exactly as a decimal string of 元 (fees are whole 分). */
function yuanSum(amounts: readonly number[]): string {
  const fen = amounts.reduce((sum, a) => sum + Math.round(a * 100), 0);
  return fen % 100 === 0
    ? String(fen / 100)
    : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** Gathers the tables, their drill-down and the prose figures of an agency-year. */
export async function gatherReportRecords(
  database: Database,
  agency: Agency,
  year: number,
): Promise<ReportRecords> {
  const calendar = await effectiveCalendar(database);
  const table2 = await computeTable2(database, agency.id, year);
  const table3 = await requestTable(database, agency.id, year);
  const table4 = await computeTable4(database.db, agency.id, year);
  const cells: Record<string, CellRecords> = {};
  for (const [path, ids] of Object.entries(table2.records)) {
    const kind =
      path.startsWith("regulations") || path.startsWith("normative")
        ? "regulation"
        : path === "fees"
          ? "fee"
          : "decision";
    cells[`proactive.${path}`] = { kind, ids };
  }
  for (const [rowKey, columns] of Object.entries(table3.cases)) {
    columns.forEach((ids, column) => {
      cells[`applications.${rowKey}.${column}`] = { kind: "request", ids };
    });
  }
  for (const group of REVIEW_GROUPS) {
    for (const field of REVIEW_FIELDS) {
      cells[`review.${group}.${field}`] = { kind: "reviewCase", ids: table4.cases[group][field] };
    }
  }
  const total = (rowKey: string) => table3.table[rowKey]?.[6] ?? 0;
  const messages = await yearlyMessageCounts(database.db, agency.id, year);
  const channels = await listChannelCounts(database, agency.id, year);
  const responses = await responseCounts(database.db, agency.id, year);
  const review = table4.review;
  const sumReview = (
    field: (typeof REVIEW_FIELDS)[number],
    groups: readonly ReviewGroupKey[] = REVIEW_GROUPS,
  ) => groups.reduce((sum, g) => sum + (review[g][field] ?? 0), 0);
  const figures: ReportFigures = {
    agencyName: agency.name,
    year,
    releases: await countEverPublishedInYear(database.db, agency.id, year),
    periodic: await countEverPublishedPerPeriodicColumn(database.db, agency.id, year),
    decisionsPublished: await decisionsPublishedInYear(database.db, agency.id, year),
    channels: channels
      .filter((c) => c.kind !== "portal")
      .map((c) => ({
        kind: c.kind,
        name: c.name,
        posts: c.posts,
        responses: responses.get(c.channelId) ?? 0,
      })),
    messagesReplied: messages.replied,
    requests: {
      received: total("new") ?? 0,
      carriedOver: total("carriedOver") ?? 0,
      processed: total("totalProcessed") ?? 0,
      carriedForward: total("carriedForward") ?? 0,
      late: await lateReplies(database, agency.id, year, calendar),
    },
    rules: {
      regulationsIssued: table2.proactive.regulations.issued ?? 0,
      normativeIssued: table2.proactive.normativeDocuments.issued ?? 0,
      normativeAbolished: table2.proactive.normativeDocuments.abolished ?? 0,
      normativeValid: table2.proactive.normativeDocuments.valid ?? 0,
    },
    decisions: {
      licensing: table2.proactive.licensing ?? 0,
      penalty: table2.proactive.penalty ?? 0,
      enforcement: table2.proactive.enforcement ?? 0,
    },
    feesWanYuan: table2.proactive.fees ?? "0.0000",
    review: {
      reconsiderations: sumReview("total", ["reconsideration"]),
      litigations: sumReview("total", ["litigationDirect", "litigationAfterReconsideration"]),
      corrected: sumReview("corrected"),
    },
    training: { sessions: table2.training.sessions, personTimes: table2.training.personTimes },
    processingFeeYuan: yuanSum(await processingFeesPaidInYear(database.db, agency.id, year)),
    breaches: [],
  };
  return {
    tables: { proactive: table2.proactive, applications: table3.table, review },
    cells,
    figures,
  };
}

/** Only the tables of an agency-year (what the checks C-7 and C-8 compare with the year after). */
export async function gatherReportTables(
  database: Database,
  agencyId: number,
  year: number,
): Promise<ReportTables> {
  const table2 = await computeTable2(database, agencyId, year);
  const table3 = await requestTable(database, agencyId, year);
  const table4 = await computeTable4(database.db, agencyId, year);
  return { proactive: table2.proactive, applications: table3.table, review: table4.review };
}
