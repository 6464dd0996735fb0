/**
 * Letters of a disclosure request: a draft from the effective template filled from the request, edits
 * while it is a draft, and issuing — the date filled in, every placeholder required, DOCX and PDF generated
 * and stored, the letter frozen for good. Every change has an audit-trail entry in the same transaction.
 */
import { createHash } from "node:crypto";
import { findAgency } from "../agencies/agency.repository.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { DomainError } from "../core/domain-error.ts";
import { letterError } from "../core/letter/letter-errors.ts";
import { kindNeedsOutcome, type LetterKind } from "../core/letter/letter-kinds.ts";
import { type LetterEvent, transitionLetter } from "../core/letter/letter-machine.ts";
import { chineseDate, PLACEHOLDERS, type PlaceholderValues } from "../core/letter/letter-placeholders.ts";
import type { LetterSignOff } from "../core/letter/letter-sign-off.ts";
import { letterValues } from "../core/letter/letter-values.ts";
import { renderTemplate } from "../core/letter/template-renderer.ts";
import { outcomeById } from "../core/request/outcomes.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { type Letter, presentLetter } from "./letter.presenter.ts";
import {
  agencyPhoneByName,
  findLetterRequest,
  findLetterRow,
  insertLetterDraft,
  type LetterRequest,
  type LetterRow,
  listLetterRows,
  markLetterIssued,
  requestAgencyId,
  updateLetterDraft,
} from "./letter.repository.ts";
import { isOfficeHeadOf } from "./letter-sign-off.repository.ts";
import { checkKindOutcome, effectiveTemplate } from "./letter-template.service.ts";

type Db = Database["db"];

/** What drafting a letter needs: its kind, and for a reply or 不予处理告知书 the outcome (else the request's). */
export interface DraftInput {
  readonly kind: LetterKind;
  readonly outcome?: string;
}

/** The agency of a request; 404 when there is no such request. */
export async function letterRequestAgency(database: Database, requestId: number): Promise<number> {
  const agencyId = await requestAgencyId(database.db, requestId);
  if (agencyId === undefined) throw new DomainError("NOT_FOUND", "找不到该申请");
  return agencyId;
}

/** The request with its facts; 404 when there is no such request. */
async function loadRequest(db: Db, requestId: number): Promise<LetterRequest> {
  const request = await findLetterRequest(db, requestId);
  if (!request) throw new DomainError("NOT_FOUND", "找不到该申请");
  return request;
}

/** One letter row of the request; 404 LETTER_NOT_FOUND otherwise. */
async function loadLetter(db: Db, requestId: number, letterId: number): Promise<LetterRow> {
  const row = await findLetterRow(db, requestId, letterId);
  if (!row) throw letterError("LETTER_NOT_FOUND");
  return row;
}

/** The placeholder values of a letter of this kind and outcome on the request. */
async function valuesFor(
  db: Db,
  request: LetterRequest,
  kind: string,
  outcome: string | null,
): Promise<PlaceholderValues> {
  const party =
    kind === "third_party_consultation"
      ? "third-party"
      : kind === "agency_consultation"
        ? "agency"
        : undefined;
  const base = letterValues({ ...request.facts, outcome: outcome ?? request.facts.outcome }, party);
  const phone = base.responsibleAgency ? await agencyPhoneByName(db, base.responsibleAgency) : undefined;
  return phone ? { ...base, responsibleAgencyContact: phone } : base;
}

/** The trail action of each letter event. */
const TRAIL_ACTIONS: Readonly<Record<LetterEvent["type"], string>> = {
  draft: "letter.create",
  edit: "letter.edit",
  issue: "letter.issue",
};

/** Creates a draft from the effective template, filled from the request (the date is filled when issuing). */
export async function createLetterDraft(
  database: Database,
  requestId: number,
  input: DraftInput,
  actor: Actor,
): Promise<Letter> {
  return database.db.transaction().execute(async (trx) => {
    const request = await loadRequest(trx, requestId);
    const outcome = kindNeedsOutcome(input.kind)
      ? (input.outcome ?? request.facts.outcome)
      : (input.outcome ?? null);
    if (kindNeedsOutcome(input.kind) && !outcome) throw letterError("LETTER_OUTCOME_REQUIRED");
    if (outcome && !outcomeById(outcome))
      throw letterError("LETTER_OUTCOME_INVALID", `没有处理结果“${outcome}”`);
    checkKindOutcome(input.kind, outcome);
    const template = await effectiveTemplate(trx, request.agencyId, input.kind, outcome);
    if (!template) throw letterError("LETTER_OUTCOME_INVALID");
    const values = await valuesFor(trx, request, input.kind, outcome);
    const now = new Date().toISOString();
    const title = renderTemplate(template.title, values).text;
    const body = renderTemplate(template.body, values).text;
    const { status, event } = transitionLetter(null, { type: "draft" });
    const id = await insertLetterDraft(
      trx,
      { requestId, kind: input.kind, status, title, body, draftedBy: actor.userId },
      now,
    );
    const letter = presentLetter(await loadLetter(trx, requestId, id));
    await recordChange(trx, database.dialect, actor, {
      agencyId: request.agencyId,
      action: TRAIL_ACTIONS[event.type],
      entityType: "letter",
      entityId: id,
      after: { ...letter, outcome, templateSource: template.source },
      at: now,
    });
    return letter;
  });
}

/** The letters of a request, oldest first. */
export async function listLetters(database: Database, requestId: number): Promise<Letter[]> {
  return (await listLetterRows(database.db, requestId)).map(presentLetter);
}

/** One letter of a request; 404 otherwise. */
export async function getLetter(database: Database, requestId: number, letterId: number): Promise<Letter> {
  return presentLetter(await loadLetter(database.db, requestId, letterId));
}

/** Rewrites a draft's title and body; an issued letter is refused with 409 LETTER_ISSUED. */
export async function editLetterDraft(
  database: Database,
  requestId: number,
  letterId: number,
  text: { title: string; body: string },
  actor: Actor,
): Promise<Letter> {
  const title = text.title.trim();
  if (title === "" || text.body.trim() === "") throw letterError("LETTER_EMPTY");
  return database.db.transaction().execute(async (trx) => {
    const before = await loadLetter(trx, requestId, letterId);
    const { event } = transitionLetter(before.status, { type: "edit" });
    const now = new Date().toISOString();
    if (!(await updateLetterDraft(trx, letterId, { title, body: text.body }, before.updatedAt, now))) {
      throw letterError("LETTER_CHANGED");
    }
    const after = presentLetter(await loadLetter(trx, requestId, letterId));
    const agencyId = (await requestAgencyId(trx, requestId)) ?? null;
    await recordChange(trx, database.dialect, actor, {
      agencyId,
      action: TRAIL_ACTIONS[event.type],
      entityType: "letter",
      entityId: letterId,
      before: { title: before.title, body: before.body },
      after: { title: after.title, body: after.body },
      at: now,
    });
    return after;
  });
}

/** The SHA-256 of bytes, hex. */
function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * What SOD-2 needs to know of an issue: the agency's 答复书须由负责人签发 setting, whether the issuer is a
 * 公开办负责人 of the request's agency, and who drafted the letter (the letter machine applies the rule).
 */
async function signOffOf(
  db: Db,
  request: LetterRequest,
  draft: LetterRow,
  actor: Actor,
): Promise<LetterSignOff> {
  const agency = await findAgency(db, request.agencyId);
  if (!agency) throw new DomainError("NOT_FOUND", "找不到该申请");
  const required = agency.settings.letterSignOffByHead;
  return {
    required,
    issuerUserId: actor.userId,
    issuerIsHead: required && actor.userId !== null && (await isOfficeHeadOf(db, actor.userId, agency.id)),
    drafterUserId: draft.draftedBy,
  };
}

/**
 * Issues a draft through the letter machine (which checks the sign-off, SOD-2), fills the date of issue
 * (Asia/Shanghai) and whatever the request now knows, refuses (422 LETTER_UNFILLED) while any placeholder is
 * left, stores DOCX and PDF and freezes the letter.
 */
export async function issueLetter(
  database: Database,
  requestId: number,
  letterId: number,
  actor: Actor,
  at: Date = new Date(),
): Promise<Letter> {
  const draft = await loadLetter(database.db, requestId, letterId);
  const request = await loadRequest(database.db, requestId);
  const signOff = await signOffOf(database.db, request, draft, actor);
  const { status, event } = transitionLetter(draft.status, { type: "issue", signOff });
  const values = {
    ...(await valuesFor(database.db, request, draft.kind, null)),
    date: chineseDate(shanghaiDate(at)),
  };
  const title = renderTemplate(draft.title, values);
  const body = renderTemplate(draft.body, values);
  const left = [...new Set([...title.missing, ...body.missing])].map(
    (n) => PLACEHOLDERS[n as keyof typeof PLACEHOLDERS] ?? n,
  );
  const unknown = [...new Set([...title.unknown, ...body.unknown])].map((n) => `{{${n}}}`);
  const errors = [...title.errors, ...body.errors];
  if (left.length + unknown.length + errors.length > 0) {
    const parts = [
      left.length > 0 ? `未填写：${left.join("、")}` : "",
      unknown.length > 0 ? `不认识的占位符：${unknown.join("、")}` : "",
      errors.join("；"),
    ].filter((p) => p !== "");
    throw letterError("LETTER_UNFILLED", `文书中仍有未完成的内容（${parts.join("；")}），请修改后再签发`);
  }
  const text = { title: title.text.trim(), body: body.text };
  // The writers (docx, pdfkit) are imported when a letter is issued, not when the server starts.
  const [{ writeLetterDocx }, { writeLetterPdf }] = await Promise.all([
    import("./letter-docx.ts"),
    import("./letter-pdf.ts"),
  ]);
  const [docx, pdf] = await Promise.all([writeLetterDocx(text), writeLetterPdf(text)]);
  return database.db.transaction().execute(async (trx) => {
    const now = at.toISOString();
    const issued = { status, ...text, issuedBy: actor.userId, docx, pdf };
    if (!(await markLetterIssued(trx, letterId, issued, draft.updatedAt, now))) {
      const current = await loadLetter(trx, requestId, letterId);
      throw letterError(current.status === "issued" ? "LETTER_ISSUED" : "LETTER_CHANGED");
    }
    const letter = presentLetter(await loadLetter(trx, requestId, letterId));
    await recordChange(trx, database.dialect, actor, {
      agencyId: request.agencyId,
      action: TRAIL_ACTIONS[event.type],
      entityType: "letter",
      entityId: letterId,
      before: { status: event.from },
      after: { ...letter, docxSha256: sha256(docx), pdfSha256: sha256(pdf) },
      at: now,
    });
    return letter;
  });
}
