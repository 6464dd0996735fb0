import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runChecks } from "../checks/run-checks.ts";
import { APPLICATION_ROWS, emptyReport } from "../report/report-model.ts";
import { type CaseForTable, computeApplicationsTable, UncountableCaseError } from "./applications-table.ts";
import { APPLICANT_KINDS, OUTCOMES } from "./outcomes.ts";

const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Random case histories over 2020–2024. */
const caseArb = (id: number) =>
  fc
    .record({
      kind: fc.constantFrom(...APPLICANT_KINDS),
      received: fc.integer({ min: 0, max: 5 * 365 }),
      duration: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      outcome: fc.constantFrom(...OUTCOMES.map((o) => o.id)),
    })
    .map(
      (r): CaseForTable => ({
        id,
        applicantKind: r.kind,
        receivedOn: day(r.received),
        closedOn: r.duration === null ? null : day(r.received + r.duration),
        outcome: r.duration === null ? null : r.outcome,
      }),
    );
const casesArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => caseArb(i + 1))));

describe("table 三 from the cases", () => {
  it("C-1, C-2, C-3 hold by construction for random case histories", () => {
    fc.assert(
      fc.property(casesArb, fc.integer({ min: 2020, max: 2024 }), (cases, year) => {
        const { table } = computeApplicationsTable(cases, year);
        const report = { ...emptyReport(), applications: table };
        const findings = runChecks(report, {}).filter((f) => ["C-1", "C-2", "C-3"].includes(f.rule));
        expect(findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("C-7 year N's 四 (结转下年度) equals year N+1's 二 (上年结转)", () => {
    fc.assert(
      fc.property(casesArb, fc.integer({ min: 2020, max: 2023 }), (cases, year) => {
        const thisYear = computeApplicationsTable(cases, year);
        const nextYear = computeApplicationsTable(cases, year + 1);
        expect(nextYear.table.carriedOver).toEqual(thisYear.table.carriedForward);
      }),
      { numRuns: 300 },
    );
  });

  it("counts each case in exactly one result row, in the year of its reply, and lists it in the cell", () => {
    const cases: CaseForTable[] = [
      {
        id: 1,
        applicantKind: "naturalPerson",
        receivedOn: "2021-12-20",
        closedOn: "2022-01-10",
        outcome: "O-3.5",
      },
      {
        id: 2,
        applicantKind: "commercial",
        receivedOn: "2022-03-01",
        closedOn: "2022-03-20",
        outcome: "O-1",
      },
      { id: 3, applicantKind: "naturalPerson", receivedOn: "2022-12-25", closedOn: null, outcome: null },
      { id: 4, applicantKind: "legalService", receivedOn: "2023-01-02", closedOn: null, outcome: null },
    ];
    const { table, cases: drill } = computeApplicationsTable(cases, 2022);
    expect(table.new).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(table.carriedOver).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(table["denied.internalAffairs"]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(table.granted).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(table.totalProcessed).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(table.carriedForward).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(drill.new?.[6]).toEqual([2, 3]);
    expect(drill.carriedOver?.[0]).toEqual([1]);
    expect(Object.keys(table)).toEqual(APPLICATION_ROWS.map((r) => r.key));
  });

  it("refuses a closed case without a valid outcome", () => {
    const bad: CaseForTable = {
      id: 9,
      applicantKind: "naturalPerson",
      receivedOn: "2022-01-05",
      closedOn: "2022-01-20",
      outcome: "O-9",
    };
    expect(() => computeApplicationsTable([bad], 2022)).toThrow(UncountableCaseError);
  });
});
