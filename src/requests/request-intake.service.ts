import type { Transaction } from "kysely";
import { findAgency } from "../agencies/agency.repository.ts";
import { effectiveCalendar } from "../calendar/effective-calendar.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { normaliseAttachmentName } from "../core/attachment/attachment-name.ts";
import { DomainError } from "../core/domain-error.ts";
import {
  type ApplicantInput,
  type CheckedApplicant,
  checkApplicant,
} from "../core/request/applicant-check.ts";
import { checkAttachment } from "../core/request/attachment-type.ts";
import type { ApplicantKind } from "../core/request/outcomes.ts";
import { requestError } from "../core/request/request-errors.ts";
import { CHANNELS, type Channel } from "../core/request/request-events.ts";
import { openCase } from "../core/request/request-machine.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { senderHashOf } from "../web/sender-hash.ts";
import { findRequestByIdempotencyKey, isUniqueViolation } from "./request.repository.ts";
import { REQUEST_FLOOD_LIMITS, type RequestFloodLimits, reserveRequestPost } from "./request-flood.ts";
import { insertOpenedCase } from "./request-insert.ts";
import { verificationCodeOf, verificationSecret } from "./verification-code.ts";

/** The most attachments one request may carry. */
export const MAX_ATTACHMENTS = 5;

/** A file sent with a request. */
export interface AttachmentInput {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
}

/** The online form's content (条例第二十九条), as the public pages pass it in. */
export interface OnlineRequestInput extends Omit<ApplicantInput, "applicantKind"> {
  readonly agencyId: number;
  readonly applicantKind: ApplicantKind;
  /** The hidden key of the form: posting it twice makes one request. */
  readonly idempotencyKey: string;
  /** Identity documents (kind "identity"): at least one. */
  readonly attachments: readonly AttachmentInput[];
}

/** What the office registers (POST /api/requests). */
export interface OfficeRequestInput extends ApplicantInput {
  readonly agencyId: number;
  readonly channel: Channel;
  readonly receivedOn: string;
  /** R-33-0: answered on the spot with this outcome. */
  readonly onTheSpot?: { readonly outcome: string };
}

/** A registered request: its id, tracking number and the code (shown once to the applicant). */
export interface IntakeResult {
  readonly requestId: number;
  readonly trackingNo: string;
  readonly verificationCode: string;
  /** True when the same form had been posted before and this is that request again. */
  readonly replay: boolean;
}

interface OpenInput {
  readonly agencyId: number;
  readonly channel: Channel;
  readonly receivedOn: string;
  readonly applicant: CheckedApplicant;
  readonly idempotencyKey: string | null;
  readonly onTheSpot?: { readonly outcome: string };
  readonly attachments: readonly (AttachmentInput & { readonly realType: string })[];
  /** Run first in the transaction that stores the case (the online form's flood limit); may refuse. */
  readonly reserve?: (trx: Transaction<Schema>) => Promise<void>;
}

/** Inserts the case, its first events, attachments and the trail entry; retried on a tracking-number race. */
async function openRequest(
  database: Database,
  input: OpenInput,
  actor: Actor,
  now: Date,
): Promise<IntakeResult> {
  const at = now.toISOString();
  const calendar = await effectiveCalendar(database);
  const opened = openCase(
    {
      channel: input.channel,
      receivedOn: input.receivedOn,
      ...(input.onTheSpot ? { onTheSpot: input.onTheSpot } : {}),
    },
    {
      calendar,
      today: shanghaiDate(now),
      at,
      actor: { userId: actor.userId, name: actor.name },
      may: { handle: true, approveExtension: false },
    },
  );
  if (!(await findAgency(database.db, input.agencyId))) throw new DomainError("NOT_FOUND", "受理机关不存在");
  const secret = await verificationSecret(database.db);
  for (let attempt = 0; ; attempt++) {
    try {
      return await database.db.transaction().execute(async (trx) => {
        await input.reserve?.(trx);
        return insertOpenedCase(
          trx,
          database.dialect,
          { ...input, state: opened.state, events: opened.events },
          actor,
          at,
          secret,
        );
      });
    } catch (error) {
      if (input.idempotencyKey !== null && isUniqueViolation(error, "idempotency_key")) {
        const replay = await replayOf(database, input.idempotencyKey);
        if (replay) return replay;
      }
      if (attempt < 5 && isUniqueViolation(error, "tracking_no")) continue;
      throw error;
    }
  }
}

/** The request an idempotency key made, with its code shown again, or undefined. */
async function replayOf(database: Database, key: string): Promise<IntakeResult | undefined> {
  const row = await findRequestByIdempotencyKey(database.db, key);
  if (!row) return undefined;
  const code = verificationCodeOf(await verificationSecret(database.db), row.tracking_no);
  return { requestId: row.id, trackingNo: row.tracking_no, verificationCode: code, replay: true };
}

/** Checks the files: at most MAX_ATTACHMENTS, each a real PDF/JPEG/PNG/DOCX of at most 10 MB; names cleaned. */
function checkFiles(files: readonly AttachmentInput[]) {
  if (files.length > MAX_ATTACHMENTS) throw requestError("TOO_MANY_ATTACHMENTS");
  return files.map((f) => {
    const fileName = normaliseAttachmentName(f.fileName);
    return { ...f, fileName, realType: checkAttachment(fileName, f.mediaType, f.content) };
  });
}

/**
 * Registers a request submitted online (R-31-4: waits for the office's confirmation); idempotent by key (a
 * repost of the same form answers the first request and does not count); at most the flood limits per
 * sender address (REQUEST_FLOOD, 429, nothing stored).
 */
export async function submitOnlineRequest(
  database: Database,
  input: OnlineRequestInput,
  meta: { ip: string; now: Date; floodLimits?: RequestFloodLimits },
): Promise<IntakeResult> {
  const key = input.idempotencyKey.trim();
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(key)) throw requestError("IDEMPOTENCY_KEY_INVALID");
  const earlier = await replayOf(database, key);
  if (earlier) return earlier;
  const applicant = checkApplicant(input);
  if (input.attachments.length === 0) throw requestError("IDENTITY_ATTACHMENT_REQUIRED");
  const attachments = checkFiles(input.attachments);
  const actor: Actor = { userId: null, name: "申请人（网上提交）", role: "applicant", ip: meta.ip };
  const senderHash = senderHashOf(await verificationSecret(database.db), meta.ip);
  const limits = meta.floodLimits ?? REQUEST_FLOOD_LIMITS;
  return openRequest(
    database,
    {
      agencyId: input.agencyId,
      channel: "online",
      receivedOn: shanghaiDate(meta.now),
      applicant,
      idempotencyKey: key,
      attachments,
      reserve: (trx) => reserveRequestPost(trx, database.dialect, senderHash, meta.now, limits),
    },
    actor,
    meta.now,
  );
}

/** Registers a request received by the office (not online); its id. */
export async function registerOfficeRequest(
  database: Database,
  input: OfficeRequestInput,
  actor: Actor,
  now: Date,
): Promise<number> {
  if (!CHANNELS.includes(input.channel) || input.channel === "online") {
    throw requestError(
      "CHANNEL_INVALID",
      "网上提交的申请由申请人在网站填写；此处登记当面、邮寄、平常信函或传真提交的申请",
    );
  }
  const applicant = checkApplicant(input, "any");
  const result = await openRequest(
    database,
    {
      agencyId: input.agencyId,
      channel: input.channel,
      receivedOn: input.receivedOn,
      applicant,
      idempotencyKey: null,
      ...(input.onTheSpot ? { onTheSpot: input.onTheSpot } : {}),
      attachments: [],
    },
    actor,
    now,
  );
  return result.requestId;
}
