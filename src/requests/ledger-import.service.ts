/**
 * Importing and exporting the ledger (台账). Import: every row is checked (Art. 29 content, then its history
 * through the same state machine: received, optional supplement, closed with its outcome on a date); one bad
 * row and nothing is imported, with a report of the rejected rows (row number, Chinese reasons). Export: an
 * agency-year's cases in the same columns.
 */
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { DomainError } from "../core/domain-error.ts";
import { checkApplicant } from "../core/request/applicant-check.ts";
import type { Channel } from "../core/request/request-events.ts";
import {
  decide,
  type MachineContext,
  openCase,
  type RequestCommand,
} from "../core/request/request-machine.ts";
import type { Database } from "../db/database.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { LEDGER_COLUMNS, type LedgerKey, labelOf } from "./ledger-columns.ts";
import { type LedgerRow, ledgerWorkbook } from "./ledger-xlsx.ts";
import { loadEvents } from "./request.repository.ts";
import { insertOpenedCase, type OpenedCase } from "./request-insert.ts";
import { requestsReceivedIn } from "./request-ledger.repository.ts";
import { verificationSecret } from "./verification-code.ts";

/** A rejected row. */
export interface RejectedRow {
  readonly row: number;
  readonly reasons: readonly string[];
}

/** The code of a coded column's label, or undefined. */
function codeOf(key: LedgerKey, label: string): string | undefined {
  const column = LEDGER_COLUMNS.find((c) => c.key === key);
  return column && "values" in column ? column.values.get(label) : undefined;
}

/** One row turned into an opened case, or its reasons. */
function planRow(agencyId: number, row: LedgerRow, ctx: MachineContext): OpenedCase | string[] {
  const v = row.values;
  const reasons: string[] = [];
  const coded = (key: LedgerKey, what: string) => {
    const code = codeOf(key, v[key]);
    if (code === undefined && v[key] !== "") reasons.push(`${what}“${v[key]}”不是可选的值`);
    return code ?? "";
  };
  const channel = coded("channel", "提交方式") as Channel;
  if (v.channel === "") reasons.push("请填写提交方式");
  const applicantInput = {
    applicantKind: coded("applicantKind", "申请人类型"),
    applicantName: v.applicantName,
    orgCreditCode: v.orgCreditCode,
    orgRepresentative: v.orgRepresentative,
    idType: coded("idType", "身份证件类型"),
    idNumber: v.idNumber,
    phone: v.phone,
    address: v.address,
    postcode: v.postcode,
    email: v.email,
    description: v.description,
    provisionForm: coded("provisionForm", "提供形式"),
    deliveryMethod: coded("deliveryMethod", "获取方式"),
  };
  const outcome = coded("outcome", "办理结果");
  if (v.trackingNo !== "") reasons.push("导入时“申请编号”应留空，由系统编号");
  if ((v.closedOn === "") !== (outcome === ""))
    reasons.push("办结日期和办理结果须同时填写（在办的申请两者都留空）");
  if (reasons.length > 0) return reasons;
  const steps = (): OpenedCase => {
    const applicant = checkApplicant(applicantInput, "any");
    let { state, events } = openCase({ channel, receivedOn: v.receivedOn }, ctx);
    const apply = (command: RequestCommand) => {
      const t = decide(state, command, ctx);
      state = t.state;
      events = [...events, ...t.events];
    };
    if (channel === "online" || channel === "fax") apply({ action: "confirm", date: v.receivedOn });
    if (v.supplementOn !== "") {
      const items = v.supplementItems || "原台账未记载补正事项";
      apply({ action: "request_supplement", date: v.supplementOn, supplementBy: v.supplementBy, items });
    }
    if (v.supplementReceivedOn !== "") apply({ action: "receive_supplement", date: v.supplementReceivedOn });
    if (outcome === "O-6.1") apply({ action: "supplement_expired", date: v.closedOn });
    else if (outcome === "O-6.3")
      apply({ action: "withdraw", date: v.closedOn, reason: v.reason || "原台账记载为其他处理" });
    else if (outcome !== "") apply({ action: "close", date: v.closedOn, outcome, reason: v.reason });
    return {
      agencyId,
      channel,
      receivedOn: v.receivedOn,
      applicant,
      idempotencyKey: null,
      attachments: [],
      state,
      events,
    };
  };
  try {
    return steps();
  } catch (error) {
    if (error instanceof DomainError) return [error.message];
    throw error;
  }
}

/** Imports all rows or none; the ids made, or the rejected rows. */
export async function importLedger(
  database: Database,
  agencyId: number,
  rows: readonly LedgerRow[],
  actor: Actor,
  now: Date,
): Promise<{ imported: number; requestIds: number[] } | { rejected: RejectedRow[] }> {
  if (rows.length === 0) return { rejected: [{ row: 1, reasons: ["台账中没有申请记录"] }] };
  const at = now.toISOString();
  const ctx: MachineContext = {
    calendar: await effectiveCalendar(database),
    today: shanghaiDate(now),
    at,
    actor: { userId: actor.userId, name: actor.name },
    may: { handle: true, approveExtension: false },
  };
  const planned: OpenedCase[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const plan = planRow(agencyId, row, ctx);
    if (Array.isArray(plan)) rejected.push({ row: row.rowNumber, reasons: plan });
    else planned.push(plan);
  }
  if (rejected.length > 0) return { rejected };
  const secret = await verificationSecret(database.db);
  const ids = await database.db.transaction().execute(async (trx) => {
    const out: number[] = [];
    for (const p of planned)
      out.push((await insertOpenedCase(trx, database.dialect, p, actor, at, secret)).requestId);
    return out;
  });
  return { imported: ids.length, requestIds: ids };
}

/** The ledger of an agency-year (cases received in the year) as XLSX. */
export async function exportLedger(database: Database, agencyId: number, year: number): Promise<Buffer> {
  const rows = await requestsReceivedIn(database.db, agencyId, year);
  const lines: string[][] = [];
  for (const r of rows) {
    const events = await loadEvents(database.db, r.id);
    const sup = events.find((e) => e.type === "supplement_requested");
    const got = events.find((e) => e.type === "supplement_received");
    const closing = events.find((e) => e.type === "closed" || e.type === "withdrawn");
    const values: Record<LedgerKey, string> = {
      trackingNo: r.tracking_no,
      receivedOn: r.received_on,
      channel: labelOf("channel", r.channel),
      applicantKind: labelOf("applicantKind", r.applicant_kind),
      applicantName: r.applicant_name,
      idType: r.id_type ? labelOf("idType", r.id_type) : "",
      idNumber: r.id_number,
      orgCreditCode: r.org_credit_code,
      orgRepresentative: r.org_representative,
      phone: r.phone,
      address: r.address,
      postcode: r.postcode,
      email: r.email,
      description: r.description,
      provisionForm: labelOf("provisionForm", r.provision_form),
      deliveryMethod: labelOf("deliveryMethod", r.delivery_method),
      supplementOn: sup?.occurredOn ?? "",
      supplementBy: sup?.type === "supplement_requested" ? sup.data.supplementBy : "",
      supplementItems: sup?.type === "supplement_requested" ? sup.data.items : "",
      supplementReceivedOn: got?.occurredOn ?? "",
      closedOn: r.closed_on ?? "",
      outcome: r.outcome ? labelOf("outcome", r.outcome) : "",
      reason:
        closing?.type === "closed"
          ? closing.data.reason
          : closing?.type === "withdrawn"
            ? closing.data.reason
            : "",
    };
    lines.push(LEDGER_COLUMNS.map((c) => values[c.key]));
  }
  return ledgerWorkbook(lines);
}
