/**
 * Test support for the request services and routes: valid Art. 29 content, small real files of each
 * accepted type (and disguised ones), and row counts to prove that a refusal changed nothing.
 */
import type { Database } from "../db/database.ts";
import type { OfficeRequestInput, OnlineRequestInput } from "./request-intake.service.ts";

/** A valid resident identity number (GB 11643 check character). */
export const RESIDENT_ID = "11010519491231002X";

/** A minimal PDF. */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
/** The PNG signature and an IHDR start. */
export const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
/** A Windows executable's first bytes. */
export const EXE_BYTES = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);

/** The content of a person's request. */
export function personContent() {
  return {
    applicantKind: "naturalPerson" as const,
    applicantName: "张三",
    orgCreditCode: "",
    orgRepresentative: "",
    idType: "resident_id",
    idNumber: RESIDENT_ID,
    phone: "0999-1234567",
    address: "甲市人民路2号",
    postcode: "100000",
    email: "zhang@example.cn",
    description: "2022 年本市老旧小区改造项目的资金使用情况",
    provisionForm: "electronic",
    deliveryMethod: "email",
  };
}

/** An online request of a person to `agencyId` with one identity document. */
export function onlineInput(
  agencyId: number,
  idempotencyKey: string,
  over: Partial<OnlineRequestInput> = {},
): OnlineRequestInput {
  return {
    agencyId,
    ...personContent(),
    idempotencyKey,
    attachments: [{ fileName: "身份证.pdf", mediaType: "application/pdf", content: PDF_BYTES }],
    ...over,
  };
}

/** A request handed in at the office on `receivedOn`. */
export function officeInput(
  agencyId: number,
  receivedOn: string,
  over: Partial<OfficeRequestInput> = {},
): OfficeRequestInput {
  return { agencyId, channel: "in_person", receivedOn, ...personContent(), ...over };
}

/** Rows in the request tables and the trail. */
export async function requestCounts(database: Database) {
  const count = async (table: "requests" | "request_events" | "request_attachments" | "trail") =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    requests: await count("requests"),
    events: await count("request_events"),
    attachments: await count("request_attachments"),
    trail: await count("trail"),
  };
}
