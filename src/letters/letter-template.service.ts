/**
 * Letter templates: the effective template of a letter (the agency's own, else the installation's stored
 * default, else the built-in one; at each level the outcome's own before the "any outcome" one), the list
 * the template editor shows, and saving an override with an audit-trail entry in the same transaction.
 */
import { builtInTemplate, templateSlots } from "../core/letter/default-templates.ts";
import { letterError } from "../core/letter/letter-errors.ts";
import {
  LETTER_KIND_KEYS,
  LETTER_KINDS,
  type LetterKind,
  outcomesOfKind,
} from "../core/letter/letter-kinds.ts";
import { isPlaceholderName } from "../core/letter/letter-placeholders.ts";
import { placeholdersOf, renderTemplate } from "../core/letter/template-renderer.ts";
import { outcomeById } from "../core/request/outcomes.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  deleteTemplateRows,
  findTemplateRow,
  listTemplateRows,
  lockTemplateSlots,
  saveTemplateRow,
  type TemplateRow,
} from "./letter-template.repository.ts";

type Db = Database["db"];

/** Where an effective template comes from. */
export type TemplateSource = "agency" | "installation" | "builtin";

/** A template as the editor shows it. */
export interface LetterTemplateView {
  readonly agencyId: number | null;
  readonly kind: LetterKind;
  readonly kindName: string;
  readonly outcome: string | null;
  readonly outcomeName: string | null;
  readonly title: string;
  readonly body: string;
  readonly source: TemplateSource;
  readonly updatedAt: string | null;
}

/** What saving a template needs. */
export interface SaveTemplateInput {
  readonly agencyId: number | null;
  readonly kind: LetterKind;
  readonly outcome: string | null;
  readonly title: string;
  readonly body: string;
}

function view(
  slot: { kind: LetterKind; outcome: string | null },
  text: { title: string; body: string },
  source: TemplateSource,
  agencyId: number | null,
  updatedAt: string | null,
): LetterTemplateView {
  return {
    agencyId,
    kind: slot.kind,
    kindName: LETTER_KINDS[slot.kind],
    outcome: slot.outcome,
    outcomeName: slot.outcome === null ? null : (outcomeById(slot.outcome)?.name ?? null),
    title: text.title,
    body: text.body,
    source,
    updatedAt,
  };
}

/** The effective template of a kind and outcome for an agency (null: for the installation); undefined if none. */
export async function effectiveTemplate(
  db: Db,
  agencyId: number | null,
  kind: LetterKind,
  outcome: string | null,
): Promise<LetterTemplateView | undefined> {
  const levels: { id: number | null; source: TemplateSource }[] = [
    ...(agencyId === null ? [] : [{ id: agencyId, source: "agency" as const }]),
    { id: null, source: "installation" },
  ];
  for (const level of levels) {
    for (const o of outcome === null ? [null] : [outcome, null]) {
      const row = await findTemplateRow(db, level.id, kind, o);
      if (row) return view({ kind, outcome }, row, level.source, row.agencyId, row.updatedAt);
    }
  }
  const builtIn = builtInTemplate(kind, outcome);
  return builtIn ? view({ kind, outcome }, builtIn, "builtin", null, null) : undefined;
}

/**
 * Every template slot with its effective template for the agency (null: the installation), and the stored
 * "any outcome" templates of kinds written per outcome.
 */
export async function listEffectiveTemplates(
  database: Database,
  agencyId: number | null,
): Promise<LetterTemplateView[]> {
  const own = agencyId === null ? [] : await listTemplateRows(database.db, agencyId);
  const installation = await listTemplateRows(database.db, null);
  const stored = (rows: readonly TemplateRow[], kind: string, outcome: string | null) =>
    rows.filter((r) => r.kind === kind && r.outcome === outcome).at(-1);
  const out: LetterTemplateView[] = [];
  for (const slot of templateSlots(LETTER_KIND_KEYS)) {
    if (slot.outcome !== null && slot.outcome === outcomesOfKind(slot.kind)[0]) {
      const anyRow = stored(own, slot.kind, null) ?? stored(installation, slot.kind, null);
      if (anyRow) {
        const source = anyRow.agencyId === null ? "installation" : "agency";
        out.push(view({ kind: slot.kind, outcome: null }, anyRow, source, anyRow.agencyId, anyRow.updatedAt));
      }
    }
    const found = await effectiveTemplate(database.db, agencyId, slot.kind, slot.outcome);
    if (found) out.push(found);
  }
  return out;
}

/** Refuses a template whose text uses unknown placeholders or unbalanced sections. */
function checkTemplateText(title: string, body: string): void {
  if (title.trim() === "" || body.trim() === "") throw letterError("LETTER_EMPTY", "模板标题和正文不能为空");
  const unknown = [...placeholdersOf(title), ...placeholdersOf(body)].filter((n) => !isPlaceholderName(n));
  if (unknown.length > 0) {
    const names = [...new Set(unknown)].map((n) => `{{${n}}}`).join("、");
    throw letterError("TEMPLATE_PLACEHOLDER_UNKNOWN", `模板中有不认识的占位符：${names}`);
  }
  const errors = [...renderTemplate(title, {}).errors, ...renderTemplate(body, {}).errors];
  if (errors.length > 0) throw letterError("TEMPLATE_SYNTAX", `模板中的段落标记有误：${errors.join("；")}`);
}

/** Refuses an outcome the kind is not written for (a notice is written for any outcome: null). */
export function checkKindOutcome(kind: LetterKind, outcome: string | null): void {
  if (outcome === null) return;
  if (!outcomesOfKind(kind).includes(outcome)) {
    throw letterError("LETTER_OUTCOME_INVALID", `处理结果“${outcome}”不适用于${LETTER_KINDS[kind]}`);
  }
}

/** Saves the template of an agency (null: the installation's default) for a kind and outcome; the view. */
export async function saveTemplate(
  database: Database,
  input: SaveTemplateInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<LetterTemplateView> {
  checkKindOutcome(input.kind, input.outcome);
  const title = input.title.trim();
  checkTemplateText(title, input.body);
  return database.db.transaction().execute(async (trx) => {
    // One template per (agency, kind, outcome): concurrent saves of the same slot queue here on PostgreSQL.
    await lockTemplateSlots(trx, database.dialect);
    const before = await findTemplateRow(trx, input.agencyId, input.kind, input.outcome);
    const at = now.toISOString();
    const row = await saveTemplateRow(trx, { ...input, title }, at);
    await recordChange(trx, database.dialect, actor, {
      agencyId: input.agencyId,
      action: "letterTemplate.save",
      entityType: "letter_template",
      entityId: row.id,
      ...(before ? { before } : {}),
      after: row,
      at,
    });
    return view(input, row, input.agencyId === null ? "installation" : "agency", row.agencyId, row.updatedAt);
  });
}

/**
 * Removes the stored template of an agency (null: the installation) for a kind and outcome, so the next
 * level applies again; 404 TEMPLATE_NOT_SAVED when there is none. Answers the template that now applies.
 */
export async function resetTemplate(
  database: Database,
  slot: { readonly agencyId: number | null; readonly kind: LetterKind; readonly outcome: string | null },
  actor: Actor,
  now: Date = new Date(),
): Promise<LetterTemplateView | null> {
  checkKindOutcome(slot.kind, slot.outcome);
  await database.db.transaction().execute(async (trx) => {
    await lockTemplateSlots(trx, database.dialect);
    const before = await findTemplateRow(trx, slot.agencyId, slot.kind, slot.outcome);
    if (!before) throw letterError("TEMPLATE_NOT_SAVED");
    await deleteTemplateRows(trx, slot.agencyId, slot.kind, slot.outcome);
    await recordChange(trx, database.dialect, actor, {
      agencyId: slot.agencyId,
      action: "letterTemplate.reset",
      entityType: "letter_template",
      entityId: before.id,
      before,
      at: now.toISOString(),
    });
  });
  return (await effectiveTemplate(database.db, slot.agencyId, slot.kind, slot.outcome)) ?? null;
}
