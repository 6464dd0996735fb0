import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseForTable, computeApplicationsTable } from "../core/request/applications-table.ts";
import { APPLICANT_KINDS, OUTCOMES } from "../core/request/outcomes.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { requestTable } from "./request-report.service.ts";

const day = (n: number) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Random case histories over 2022–2024. */
const casesArb = fc.array(
  fc.record({
    kind: fc.constantFrom(...APPLICANT_KINDS),
    received: fc.integer({ min: 0, max: 3 * 365 }),
    duration: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null, freq: 4 }),
    outcome: fc.constantFrom(...OUTCOMES.map((o) => o.id)),
  }),
  { maxLength: 60 },
);

/** Inserts the cases of one agency; they come back as core's CaseForTable with their database ids. */
async function insertCases(
  database: TestDatabase,
  agencyId: number,
  records: readonly { kind: string; received: number; duration: number | null; outcome: string }[],
): Promise<CaseForTable[]> {
  const at = "2024-01-01T00:00:00.000Z";
  const out: CaseForTable[] = [];
  for (const [i, r] of records.entries()) {
    const closedOn = r.duration === null ? null : day(r.received + r.duration);
    const row = await database.db
      .insertInto("requests")
      .values({
        agency_id: agencyId,
        tracking_no: `T${agencyId}-${i}-${Math.random().toString(36).slice(2)}`,
        verify_hash: "",
        idempotency_key: null,
        channel: "online",
        receipt_rule: "R-31-4",
        received_on: day(r.received),
        confirmed_by: null,
        confirmed_at: null,
        applicant_kind: r.kind as CaseForTable["applicantKind"],
        applicant_name: "申请人",
        org_credit_code: "",
        org_representative: "",
        id_type: "",
        id_number: "",
        phone: "",
        address: "",
        postcode: "",
        email: "",
        description: "申请公开某项政府信息",
        provision_form: "",
        delivery_method: "",
        status: closedOn === null ? "in_progress" : "closed",
        extended: 0,
        outcome: closedOn === null ? null : r.outcome,
        closed_on: closedOn,
        due_on: null,
        due_provisional: 0,
        calendar_version: "",
        case_officer_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    out.push({
      id: row.id,
      applicantKind: r.kind as CaseForTable["applicantKind"],
      receivedOn: day(r.received),
      closedOn,
      outcome: closedOn === null ? null : r.outcome,
    });
  }
  return out;
}

/** A new agency with this credit code; its id. */
async function newAgency(database: TestDatabase, creditCode: string): Promise<number> {
  const at = "2024-01-01T00:00:00.000Z";
  const row = await database.db
    .insertInto("agencies")
    .values({
      parent_id: null,
      name: `表三测试机关${creditCode}`,
      kind: "government",
      credit_code: creditCode,
      office_name: "",
      office_address: "",
      office_hours: "",
      office_phone: "",
      office_fax: "",
      office_email: "",
      office_website: "",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The table and its drill-down with every cell's ids sorted (the grouped pass does not promise an order). */
function sortedCells(computed: {
  table: unknown;
  cases: Readonly<Record<string, readonly (readonly number[])[]>>;
}) {
  const cases = Object.fromEntries(
    Object.entries(computed.cases).map(([row, cells]) => [
      row,
      cells.map((ids) => [...ids].sort((a, b) => a - b)),
    ]),
  );
  return { table: computed.table, cases };
}

describe.each(testDialects())("table 三 from the database's grouped pass (%s)", (dialect) => {
  let database: TestDatabase;
  let agencyId = 0;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("C-1…C-3: requestTable equals computeApplicationsTable over the same random cases, cells and drill-down ids alike", async () => {
    await fc.assert(
      fc.asyncProperty(casesArb, fc.constantFrom(2022, 2023, 2024), async (records, year) => {
        agencyId += 1;
        const id = await newAgency(database, `TABLE3-${dialect}-${agencyId}`);
        const cases = await insertCases(database, id, records);
        expect(sortedCells(await requestTable(database, id, year))).toEqual(
          sortedCells(computeApplicationsTable(cases, year)),
        );
      }),
      { numRuns: dialect === "postgres" ? 25 : 40 },
    );
  });

  it("refuses a year whose case was closed before it was received, naming that case", async () => {
    const agency = await newAgency(database, `MISDATED-${dialect}`);
    const [, misdated] = await insertCases(database, agency, [
      { kind: "naturalPerson", received: 400, duration: 10, outcome: "O-1" },
      { kind: "naturalPerson", received: 420, duration: -5, outcome: "O-1" },
    ]);
    await expect(requestTable(database, agency, 2023)).rejects.toThrow(
      `第 ${misdated?.id} 号申请无法计入表三：办结日期早于收到日期`,
    );
  });
});
