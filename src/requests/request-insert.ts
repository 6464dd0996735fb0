/**
 * Writing a newly opened case inside a caller's transaction: the next tracking number of the agency-year,
 * the verification code's hash, the row, its first events, its identity attachments and the trail entry.
 * Shared by the intake (one case) and the ledger import (all rows in one transaction).
 */
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import type { CheckedApplicant } from "../core/request/applicant-check.ts";
import { type CaseEvent, CHANNEL_RULES, type Channel } from "../core/request/request-events.ts";
import type { RequestState } from "../core/request/request-state.ts";
import type { Dialect } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { appendEvents, insertAttachment, insertRequest, lastTrackingNo } from "./request.repository.ts";
import { hashCode, nextTrackingNo, trackingPrefix, verificationCodeOf } from "./verification-code.ts";

/** A case decided by the machine, ready to be written. */
export interface OpenedCase {
  readonly agencyId: number;
  readonly channel: Channel;
  readonly receivedOn: string;
  readonly applicant: CheckedApplicant;
  readonly idempotencyKey: string | null;
  readonly attachments: readonly { fileName: string; content: Uint8Array; realType: string }[];
  readonly state: RequestState;
  readonly events: readonly CaseEvent[];
}

/** Writes the case; its id, tracking number and verification code. */
export async function insertOpenedCase(
  trx: Transaction<Schema>,
  dialect: Dialect,
  input: OpenedCase,
  actor: Actor,
  at: string,
  secret: string,
): Promise<{ requestId: number; trackingNo: string; verificationCode: string; replay: false }> {
  const prefix = trackingPrefix(Number(input.receivedOn.slice(0, 4)), input.agencyId);
  const trackingNo = nextTrackingNo(prefix, await lastTrackingNo(trx, prefix));
  const code = verificationCodeOf(secret, trackingNo);
  const a = input.applicant;
  const id = await insertRequest(
    trx,
    {
      agency_id: input.agencyId,
      tracking_no: trackingNo,
      verify_hash: hashCode(code),
      idempotency_key: input.idempotencyKey,
      channel: input.channel,
      receipt_rule: CHANNEL_RULES[input.channel].rule,
      confirmed_by: null,
      confirmed_at: null,
      applicant_kind: a.applicantKind,
      applicant_name: a.applicantName,
      org_credit_code: a.orgCreditCode,
      org_representative: a.orgRepresentative,
      id_type: a.idType,
      id_number: a.idNumber,
      phone: a.phone,
      address: a.address,
      postcode: a.postcode,
      email: a.email,
      description: a.description,
      provision_form: a.provisionForm,
      delivery_method: a.deliveryMethod,
      created_at: at,
    },
    input.state,
    at,
  );
  await appendEvents(trx, id, 0, input.events);
  for (const f of input.attachments) {
    await insertAttachment(trx, {
      request_id: id,
      kind: "identity",
      file_name: f.fileName,
      media_type: f.realType,
      size: f.content.length,
      sha256: createHash("sha256").update(f.content).digest("hex"),
      content: f.content,
      created_at: at,
    });
  }
  await appendTrail(trx, dialect, {
    actorUserId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    agencyId: input.agencyId,
    action: "request.create",
    entityType: "request",
    entityId: id,
    after: { trackingNo, channel: input.channel, receivedOn: input.receivedOn, status: input.state.status },
    ip: actor.ip ?? "local",
    at,
  });
  return { requestId: id, trackingNo, verificationCode: code, replay: false };
}
