/**
 * Catalog commands: drafts are created and edited by the information officer; 先审后发 moves them through
 * 保密审查, 审核 and 审签 (each recorded with who, when and the opinion) to publication, which assigns the
 * 索引号, puts the item on the portal channel and into the search index; withdrawal and amendment keep the
 * history and mark 有效性 on the original. Every change appends a trail entry in its transaction.
 */
import { findAgency } from "../agencies/agency.repository.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { insertPost, portalChannel } from "../channels/channel.repository.ts";
import { DomainError } from "../core/domain-error.ts";
import { failPublication } from "../core/publication/publication-errors.ts";
import { isEditable, type PublicationCommand, transition } from "../core/publication/publication-machine.ts";
import { formatIndexNumber, isValidity, type Validity } from "../core/publication/publication-rules.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { bodyText } from "./body-sanitizer.ts";
import {
  appendPublicationLog,
  findOpenAmendment,
  findPublication,
  insertPublication,
  isIndexNumberViolation,
  listPublicationLog,
  nextSerial,
  type PublicationRecord,
  updatePublicationContent,
  updatePublicationRow,
} from "./publication.repository.ts";
import { checkedContent, type PublicationInput } from "./publication-input.ts";
import { indexItem, unindexItem } from "./search.repository.ts";
import { searchTermsOf } from "./segmenter.ts";

/** The public path of an item's page. */
export function publicItemPath(agencyId: number, id: number): string {
  return `/agencies/${agencyId}/disclosure/proactive/items/${id}`;
}

/** The agency of an item, or 404. */
async function agencyOrFail(db: Database["db"], agencyId: number) {
  const agency = await findAgency(db, agencyId);
  if (!agency) throw new DomainError("NOT_FOUND");
  return agency;
}

/** An item, or 404 NOT_FOUND. */
export async function getPublicationRecord(database: Database, id: number): Promise<PublicationRecord> {
  const item = await findPublication(database.db, id);
  if (!item) throw new DomainError("NOT_FOUND");
  return item;
}

/** Creates a draft in the agency. */
export async function createPublication(
  database: Database,
  agencyId: number,
  input: PublicationInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<PublicationRecord> {
  const agency = await agencyOrFail(database.db, agencyId);
  const content = await checkedContent(database, agencyId, input, agency.name);
  return database.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const item = await insertPublication(
      trx,
      agencyId,
      content,
      { amendsId: null, createdBy: actor.userId },
      at,
    );
    await recordChange(trx, database.dialect, actor, {
      agencyId,
      action: "publication.create",
      entityType: "publication",
      entityId: item.id,
      after: item,
      at,
    });
    return item;
  });
}

/** Changes a draft's content (fields not given keep their value); 409 NOT_EDITABLE after submission. */
export async function updatePublication(
  database: Database,
  id: number,
  patch: Partial<PublicationInput>,
  actor: Actor,
  now: Date = new Date(),
): Promise<PublicationRecord> {
  const before = await getPublicationRecord(database, id);
  if (!isEditable(before.status)) throw failPublication("NOT_EDITABLE");
  const agency = await agencyOrFail(database.db, before.agencyId);
  const merged: PublicationInput = { ...before, bodyHtml: before.bodyHtml, ...patch };
  const content = await checkedContent(database, before.agencyId, merged, agency.name);
  return database.db.transaction().execute(async (trx) => {
    const current = await findPublication(trx, id);
    if (!current || !isEditable(current.status)) throw failPublication("NOT_EDITABLE");
    const at = now.toISOString();
    const after = await updatePublicationContent(trx, id, content, at);
    await recordChange(trx, database.dialect, actor, {
      agencyId: before.agencyId,
      action: "publication.update",
      entityType: "publication",
      entityId: id,
      before,
      after,
      at,
    });
    return after;
  });
}

/** The text the search index holds for an item: title, summary, document number, publisher, body. */
function searchableText(item: PublicationRecord): string {
  return [
    item.title,
    item.summary,
    item.documentNo,
    item.publisher,
    item.topic,
    bodyText(item.bodyHtml),
  ].join("\n");
}

/**
 * Applies a 先审后发 command (the route has checked the caller holds the step's permission), under the
 * agency's 先审后发分人办理 setting (SOD-1: 403 SEPARATION_OF_DUTIES for the submitter or a second step). Publishing
 * assigns the next 索引号 of the agency's year, records the portal post and indexes the item; withdrawal
 * takes it out of the index and marks it 失效.
 */
export async function actOnPublication(
  database: Database,
  id: number,
  command: PublicationCommand,
  actor: Actor,
  now: Date = new Date(),
): Promise<PublicationRecord> {
  try {
    return await database.db.transaction().execute(async (trx) => {
      const before = await findPublication(trx, id);
      if (!before) throw new DomainError("NOT_FOUND");
      const agency = await agencyOrFail(trx, before.agencyId);
      const log = await listPublicationLog(trx, id);
      const decisions = log.map((e) => ({
        type: e.type as PublicationCommand["type"],
        step: e.step,
        actor: { userId: e.actorUserId, name: e.actorName },
      }));
      const { status, event } = transition(before.status, decisions, command, {
        actor: { userId: actor.userId, name: actor.name },
        separate: agency.settings.separateReviewDuties,
      });
      const at = now.toISOString();
      await appendPublicationLog(trx, id, {
        type: event.type,
        from: event.from,
        to: event.to,
        step: event.step,
        opinion: event.opinion,
        actorUserId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        at,
      });
      let after = await updatePublicationRow(trx, id, { status, updated_at: at });
      if (event.type === "publish") {
        const publishedOn = event.publishedOn ?? shanghaiDate(now);
        const year = Number(publishedOn.slice(0, 4));
        const serial = await nextSerial(trx, before.agencyId, year);
        after = await updatePublicationRow(trx, id, {
          published_on: publishedOn,
          published_at: at,
          index_year: year,
          index_serial: serial,
          index_no: formatIndexNumber(agency.creditCode, year, serial),
        });
        const portal = await portalChannel(trx, before.agencyId, at);
        await insertPost(
          trx,
          before.agencyId,
          {
            channelId: portal.id,
            publicationId: id,
            title: after.title,
            url: publicItemPath(before.agencyId, id),
            postedAt: at,
            postedOn: publishedOn,
            source: "portal",
          },
          at,
        );
        await indexItem(trx, database.dialect, after, searchTermsOf(searchableText(after)));
        if (after.amendsId !== null) {
          // The amended original stays public, marked 修订, with a link to its new version.
          const original = await updatePublicationRow(trx, after.amendsId, {
            validity: "修订",
            amended_by_id: id,
            updated_at: at,
          });
          await recordChange(trx, database.dialect, actor, {
            agencyId: original.agencyId,
            action: "publication.amended",
            entityType: "publication",
            entityId: original.id,
            after: { validity: original.validity, amendedById: id },
            at,
          });
        }
      }
      if (event.type === "withdraw") {
        await unindexItem(trx, database.dialect, id);
        if (after.validity === "有效") after = await updatePublicationRow(trx, id, { validity: "失效" });
      }
      await recordChange(trx, database.dialect, actor, {
        agencyId: before.agencyId,
        action: `publication.${event.type}`,
        entityType: "publication",
        entityId: id,
        before: { status: before.status },
        after: { status: after.status, step: event.step, opinion: event.opinion, indexNo: after.indexNo },
        at,
      });
      return after;
    });
  } catch (error) {
    if (isIndexNumberViolation(error)) throw failPublication("INDEX_NUMBER_TAKEN");
    throw error;
  }
}

/** Marks the 有效性 of a published item (有效, 失效, 废止; 修订 is set by publishing an amendment). */
export async function setValidity(
  database: Database,
  id: number,
  validity: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<PublicationRecord> {
  if (!isValidity(validity) || validity === "修订")
    throw failPublication(
      "INVALID_VALIDITY",
      "有效性只能设为 有效、失效 或 废止（修订由发布修订版本自动标注）",
    );
  return database.db.transaction().execute(async (trx) => {
    const before = await findPublication(trx, id);
    if (!before) throw new DomainError("NOT_FOUND");
    if (before.status !== "published")
      throw failPublication("INVALID_TRANSITION", "只有已发布的信息可以标注有效性");
    const at = now.toISOString();
    const after = await updatePublicationRow(trx, id, { validity: validity as Validity, updated_at: at });
    await recordChange(trx, database.dialect, actor, {
      agencyId: before.agencyId,
      action: "publication.validity",
      entityType: "publication",
      entityId: id,
      before: { validity: before.validity },
      after: { validity: after.validity },
      at,
    });
    return after;
  });
}

/** Starts an amendment: a new draft with the published original's content, linked to it. */
export async function amendPublication(
  database: Database,
  id: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<PublicationRecord> {
  const at = now.toISOString();
  return database.db.transaction().execute(async (trx) => {
    const original = await findPublication(trx, id);
    if (!original) throw new DomainError("NOT_FOUND");
    if (original.status !== "published")
      throw failPublication("INVALID_TRANSITION", "只有已发布的信息可以修订");
    const open = await findOpenAmendment(trx, id);
    if (original.amendedById !== null || open) throw failPublication("ALREADY_AMENDED");
    const draft = await insertPublication(
      trx,
      original.agencyId,
      { ...original },
      { amendsId: id, createdBy: actor.userId },
      at,
    );
    await recordChange(trx, database.dialect, actor, {
      agencyId: original.agencyId,
      action: "publication.amend",
      entityType: "publication",
      entityId: draft.id,
      after: { amendsId: id },
      at,
    });
    return draft;
  });
}
