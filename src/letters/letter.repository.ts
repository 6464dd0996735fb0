/**
 * SQL of letters, and the reads of a request that its letters need (the request row,
 * its agency's profile, its case log) — read here directly from requests, request_events and agencies.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { LetterKind, LetterStatus } from "../core/letter/letter-kinds.ts";
import type { LetterEventFact, LetterFacts } from "../core/letter/letter-values.ts";
import type { LetterTable, Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A letter row without its files, with the issuer's display name. */
export interface LetterRow {
  readonly id: number;
  readonly requestId: number;
  readonly kind: string;
  readonly status: "draft" | "issued";
  readonly title: string;
  readonly body: string;
  readonly issuedAt: string | null;
  readonly issuedBy: number | null;
  readonly issuedByName: string | null;
  /** The user who drafted it (SOD-2; null when unknown). */
  readonly draftedBy: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The request a letter is written for: its agency and what its letters may say. */
export interface LetterRequest {
  readonly id: number;
  readonly agencyId: number;
  readonly facts: LetterFacts;
}

const LETTER_COLUMNS = [
  "letters.id",
  "letters.request_id",
  "letters.kind",
  "letters.status",
  "letters.title",
  "letters.body",
  "letters.issued_at",
  "letters.issued_by",
  "letters.drafted_by",
  "letters.created_at",
  "letters.updated_at",
  "users.display_name",
] as const;

type LetterSelection = Omit<Selectable<LetterTable>, "docx" | "pdf"> & { display_name: string | null };

function toLetter(row: LetterSelection): LetterRow {
  return {
    id: row.id,
    requestId: row.request_id,
    kind: row.kind,
    status: row.status === "issued" ? "issued" : "draft",
    title: row.title,
    body: row.body,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    issuedByName: row.display_name,
    draftedBy: row.drafted_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Bytes as the drivers bind them. */
function blob(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A case-log event's data, or {} when it is not a JSON object. */
function eventData(json: string): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(json);
    return data !== null && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The agency of a request, or undefined when there is no such request. */
export async function requestAgencyId(db: Db, requestId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("requests")
    .select("agency_id")
    .where("id", "=", requestId)
    .executeTakeFirst();
  return row?.agency_id;
}

/** The request with its agency's profile and its case log, or undefined. */
export async function findLetterRequest(db: Db, requestId: number): Promise<LetterRequest | undefined> {
  const row = await db
    .selectFrom("requests")
    .innerJoin("agencies", "agencies.id", "requests.agency_id")
    .select([
      "requests.id",
      "requests.agency_id",
      "requests.tracking_no",
      "requests.applicant_name",
      "requests.received_on",
      "requests.description",
      "requests.provision_form",
      "requests.delivery_method",
      "requests.due_on",
      "requests.outcome",
      "agencies.name",
      "agencies.office_name",
      "agencies.office_phone",
      "agencies.office_address",
      "agencies.office_email",
    ])
    .where("requests.id", "=", requestId)
    .executeTakeFirst();
  if (!row) return undefined;
  const events = await db
    .selectFrom("request_events")
    .select(["occurred_on", "data_json"])
    .where("request_id", "=", requestId)
    .orderBy("seq")
    .execute();
  const facts: LetterFacts = {
    trackingNo: row.tracking_no,
    applicantName: row.applicant_name,
    receivedOn: row.received_on,
    description: row.description,
    provisionForm: row.provision_form,
    deliveryMethod: row.delivery_method,
    dueOn: row.due_on,
    outcome: row.outcome,
    agency: {
      name: row.name,
      officeName: row.office_name,
      officePhone: row.office_phone,
      officeAddress: row.office_address,
      officeEmail: row.office_email,
    },
    events: events.map((e): LetterEventFact => ({ occurredOn: e.occurred_on, data: eventData(e.data_json) })),
  };
  return { id: row.id, agencyId: row.agency_id, facts };
}

/** The office phone of the agency of this exact name, when the platform has exactly one. */
export async function agencyPhoneByName(db: Db, name: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom("agencies")
    .select("office_phone")
    .where("name", "=", name)
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]?.office_phone : undefined;
}

/** The letters of a request, oldest first. */
export async function listLetterRows(db: Db, requestId: number): Promise<LetterRow[]> {
  const rows = await db
    .selectFrom("letters")
    .leftJoin("users", "users.id", "letters.issued_by")
    .select(LETTER_COLUMNS)
    .where("letters.request_id", "=", requestId)
    .orderBy("letters.id")
    .execute();
  return rows.map(toLetter);
}

/** One letter of a request, or undefined. */
export async function findLetterRow(
  db: Db,
  requestId: number,
  letterId: number,
): Promise<LetterRow | undefined> {
  const row = await db
    .selectFrom("letters")
    .leftJoin("users", "users.id", "letters.issued_by")
    .select(LETTER_COLUMNS)
    .where("letters.request_id", "=", requestId)
    .where("letters.id", "=", letterId)
    .executeTakeFirst();
  return row ? toLetter(row) : undefined;
}

/** The stored file of a letter of a request (null until issued), with its kind, status and title. */
export async function findLetterFile(
  db: Db,
  requestId: number,
  letterId: number,
  format: "docx" | "pdf",
): Promise<{ kind: string; status: string; title: string; content: Uint8Array | null } | undefined> {
  const row = await db
    .selectFrom("letters")
    .select(["kind", "status", "title", format])
    .where("request_id", "=", requestId)
    .where("id", "=", letterId)
    .executeTakeFirst();
  if (!row) return undefined;
  const content = (row as { docx?: Uint8Array | null; pdf?: Uint8Array | null })[format] ?? null;
  return {
    kind: row.kind,
    status: row.status,
    title: row.title,
    content: content ? new Uint8Array(content) : null,
  };
}

/** Inserts a draft; its id. */
export async function insertLetterDraft(
  trx: Transaction<Schema>,
  values: {
    requestId: number;
    kind: LetterKind;
    status: LetterStatus;
    title: string;
    body: string;
    draftedBy: number | null;
  },
  now: string,
): Promise<number> {
  const row = await trx
    .insertInto("letters")
    .values({
      request_id: values.requestId,
      kind: values.kind,
      status: values.status,
      title: values.title,
      body: values.body,
      issued_at: null,
      issued_by: null,
      drafted_by: values.draftedBy,
      docx: null,
      pdf: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes a draft's title and body if it is still the draft last updated at `expectedUpdatedAt`; whether it was. */
export async function updateLetterDraft(
  trx: Transaction<Schema>,
  letterId: number,
  text: { title: string; body: string },
  expectedUpdatedAt: string,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable("letters")
    .set({ title: text.title, body: text.body, updated_at: now })
    .where("id", "=", letterId)
    .where("status", "=", "draft")
    .where("updated_at", "=", expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Freezes a draft (still as last updated at `expectedUpdatedAt`) in the machine's status with its final text and files; whether it was. */
export async function markLetterIssued(
  trx: Transaction<Schema>,
  letterId: number,
  issued: {
    status: LetterStatus;
    title: string;
    body: string;
    issuedBy: number | null;
    docx: Uint8Array;
    pdf: Uint8Array;
  },
  expectedUpdatedAt: string,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable("letters")
    .set({
      status: issued.status,
      title: issued.title,
      body: issued.body,
      issued_at: now,
      issued_by: issued.issuedBy,
      docx: blob(issued.docx),
      pdf: blob(issued.pdf),
      updated_at: now,
    })
    .where("id", "=", letterId)
    .where("status", "=", "draft")
    .where("updated_at", "=", expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
