/**
 * Commands of the administrative decisions: enter one, change one, import a spreadsheet (every row valid or
 * nothing imported; 决定书文号 unique per agency), each with a trail entry in the same transaction.
 */
import {
  checkDecision,
  checkDecisionSheet,
  type DecisionFields,
  type DecisionText,
} from "../core/registry/decision-row.ts";
import { registryError } from "../core/registry/registry-errors.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  type Decision,
  existingDecisionDocNos,
  findDecision,
  insertDecisions,
  updateDecision,
} from "./decision.repository.ts";
import { uniqueDocNo } from "./doc-no-conflict.ts";
import { ImportRejected } from "./import-rejected.ts";
import { readRegisterFile } from "./register-file.ts";

/** A decision as the JSON API takes it (kinds as keys, dates null when absent). */
export type DecisionInput = Omit<DecisionFields, "serious" | "validFrom" | "validUntil" | "publishedOn"> & {
  readonly serious?: boolean;
  readonly validFrom?: string | null;
  readonly validUntil?: string | null;
  readonly publishedOn?: string | null;
};

/** The text form of an API input, for the one checker shared with the import. */
function textOf(input: Partial<DecisionInput>): DecisionText {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === "serious") out[key] = value === true ? "是" : "否";
    else if (typeof value === "string") out[key] = value;
  }
  return out;
}

/** Checked fields, or 400 INVALID_RECORD naming every problem. */
function fieldsOf(input: Partial<DecisionInput>): DecisionFields {
  const result = checkDecision(textOf(input));
  if (!result.fields) throw registryError("INVALID_RECORD", result.problems.map((p) => p.message).join("；"));
  return result.fields;
}

/** Enters one decision; trail `registry.decision.create`. */
export async function createDecision(
  database: Database,
  agencyId: number,
  input: DecisionInput,
  actor: Actor,
): Promise<Decision> {
  const fields = fieldsOf(input);
  return uniqueDocNo("decisions_doc_no", () =>
    database.db.transaction().execute(async (trx) => {
      if ((await existingDecisionDocNos(trx, agencyId, [fields.docNo])).size > 0)
        throw registryError("DUPLICATE_DOC_NO");
      const now = new Date().toISOString();
      const [id] = await insertDecisions(trx, agencyId, [fields], now);
      const after = (await findDecision(trx, id as number)) as Decision;
      const change = {
        agencyId,
        action: "registry.decision.create",
        entityType: "decision",
        entityId: after.id,
        after,
      };
      await recordChange(trx, database.dialect, actor, { ...change, at: now });
      return after;
    }),
  );
}

/** Changes a decision (any subset of its fields, e.g. the 公示日期); trail `registry.decision.update`. */
export async function changeDecision(
  database: Database,
  before: Decision,
  patch: Partial<DecisionInput>,
  actor: Actor,
): Promise<Decision> {
  const { id: _id, agencyId: _a, createdAt: _c, updatedAt: _u, ...current } = before;
  const fields = fieldsOf({ ...current, ...patch });
  return uniqueDocNo("decisions_doc_no", () =>
    database.db.transaction().execute(async (trx) => {
      if (
        fields.docNo !== before.docNo &&
        (await existingDecisionDocNos(trx, before.agencyId, [fields.docNo])).size > 0
      ) {
        throw registryError("DUPLICATE_DOC_NO");
      }
      const now = new Date().toISOString();
      const after = await updateDecision(trx, before.id, fields, now);
      const change = {
        agencyId: before.agencyId,
        action: "registry.decision.update",
        entityType: "decision",
        entityId: before.id,
        before,
        after,
      };
      await recordChange(trx, database.dialect, actor, { ...change, at: now });
      return after;
    }),
  );
}

/** What an accepted import did. */
export interface ImportResult {
  readonly imported: number;
  readonly ids: readonly number[];
}

/**
 * Imports a decision file: every row checked (Chinese reasons with row numbers), 决定书文号 repeated in the
 * file or already registered refused; all rows inserted in one transaction with one trail entry
 * `registry.decision.import`, or none (ImportRejected with every problem).
 */
export async function importDecisions(
  database: Database,
  agencyId: number,
  file: { readonly name: string; readonly bytes: Uint8Array },
  actor: Actor,
): Promise<ImportResult> {
  const sheet = checkDecisionSheet(await readRegisterFile(file.bytes));
  if (sheet.problems.length > 0) throw new ImportRejected(sheet.problems);
  return uniqueDocNo("decisions_doc_no", () =>
    database.db.transaction().execute(async (trx) => {
      const taken = await existingDecisionDocNos(
        trx,
        agencyId,
        sheet.decisions.map((d) => d.fields.docNo),
      );
      const problems = sheet.decisions
        .filter((d) => taken.has(d.fields.docNo))
        .map((d) => ({
          row: d.row,
          column: "决定书文号",
          message: `第 ${d.row} 行「决定书文号」：“${d.fields.docNo}”已在登记簿中，不能重复导入`,
        }));
      if (problems.length > 0) throw new ImportRejected(problems);
      const now = new Date().toISOString();
      const ids = await insertDecisions(
        trx,
        agencyId,
        sheet.decisions.map((d) => d.fields),
        now,
      );
      const after = { fileName: file.name, imported: ids.length, ids };
      const change = {
        agencyId,
        action: "registry.decision.import",
        entityType: "decision",
        entityId: ids[0] ?? 0,
        after,
      };
      await recordChange(trx, database.dialect, actor, { ...change, at: now });
      return { imported: ids.length, ids };
    }),
  );
}
