/**
 * Agency commands and queries: create and change agencies (credit code checked per GB 32100, sibling names and
 * credit codes unique) with an audit-trail entry in the same transaction, and list them parents first.
 */
import { isValidCreditCode, normaliseCreditCode } from "../core/agency/credit-code.ts";
import { EMPTY_CONTACT, type OfficeContact } from "../core/agency/office-contact.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { appendTrail } from "../trail/trail.repository.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  type Agency,
  type AgencyKind,
  type AgencySettings,
  agencyUniqueViolation,
  creditCodeTaken,
  findAgency,
  insertAgency,
  listAllAgencies,
  siblingNameTaken,
  updateAgency,
} from "./agency.repository.ts";

/** What creating an agency needs. */
export interface CreateAgencyInput {
  readonly parentId: number | null;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly creditCode: string;
  readonly contact?: Partial<OfficeContact>;
}

/** What may be changed on an agency (any subset; contact fields and settings individually). */
export interface UpdateAgencyInput {
  readonly name?: string;
  readonly creditCode?: string;
  readonly contact?: Partial<OfficeContact>;
  readonly settings?: Partial<AgencySettings>;
}

/** The contact with each given field trimmed over `base`. */
function mergeContact(base: OfficeContact, patch: Partial<OfficeContact> | undefined): OfficeContact {
  const out: Record<string, string> = { ...base };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (typeof value === "string" && key in base) out[key] = value.trim();
  }
  return out as unknown as OfficeContact;
}

/** The settings given (an absent or undefined one keeps its value). */
function definedSettings(patch: Partial<AgencySettings> | undefined): Partial<AgencySettings> {
  const out: { -readonly [K in keyof AgencySettings]?: boolean } = {};
  if (typeof patch?.separateReviewDuties === "boolean") out.separateReviewDuties = patch.separateReviewDuties;
  if (typeof patch?.letterSignOffByHead === "boolean") out.letterSignOffByHead = patch.letterSignOffByHead;
  return out;
}

/** The name trimmed; an empty name is refused. */
function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") throw new DomainError("INVALID_INPUT", "机关名称不能为空");
  return trimmed;
}

/** The credit code normalised; a code failing GB 32100 is refused (400 INVALID_CREDIT_CODE). */
function cleanCreditCode(code: string): string {
  const normalised = normaliseCreditCode(code);
  if (!isValidCreditCode(normalised)) throw new DomainError("INVALID_CREDIT_CODE");
  return normalised;
}

/** Runs a write, turning a uniqueness race lost at the database into the same 409 as the checks. */
async function uniqueChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const broken = agencyUniqueViolation(error);
    if (broken === "name") throw new DomainError("DUPLICATE_NAME");
    if (broken === "creditCode") throw new DomainError("DUPLICATE_CREDIT_CODE");
    throw error;
  }
}

/** Creates an agency (the parent must exist) and records it in the trail; returns it. */
export async function createAgency(
  database: Database,
  input: CreateAgencyInput,
  actor: Actor,
): Promise<Agency> {
  const name = cleanName(input.name);
  const creditCode = cleanCreditCode(input.creditCode);
  const contact = mergeContact(EMPTY_CONTACT, input.contact);
  return uniqueChecked(() =>
    database.db.transaction().execute(async (trx) => {
      if (input.parentId !== null && !(await findAgency(trx, input.parentId))) {
        throw new DomainError("NOT_FOUND", "上级机关不存在");
      }
      if (await siblingNameTaken(trx, input.parentId, name)) throw new DomainError("DUPLICATE_NAME");
      if (await creditCodeTaken(trx, creditCode)) throw new DomainError("DUPLICATE_CREDIT_CODE");
      const now = new Date().toISOString();
      const values = { parentId: input.parentId, name, kind: input.kind, creditCode, contact };
      const agency = await insertAgency(trx, values, now);
      await appendTrail(trx, database.dialect, {
        actorUserId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        agencyId: agency.id,
        action: "agency.create",
        entityType: "agency",
        entityId: agency.id,
        after: agency,
        ip: actor.ip ?? "local",
        at: now,
      });
      return agency;
    }),
  );
}

/**
 * Changes an agency's name, credit code, contact or settings (SOD-1, SOD-2) and records before/after in the
 * trail; returns it.
 */
export async function updateAgencyProfile(
  database: Database,
  id: number,
  input: UpdateAgencyInput,
  actor: Actor,
): Promise<Agency> {
  const name = input.name === undefined ? undefined : cleanName(input.name);
  const creditCode = input.creditCode === undefined ? undefined : cleanCreditCode(input.creditCode);
  return uniqueChecked(() =>
    database.db.transaction().execute(async (trx) => {
      const before = await findAgency(trx, id);
      if (!before) throw new DomainError("NOT_FOUND");
      const next = {
        name: name ?? before.name,
        creditCode: creditCode ?? before.creditCode,
        contact: mergeContact(before.contact, input.contact),
        settings: { ...before.settings, ...definedSettings(input.settings) },
      };
      if (next.name !== before.name && (await siblingNameTaken(trx, before.parentId, next.name, id))) {
        throw new DomainError("DUPLICATE_NAME");
      }
      if (next.creditCode !== before.creditCode && (await creditCodeTaken(trx, next.creditCode, id))) {
        throw new DomainError("DUPLICATE_CREDIT_CODE");
      }
      const now = new Date().toISOString();
      const after = await updateAgency(trx, id, next, now);
      await appendTrail(trx, database.dialect, {
        actorUserId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        agencyId: id,
        action: "agency.update",
        entityType: "agency",
        entityId: id,
        before,
        after,
        ip: actor.ip ?? "local",
        at: now,
      });
      return after;
    }),
  );
}

/** The agencies whose ids are given (all when `only` is absent), parents before children, siblings by id. */
export async function listAgencies(database: Database, only?: Iterable<number>): Promise<Agency[]> {
  const all = await listAllAgencies(database.db);
  const wanted = only ? new Set(only) : undefined;
  const children = new Map<number | null, Agency[]>();
  const ids = new Set(all.map((a) => a.id));
  for (const agency of all) {
    // An agency whose parent is missing is treated as top-level so that it is never lost.
    const parent = agency.parentId !== null && ids.has(agency.parentId) ? agency.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), agency]);
  }
  const ordered: Agency[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null): void => {
    for (const agency of children.get(parent) ?? []) {
      if (seen.has(agency.id)) continue;
      seen.add(agency.id);
      if (!wanted || wanted.has(agency.id)) ordered.push(agency);
      walk(agency.id);
    }
  };
  walk(null);
  return ordered;
}

/** One agency, or 404 NOT_FOUND. */
export async function getAgency(database: Database, id: number): Promise<Agency> {
  const agency = await findAgency(database.db, id);
  if (!agency) throw new DomainError("NOT_FOUND");
  return agency;
}
