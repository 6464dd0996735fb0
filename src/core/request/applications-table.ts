/**
 * Table 三 of the annual report computed from the request cases themselves (rules.md §4): received in the
 * year → 一; open on 1 January → 二; closed in the year → exactly one result row by its outcome; open on
 * 31 December → 四; columns by applicant kind. The check relations C-1 … C-3 hold by construction, and
 * year N's 四 equals year N+1's 二. Every cell keeps the ids of the cases behind it (drill-down).
 */
import { APPLICATION_ROWS, type ApplicationsTable, type Count } from "../report/report-model.ts";
import { APPLICANT_KINDS, type ApplicantKind, outcomeById } from "./outcomes.ts";

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

/** Computes table 三 for a year from the cases. */
export function computeApplicationsTable(cases: readonly CaseForTable[], year: number): ComputedApplications {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const ids: Record<string, number[][]> = {};
  for (const row of APPLICATION_ROWS) ids[row.key] = APPLICANT_KINDS.map(() => []).concat([[]]);
  const add = (rowKey: string, column: number, id: number): void => {
    ids[rowKey]?.[column]?.push(id);
    ids[rowKey]?.[6]?.push(id);
  };
  for (const c of cases) {
    const column = APPLICANT_KINDS.indexOf(c.applicantKind);
    if (column < 0) throw new UncountableCaseError(c.id, `申请人类型“${c.applicantKind}”不存在`);
    const closed = c.closedOn ?? null;
    if (closed !== null && closed < c.receivedOn)
      throw new UncountableCaseError(c.id, "办结日期早于收到日期");
    if (c.receivedOn > last || (closed !== null && closed < first)) continue;
    if (c.receivedOn >= first) add("new", column, c.id);
    else add("carriedOver", column, c.id);
    if (closed !== null && closed <= last) {
      const outcome = outcomeById(c.outcome ?? "");
      if (!outcome)
        throw new UncountableCaseError(c.id, `已办结但办理结果“${c.outcome ?? ""}”不是 O-1 至 O-6.3 之一`);
      add(outcome.row, column, c.id);
      add("totalProcessed", column, c.id);
    } else {
      add("carriedForward", column, c.id);
    }
  }
  const table: Record<string, Count[]> = {};
  for (const row of APPLICATION_ROWS) table[row.key] = (ids[row.key] ?? []).map((cell) => cell.length);
  return { table, cases: ids };
}
