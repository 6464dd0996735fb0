import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CaseForTable,
  type CaseGroupForTable,
  computeApplicationsTable,
  computeApplicationsTableFromGroups,
  UncountableCaseError,
} from "./applications-table.ts";
import { APPLICANT_KINDS, OUTCOMES } from "./outcomes.ts";

const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Random case histories over 2020–2024. */
const casesArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...APPLICANT_KINDS),
      received: fc.integer({ min: 0, max: 5 * 365 }),
      duration: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      outcome: fc.constantFrom(...OUTCOMES.map((o) => o.id)),
    }),
    { maxLength: 80 },
  )
  .map((records) =>
    records.map(
      (r, i): CaseForTable => ({
        id: i + 1,
        applicantKind: r.kind,
        receivedOn: day(r.received),
        closedOn: r.duration === null ? null : day(r.received + r.duration),
        outcome: r.duration === null ? null : r.outcome,
      }),
    ),
  );

/** What the database's one pass gives: the year's cases grouped by kind, new or carried over, and result. */
function groupLikeTheDatabase(cases: readonly CaseForTable[], year: number): CaseGroupForTable[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const groups = new Map<string, CaseGroupForTable & { ids: number[] }>();
  for (const c of cases) {
    const closed = c.closedOn ?? null;
    if (c.receivedOn > last || (closed !== null && closed < first)) continue;
    const receivedInYear = c.receivedOn >= first;
    const outcome = closed !== null && closed <= last ? (c.outcome ?? null) : null;
    const key = JSON.stringify([c.applicantKind, receivedInYear, outcome]);
    const group = groups.get(key) ?? { applicantKind: c.applicantKind, receivedInYear, outcome, ids: [] };
    group.ids.push(c.id);
    groups.set(key, group);
  }
  return [...groups.values()].reverse();
}

/** The drill-down with every cell's ids sorted (a GROUP BY lists them in its own order). */
function sortedCells(cases: Readonly<Record<string, readonly (readonly number[])[]>>) {
  return Object.fromEntries(
    Object.entries(cases).map(([k, cells]) => [k, cells.map((c) => [...c].sort((a, b) => a - b))]),
  );
}

describe("table 三 from groups of cases", () => {
  it("C-1, C-2, C-3 the groups give the same table and drill-down as the cases one by one", () => {
    fc.assert(
      fc.property(casesArb, fc.integer({ min: 2020, max: 2024 }), (cases, year) => {
        const one = computeApplicationsTable(cases, year);
        const grouped = computeApplicationsTableFromGroups(groupLikeTheDatabase(cases, year));
        expect(grouped.table).toEqual(one.table);
        expect(sortedCells(grouped.cases)).toEqual(sortedCells(one.cases));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a group it cannot count, naming the case; an empty group counts nothing", () => {
    const group = { applicantKind: "naturalPerson", receivedInYear: true, outcome: "O-1", ids: [7, 8] };
    expect(() => computeApplicationsTableFromGroups([{ ...group, applicantKind: "alien" }])).toThrow(
      new UncountableCaseError(7, "申请人类型“alien”不存在"),
    );
    expect(() => computeApplicationsTableFromGroups([{ ...group, outcome: "O-9" }])).toThrow(
      new UncountableCaseError(7, "已办结但办理结果“O-9”不是 O-1 至 O-6.3 之一"),
    );
    expect(() => computeApplicationsTableFromGroups([{ ...group, closedBeforeReceivedId: 8 }])).toThrow(
      new UncountableCaseError(8, "办结日期早于收到日期"),
    );
    const empty = computeApplicationsTableFromGroups([{ ...group, ids: [] }]);
    expect(empty.table.new).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const counted = computeApplicationsTableFromGroups([group]);
    expect(counted.table.granted).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(counted.cases.totalProcessed?.[6]).toEqual([7, 8]);
  });
});
