/**
 * Test support for the reminder tests: request rows inserted directly (only the columns reminders read
 * matter; the rest get plain valid values), and the reminders_sent rows as stored.
 */
import type { RequestStatus } from "../core/request/request-events.ts";
import type { Database } from "../db/database.ts";

/** The parts of a case a reminder test chooses. */
export interface TestCase {
  readonly agencyId: number;
  readonly trackingNo: string;
  readonly dueOn: string | null;
  readonly status?: RequestStatus;
  readonly caseOfficerId?: number | null;
  readonly description?: string;
  readonly receivedOn?: string;
  readonly dueProvisional?: boolean;
}

/** Inserts a request row; its id. */
export async function insertCase(database: Database, c: TestCase): Promise<number> {
  const at = "2026-10-01T00:00:00.000Z";
  const status = c.status ?? "in_progress";
  const row = await database.db
    .insertInto("requests")
    .values({
      agency_id: c.agencyId,
      tracking_no: c.trackingNo,
      verify_hash: "0".repeat(64),
      idempotency_key: null,
      channel: "in_person",
      receipt_rule: "R-31-1",
      received_on: c.receivedOn ?? "2026-10-15",
      confirmed_by: null,
      confirmed_at: null,
      applicant_kind: "naturalPerson",
      applicant_name: "张某",
      org_credit_code: "",
      org_representative: "",
      id_type: "居民身份证",
      id_number: "110101199001011234",
      phone: "13800000000",
      address: "示范市某路 1 号",
      postcode: "100000",
      email: "applicant@example.com",
      description: c.description ?? "申请公开 2025 年度本机关政府采购项目的合同文本及验收报告",
      provision_form: "电子",
      delivery_method: "电子邮件",
      status,
      extended: 0,
      outcome: status === "closed" ? "O-1" : null,
      closed_on: status === "closed" ? "2026-11-02" : null,
      due_on: c.dueOn,
      due_provisional: c.dueProvisional ? 1 : 0,
      calendar_version: "chinese-days@test",
      case_officer_id: c.caseOfficerId ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The reminders_sent rows, ordered by request, kind and due date. */
export async function storedReminders(database: Database) {
  return database.db
    .selectFrom("reminders_sent")
    .select(["request_id", "kind", "due_on", "delivered_at", "recipient", "attempts", "last_error"])
    .orderBy("request_id")
    .orderBy("kind")
    .orderBy("due_on")
    .execute();
}
