/**
 * Test support for the letters tests: a request row and its case-log events inserted directly (the request
 * aggregate is not under test here), in an agency whose profile has the office's contact details.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { insertAgency } from "../auth/auth.test-support.ts";
import type { CaseEventType } from "../core/request/request-events.ts";
import type { Database } from "../db/database.ts";

/** Inserts an agency with the disclosure office's name, phone and address filled in; its id. */
export async function insertAgencyWithOffice(
  database: Database,
  name: string,
  parentId: number | null,
): Promise<number> {
  const id = await insertAgency(database, name, parentId);
  await database.db
    .updateTable("agencies")
    .set({ office_name: `${name}办公室`, office_phone: "0531-12345678", office_address: "示范市政务路1号" })
    .where("id", "=", id)
    .execute();
  return id;
}

/** Inserts a request received on 2022-09-28 from 张三 (fields overridable); its id. */
export async function insertTestRequest(
  database: Database,
  agencyId: number,
  fields: { applicantName?: string; outcome?: string | null; dueOn?: string | null } = {},
): Promise<number> {
  const at = new Date().toISOString();
  const row = await database.db
    .insertInto("requests")
    .values({
      agency_id: agencyId,
      tracking_no: `YSQ2022${String(agencyId).padStart(4, "0")}${randomBytes(3).readUIntBE(0, 3) % 100000}`,
      verify_hash: "0".repeat(64),
      idempotency_key: null,
      channel: "in_person",
      receipt_rule: "R-31-1",
      received_on: "2022-09-28",
      confirmed_by: null,
      confirmed_at: null,
      applicant_kind: "naturalPerson",
      applicant_name: fields.applicantName ?? "张三",
      org_credit_code: "",
      org_representative: "",
      id_type: "居民身份证",
      id_number: "370102199001011234",
      phone: "13800000000",
      address: "示范市历下区1号",
      postcode: "250000",
      email: "zhangsan@example.cn",
      description: "2021年度本市老旧小区改造项目清单",
      provision_form: "electronic",
      delivery_method: "email",
      status: fields.outcome ? "closed" : "in_progress",
      extended: 0,
      outcome: fields.outcome ?? null,
      closed_on: fields.outcome ? "2022-10-26" : null,
      due_on: fields.dueOn === undefined ? "2022-10-31" : fields.dueOn,
      due_provisional: 0,
      calendar_version: "test",
      case_officer_id: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Appends an event with this data to a request's case log. */
export async function insertRequestEvent(
  database: Database,
  requestId: number,
  type: CaseEventType,
  occurredOn: string,
  data: Record<string, unknown>,
): Promise<void> {
  const last = await database.db
    .selectFrom("request_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("request_id", "=", requestId)
    .executeTakeFirst();
  await database.db
    .insertInto("request_events")
    .values({
      request_id: requestId,
      seq: Number(last?.seq ?? 0) + 1,
      type,
      occurred_on: occurredOn,
      at: new Date().toISOString(),
      actor_user_id: null,
      data_json: JSON.stringify(data),
    })
    .execute();
}

/** The actions of the trail entries about letters and templates, in order. */
export async function letterTrailActions(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom("trail")
    .select("action")
    .where("entity_type", "in", ["letter", "letter_template"])
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.action);
}

/** The text pdftotext (poppler-utils) extracts from a PDF, with all whitespace removed. */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-letter-"));
  try {
    const file = join(dir, "letter.pdf");
    writeFileSync(file, pdf);
    return execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      "",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The main part (word/document.xml) of a DOCX, opened with jszip. */
export async function docxDocumentXml(docx: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file("word/document.xml");
  if (!part) throw new Error("no word/document.xml in the DOCX");
  return part.async("string");
}

/** The text of a DOCX's paragraphs, one line each. */
export async function docxText(docx: Uint8Array): Promise<string> {
  const xml = await docxDocumentXml(docx);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...(p[0] ?? "").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
    .join("\n");
}
