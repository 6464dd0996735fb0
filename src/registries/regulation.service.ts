/**
 * Commands of the register of 规章 and 行政规范性文件: create and change entries (文号 unique per agency, dates
 * and validity consistent), each with a trail entry in the same transaction.
 */
import { isCalendarDate } from "../core/registry/decision-row.ts";
import { registryError } from "../core/registry/registry-errors.ts";
import { checkRegulationSheet } from "../core/registry/regulation-row.ts";
import { ruleEntryProblem } from "../core/registry/rule-counts.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { uniqueDocNo } from "./doc-no-conflict.ts";
import { ImportRejected } from "./import-rejected.ts";
import { readRegisterFile } from "./register-file.ts";
import {
  findRegulation,
  insertRegulation,
  type Regulation,
  type RegulationValues,
  regulationDocNoTaken,
  updateRegulation,
} from "./regulation.repository.ts";

/** The values trimmed and checked; throws INVALID_RECORD with the reason. */
function checked(values: RegulationValues): RegulationValues {
  const v = { ...values, title: values.title.trim(), docNo: values.docNo.trim() };
  if (v.title === "") throw registryError("INVALID_RECORD", "文件名称不能为空");
  if (v.docNo === "") throw registryError("INVALID_RECORD", "文号不能为空");
  if (!isCalendarDate(v.issuedOn))
    throw registryError("INVALID_RECORD", `制发日期“${v.issuedOn}”无效，应为 YYYY-MM-DD`);
  if (v.abolishedOn !== null && !isCalendarDate(v.abolishedOn)) {
    throw registryError("INVALID_RECORD", `废止（失效）日期“${v.abolishedOn}”无效，应为 YYYY-MM-DD`);
  }
  const problem = ruleEntryProblem(v.issuedOn, v.abolishedOn, v.validity);
  if (problem) throw registryError("INVALID_RECORD", problem);
  return v;
}

/** Registers a 规章 or 行政规范性文件 of the agency; trail `registry.regulation.create`. */
export async function createRegulation(
  database: Database,
  agencyId: number,
  input: RegulationValues,
  actor: Actor,
): Promise<Regulation> {
  const values = checked(input);
  return uniqueDocNo("regulations_doc_no", () =>
    database.db.transaction().execute(async (trx) => {
      if (await regulationDocNoTaken(trx, agencyId, values.docNo)) throw registryError("DUPLICATE_DOC_NO");
      const now = new Date().toISOString();
      const after = await insertRegulation(trx, agencyId, values, now);
      const change = {
        agencyId,
        action: "registry.regulation.create",
        entityType: "regulation",
        entityId: after.id,
        after,
      };
      await recordChange(trx, database.dialect, actor, { ...change, at: now });
      return after;
    }),
  );
}

/** Changes an entry (any subset of its fields); trail `registry.regulation.update` with before and after. */
export async function changeRegulation(
  database: Database,
  before: Regulation,
  patch: Partial<RegulationValues>,
  actor: Actor,
): Promise<Regulation> {
  const values = checked({
    kind: patch.kind ?? before.kind,
    title: patch.title ?? before.title,
    docNo: patch.docNo ?? before.docNo,
    issuedOn: patch.issuedOn ?? before.issuedOn,
    abolishedOn: patch.abolishedOn === undefined ? before.abolishedOn : patch.abolishedOn,
    validity: patch.validity ?? before.validity,
  });
  return uniqueDocNo("regulations_doc_no", () =>
    database.db.transaction().execute(async (trx) => {
      if (await regulationDocNoTaken(trx, before.agencyId, values.docNo, before.id)) {
        throw registryError("DUPLICATE_DOC_NO");
      }
      const now = new Date().toISOString();
      const after = await updateRegulation(trx, before.id, values, now);
      const change = {
        agencyId: before.agencyId,
        action: "registry.regulation.update",
        entityType: "regulation",
        entityId: before.id,
        before,
        after,
      };
      await recordChange(trx, database.dialect, actor, { ...change, at: now });
      return after;
    }),
  );
}

/** One entry, or undefined (the route authorises on its agency). */
export async function getRegulation(database: Database, id: number): Promise<Regulation | undefined> {
  return findRegulation(database.db, id);
}

/**
 * Imports a register file (XLSX or CSV, columns of REGULATION_COLUMNS): every row checked, 文号 repeated in the
 * file or already registered refused; all entries inserted in one transaction with one trail entry
 * `registry.regulation.import`, or none (ImportRejected with every problem).
 */
export async function importRegulations(
  database: Database,
  agencyId: number,
  file: { readonly name: string; readonly bytes: Uint8Array },
  actor: Actor,
): Promise<{ imported: number; ids: number[] }> {
  const sheet = checkRegulationSheet(await readRegisterFile(file.bytes));
  if (sheet.problems.length > 0) throw new ImportRejected(sheet.problems);
  return uniqueDocNo("regulations_doc_no", () =>
    database.db.transaction().execute(async (trx) => {
      const problems = [];
      for (const { row, fields } of sheet.entries) {
        if (await regulationDocNoTaken(trx, agencyId, fields.docNo)) {
          problems.push({
            row,
            column: "文号",
            message: `第 ${row} 行「文号」：“${fields.docNo}”已在登记簿中，不能重复导入`,
          });
        }
      }
      if (problems.length > 0) throw new ImportRejected(problems);
      const now = new Date().toISOString();
      const ids: number[] = [];
      for (const { fields } of sheet.entries)
        ids.push((await insertRegulation(trx, agencyId, fields, now)).id);
      const after = { fileName: file.name, imported: ids.length, ids };
      const change = {
        agencyId,
        action: "registry.regulation.import",
        entityType: "regulation",
        entityId: ids[0] ?? 0,
        after,
      };
      await recordChange(trx, database.dialect, actor, { ...change, at: now });
      return { imported: ids.length, ids };
    }),
  );
}
