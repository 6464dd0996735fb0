/**
 * Table 三 of the annual report computed from the request cases themselves (rules.md §4): received in the
 * year → 一; open on 1 January → 二; closed in the year → exactly one result row by its outcome; open on
 * 31 December → 四; columns by applicant kind. The check relations C-1 … C-3 hold by construction, and
 * year N's 四 equals year N+1's 二. Every cell keeps the ids of the cases behind it (drill-down).
 */
import { APPLICATION_ROWS, type ApplicationsTable, type Count } from "../report/report-model.ts";
import { APPLICANT_KINDS, type ApplicantKind, OUTCOMES } from "./outcomes.ts";

/** What table 三 needs of a case. Dates are calendar dates "YYYY-MM-DD". */
export interface CaseForTable {
  readonly id: number;
  readonly applicantKind: ApplicantKind;
  readonly receivedOn: string;
  /** The date of the final reply (or closing), absent while the case is open. */
  readonly closedOn?: string | null;
  /** The outcome ID (O-1 … O-6.3) of a closed case. */
  readonly outcome?: string | null;
}

/** Table 三 with, for every cell, the ids of the cases counted in it. */
export interface ComputedApplications {
  readonly table: ApplicationsTable;
  /** cases[rowKey][column] = ids counted in that cell (column 6, 总计, lists them all). */
  readonly cases: Readonly<Record<string, readonly (readonly number[])[]>>;
}

/** A case closed without a known outcome cannot be counted: the caller must fix its data. */
export class UncountableCaseError extends Error {
  /** The case that cannot be counted. */
  readonly caseId: number;

  /** Names the case and why. */
  constructor(caseId: number, reason: string) {
    super(`第 ${caseId} 号申请无法计入表三：${reason}`);
    this.name = "UncountableCaseError";
    this.caseId = caseId;
  }
}

/**
 * Cases table 三 cannot tell apart, as one GROUP BY over the cases gives them: one applicant kind, received in
 * the year or before it, and closed in the year with one outcome or still open on 31 December.
 */
export interface CaseGroupForTable {
  readonly applicantKind: string;
  /** Received in the year (一) rather than carried over from before it (二). */
  readonly receivedInYear: boolean;
  /** The outcome ID of cases closed in the year; null for cases still open on 31 December (四). */
  readonly outcome: string | null;
  /** A case of the group closed before it was received, if any (then the group cannot be counted). */
  readonly closedBeforeReceivedId?: number | null;
  /** The cases, in scope for the year (received by 31 December, not closed before 1 January). */
  readonly ids: readonly number[];
}

/** The result row of each outcome ID, and the column of each applicant kind, looked up once per case. */
const OUTCOME_ROWS: ReadonlyMap<string, string> = new Map(OUTCOMES.map((o) => [o.id, o.row]));
const COLUMNS: ReadonlyMap<string, number> = new Map(APPLICANT_KINDS.map((kind, i) => [kind, i]));

/**
 * One cell's ids as the parts they were added in: a group's whole list is kept as it is (no copy), single ids
 * gather in an array of the cell's own; the parts are joined once, when the table is made.
 */
class CellIds {
  private readonly parts: (readonly number[])[] = [];
  private own: number[] | null = null;

  /** Adds ids after those already in the cell. */
  add(ids: readonly number[]): void {
    if (ids.length > 8) {
      this.parts.push(ids);
      this.own = null;
      return;
    }
    if (this.own === null) {
      this.own = [];
      this.parts.push(this.own);
    }
    for (const id of ids) this.own.push(id);
  }

  /** The ids, in the order added. */
  list(): number[] {
    return this.parts.length === 1
      ? (this.parts[0] as number[]).slice()
      : ([] as number[]).concat(...this.parts);
  }
}

/**
 * The tally: every case goes to 一 or 二, and to exactly one result row (and 总计) or to 四, in its column and in
 * column 6 — which is why C-1 … C-3 hold by construction.
 */
class Tally {
  private readonly cells: Record<string, CellIds[]> = {};

  constructor() {
    for (const row of APPLICATION_ROWS) this.cells[row.key] = Array.from({ length: 7 }, () => new CellIds());
  }

  /** Adds cases of one column, new or carried over, with the result row they land in (null: open, 四). */
  add(column: number, receivedInYear: boolean, resultRow: string | null, ids: readonly number[]): void {
    this.push(receivedInYear ? "new" : "carriedOver", column, ids);
    if (resultRow === null) {
      this.push("carriedForward", column, ids);
    } else {
      this.push(resultRow, column, ids);
      this.push("totalProcessed", column, ids);
    }
  }

  /** The table and its drill-down ids. */
  result(): ComputedApplications {
    const table: Record<string, Count[]> = {};
    const cases: Record<string, number[][]> = {};
    for (const row of APPLICATION_ROWS) {
      cases[row.key] = (this.cells[row.key] ?? []).map((cell) => cell.list());
      table[row.key] = (cases[row.key] ?? []).map((ids) => ids.length);
    }
    return { table, cases };
  }

  private push(rowKey: string, column: number, ids: readonly number[]): void {
    const cells = this.cells[rowKey] as CellIds[];
    (cells[column] as CellIds).add(ids);
    (cells[6] as CellIds).add(ids);
  }
}

/** The result row of a case closed with this outcome; throws when the outcome is not O-1 … O-6.3. */
function resultRowOf(id: number, outcome: string | null | undefined): string {
  const row = OUTCOME_ROWS.get(outcome ?? "");
  if (!row) throw new UncountableCaseError(id, `已办结但办理结果“${outcome ?? ""}”不是 O-1 至 O-6.3 之一`);
  return row;
}

/** The column of an applicant kind; throws for an unknown kind. */
function columnOf(id: number, kind: string): number {
  const column = COLUMNS.get(kind);
  if (column === undefined) throw new UncountableCaseError(id, `申请人类型“${kind}”不存在`);
  return column;
}

/** Computes table 三 for a year from the cases. */
export function computeApplicationsTable(cases: readonly CaseForTable[], year: number): ComputedApplications {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const tally = new Tally();
  for (const c of cases) {
    const column = columnOf(c.id, c.applicantKind);
    const closed = c.closedOn ?? null;
    if (closed !== null && closed < c.receivedOn)
      throw new UncountableCaseError(c.id, "办结日期早于收到日期");
    if (c.receivedOn > last || (closed !== null && closed < first)) continue;
    const resultRow = closed !== null && closed <= last ? resultRowOf(c.id, c.outcome) : null;
    tally.add(column, c.receivedOn >= first, resultRow, [c.id]);
  }
  return tally.result();
}

/**
 * Table 三 from groups of cases (one pass of the database over the year's cases, which hands back each group's
 * ids instead of every case); the same tally as computeApplicationsTable, so the same table and drill-down.
 */
export function computeApplicationsTableFromGroups(
  groups: readonly CaseGroupForTable[],
): ComputedApplications {
  const tally = new Tally();
  for (const g of groups) {
    const first = g.ids[0];
    if (first === undefined) continue;
    const column = columnOf(first, g.applicantKind);
    const misdated = g.closedBeforeReceivedId ?? null;
    if (misdated !== null) throw new UncountableCaseError(misdated, "办结日期早于收到日期");
    const resultRow = g.outcome === null ? null : resultRowOf(first, g.outcome);
    tally.add(column, g.receivedInYear, resultRow, g.ids);
  }
  return tally.result();
}
