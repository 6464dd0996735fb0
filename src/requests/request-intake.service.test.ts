import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { DomainError } from "../core/domain-error.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { verifyTrail } from "../trail/trail.repository.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { findRequest, loadEvents } from "./request.repository.ts";
import {
  EXE_BYTES,
  officeInput,
  onlineInput,
  PDF_BYTES,
  PNG_BYTES,
  requestCounts,
} from "./request.test-support.ts";
import { registerOfficeRequest, submitOnlineRequest } from "./request-intake.service.ts";
import { trackRequest } from "./request-tracking.service.ts";

const NOW = new Date("2024-10-09T02:00:00.000Z"); // 2024-10-09 in Asia/Shanghai
const META = { ip: "203.0.113.9", now: NOW };
const KEY = "form-key-0000000000000001";

/** The code of the DomainError a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
}

describe.each(testDialects())("request intake on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("R-31-4 an online request: tracking number, code hashed, waits for confirmation, attachment and trail stored", async () => {
    const r = await submitOnlineRequest(database, onlineInput(tree.a1, KEY), META);
    expect(r.trackingNo).toBe(`YSQ2024${String(tree.a1).padStart(4, "0")}00001`);
    expect(r.verificationCode).toMatch(/^\d{6}$/);
    expect(r.replay).toBe(false);
    const row = await findRequest(database.db, r.requestId);
    expect(row).toMatchObject({
      channel: "online",
      receipt_rule: "R-31-4",
      received_on: "2024-10-09",
      status: "received",
      confirmed_at: null,
      applicant_kind: "naturalPerson",
      verify_hash: createHash("sha256").update(r.verificationCode).digest("hex"),
    });
    expect(row?.due_on).toBe("2024-11-05");
    expect((await loadEvents(database.db, r.requestId)).map((e) => [e.seq, e.type])).toEqual([
      [1, "received"],
    ]);
    const attachments = await database.db.selectFrom("request_attachments").selectAll().execute();
    expect(attachments.map((a) => [a.kind, a.media_type, a.size])).toEqual([
      ["identity", "application/pdf", PDF_BYTES.length],
    ]);
    const trail = await database.db
      .selectFrom("trail")
      .selectAll()
      .where("action", "=", "request.create")
      .execute();
    expect(trail.map((t) => [t.actor_role, t.ip, t.agency_id])).toEqual([
      ["applicant", "203.0.113.9", tree.a1],
    ]);
    expect(trail[0]?.after_json).not.toContain("张三");
    const second = await submitOnlineRequest(database, onlineInput(tree.a1, `${KEY}x`), META);
    expect(second.trackingNo.endsWith("00002")).toBe(true);
    expect((await verifyTrail(database.db)).ok).toBe(true);
  });

  it("a form posted twice (same idempotency key) makes one request and shows the same code again", async () => {
    const first = await submitOnlineRequest(database, onlineInput(tree.a1, KEY), META);
    const again = await submitOnlineRequest(database, onlineInput(tree.a1, KEY), META);
    expect(again).toEqual({ ...first, replay: true });
    const both = await Promise.all([
      submitOnlineRequest(database, onlineInput(tree.a1, `${KEY}-b`), META),
      submitOnlineRequest(database, onlineInput(tree.a1, `${KEY}-b`), META),
    ]);
    expect(both[0].requestId).toBe(both[1].requestId);
    expect((await requestCounts(database)).requests).toBe(2);
  });

  it("Art. 29 content and attachments are checked; a refusal stores nothing", async () => {
    const before = await requestCounts(database);
    const refuse = (over: Parameters<typeof onlineInput>[2]) =>
      codeOf(submitOnlineRequest(database, onlineInput(tree.a1, KEY, over), META));
    expect(await refuse({ applicantName: "  " })).toBe("APPLICANT_NAME_REQUIRED");
    expect(await refuse({ idNumber: "110105194912310021" })).toBe("ID_NUMBER_INVALID");
    expect(
      await refuse({ applicantKind: "commercial", orgCreditCode: "123", orgRepresentative: "李四" }),
    ).toBe("ORG_CREDIT_CODE_INVALID");
    expect(await refuse({ description: "" })).toBe("DESCRIPTION_REQUIRED");
    expect(await refuse({ provisionForm: "paper", deliveryMethod: "email" })).toBe("DELIVERY_METHOD_INVALID");
    expect(await refuse({ deliveryMethod: "post", postcode: "" })).toBe("ADDRESS_REQUIRED");
    expect(await refuse({ attachments: [] })).toBe("IDENTITY_ATTACHMENT_REQUIRED");
    const file = (fileName: string, mediaType: string, content: Uint8Array) => ({
      attachments: [{ fileName, mediaType, content }],
    });
    expect(await refuse(file("id.pdf", "application/pdf", EXE_BYTES))).toBe("ATTACHMENT_DISGUISED");
    expect(await refuse(file("id.pdf", "application/pdf", PNG_BYTES))).toBe("ATTACHMENT_DISGUISED");
    expect(await refuse(file("id.png", "application/pdf", PNG_BYTES))).toBe("ATTACHMENT_DISGUISED");
    expect(await refuse(file("id.exe", "application/octet-stream", EXE_BYTES))).toBe(
      "ATTACHMENT_TYPE_INVALID",
    );
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG_BYTES);
    expect(await refuse(file("id.png", "image/png", big))).toBe("ATTACHMENT_TOO_LARGE");
    expect(await refuse({ idempotencyKey: "short" })).toBe("IDEMPOTENCY_KEY_INVALID");
    expect(await codeOf(submitOnlineRequest(database, onlineInput(99999, KEY), META))).toBe("NOT_FOUND");
    expect(await requestCounts(database)).toEqual(before);
  });

  it("R-31-1 / R-33-0 the office registers paper requests, one answered on the spot; online is not its channel", async () => {
    const id = await registerOfficeRequest(database, officeInput(tree.a1, "2024-09-27"), SYSTEM_ACTOR, NOW);
    expect(await findRequest(database.db, id)).toMatchObject({
      status: "received",
      received_on: "2024-09-27",
      receipt_rule: "R-31-1",
      due_on: "2024-10-30",
    });
    const spot = await registerOfficeRequest(
      database,
      officeInput(tree.a1, "2024-10-08", { onTheSpot: { outcome: "O-1" } }),
      SYSTEM_ACTOR,
      NOW,
    );
    expect(await findRequest(database.db, spot)).toMatchObject({
      status: "closed",
      outcome: "O-1",
      closed_on: "2024-10-08",
    });
    const org = await registerOfficeRequest(
      database,
      officeInput(tree.a1, "2024-10-08", {
        channel: "post_registered",
        applicantKind: "legalService",
        applicantName: "甲律师事务所",
        orgCreditCode: "91350100M000100Y43",
        orgRepresentative: "王五",
        idType: "resident_id",
        idNumber: "ignored",
      }),
      SYSTEM_ACTOR,
      NOW,
    );
    expect(await findRequest(database.db, org)).toMatchObject({
      receipt_rule: "R-31-2",
      id_number: "",
      id_type: "",
      org_representative: "王五",
    });
    expect(
      await codeOf(
        registerOfficeRequest(
          database,
          officeInput(tree.a1, "2024-10-08", { channel: "online" }),
          SYSTEM_ACTOR,
          NOW,
        ),
      ),
    ).toBe("CHANNEL_INVALID");
    expect(
      await codeOf(registerOfficeRequest(database, officeInput(tree.a1, "2024-10-10"), SYSTEM_ACTOR, NOW)),
    ).toBe("DATE_IN_FUTURE");
  });

  it("tracking shows the steps and due date for the right code only", async () => {
    const r = await submitOnlineRequest(database, onlineInput(tree.a1, KEY), META);
    const view = await trackRequest(database, r.trackingNo, r.verificationCode);
    expect(view).toMatchObject({
      trackingNo: r.trackingNo,
      agencyName: "甲市公安局",
      status: "received",
      due: "2024-11-05",
    });
    expect(view?.steps).toEqual([{ date: "2024-10-09", text: "收到申请（互联网）" }]);
    expect(JSON.stringify(view)).not.toContain(r.verificationCode);
    const wrong = r.verificationCode === "000000" ? "000001" : "000000";
    expect(await trackRequest(database, r.trackingNo, wrong)).toBeNull();
    expect(await trackRequest(database, "YSQ2024000100099", r.verificationCode)).toBeNull();
  });
});
