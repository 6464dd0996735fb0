/**
 * Commands of the small registers — 行政事业性收费 amounts (exact, in 分), training sessions and policy
 * interpretations — each change with a trail entry in the same transaction.
 */
import type { Transaction } from "kysely";
import { errorFactory } from "../core/domain-error.ts";
import { isCalendarDate } from "../core/registry/decision-row.ts";
import { formatYuan, parseYuan } from "../core/registry/fee-amounts.ts";
import { registryError } from "../core/registry/registry-errors.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import {
  type Fee,
  type FeeValues,
  type Interpretation,
  type InterpretationValues,
  insertFee,
  insertInterpretation,
  insertTraining,
  publicationAgency,
  type Training,
  type TrainingValues,
  updateFee,
  updateInterpretation,
  updateTraining,
} from "./ledger.repository.ts";

/** Refusals of the small registers besides INVALID_RECORD. */
export const LEDGER_ERRORS = {
  POLICY_PUBLICATION_INVALID: { status: 422, message: "所解读的文件不存在或不属于本机关" },
} as const;

const failLedger = errorFactory(LEDGER_ERRORS);

/** What a fee record is entered with: the amount in 元 as a decimal string ("12345.67"). */
export interface FeeInput {
  readonly year: number;
  readonly itemName: string;
  readonly basis: string;
  readonly amountYuan: string;
  readonly note: string;
}

/** A fee input checked into stored values. */
function feeValues(input: FeeInput): FeeValues {
  const itemName = input.itemName.trim();
  if (itemName === "") throw registryError("INVALID_RECORD", "收费项目名称不能为空");
  const amountFen = parseYuan(input.amountYuan);
  if (amountFen === null) {
    throw registryError(
      "INVALID_RECORD",
      `收费金额“${input.amountYuan}”无效：应为以元为单位、最多两位小数的非负数`,
    );
  }
  return { year: input.year, itemName, basis: input.basis.trim(), amountFen, note: input.note.trim() };
}

/** A training input checked. */
function trainingValues(input: TrainingValues): TrainingValues {
  const topic = input.topic.trim();
  if (topic === "") throw registryError("INVALID_RECORD", "培训主题不能为空");
  if (!isCalendarDate(input.heldOn))
    throw registryError("INVALID_RECORD", `培训日期“${input.heldOn}”无效，应为 YYYY-MM-DD`);
  return { heldOn: input.heldOn, topic, personTimes: input.personTimes };
}

/** An interpretation input checked. */
function interpretationValues(input: InterpretationValues): InterpretationValues {
  const title = input.title.trim();
  const policyTitle = input.policyTitle.trim();
  if (title === "") throw registryError("INVALID_RECORD", "解读标题不能为空");
  if (policyTitle === "") throw registryError("INVALID_RECORD", "须填写所解读政策的标题");
  if (!isCalendarDate(input.publishedOn)) {
    throw registryError("INVALID_RECORD", `解读发布日期“${input.publishedOn}”无效，应为 YYYY-MM-DD`);
  }
  return { ...input, title, policyTitle, form: input.form.trim(), policyDocNo: input.policyDocNo.trim() };
}

/** How one register is written: its entity name, a check against stored records, insert and update. */
interface RegisterWriter<V, R> {
  readonly entityType: string;
  /** Checks the values against other records in the transaction (e.g. a linked publication); may refuse. */
  readonly check?: (trx: Transaction<Schema>, agencyId: number, values: V) => Promise<void>;
  readonly insert: (trx: Transaction<Schema>, agencyId: number, values: V, now: string) => Promise<R>;
  readonly update: (trx: Transaction<Schema>, id: number, values: V, now: string) => Promise<R>;
}

const FEES: RegisterWriter<FeeValues, Fee> = { entityType: "fee", insert: insertFee, update: updateFee };
const TRAININGS: RegisterWriter<TrainingValues, Training> = {
  entityType: "training",
  insert: insertTraining,
  update: updateTraining,
};
/** The publication an interpretation links to exists and is the same agency's (or there is no link). */
async function checkPolicyPublication(
  trx: Transaction<Schema>,
  agencyId: number,
  values: InterpretationValues,
): Promise<void> {
  const id = values.policyPublicationId;
  if (id === null) return;
  if ((await publicationAgency(trx, id)) !== agencyId) throw failLedger("POLICY_PUBLICATION_INVALID");
}

const INTERPRETATIONS: RegisterWriter<InterpretationValues, Interpretation> = {
  entityType: "interpretation",
  check: checkPolicyPublication,
  insert: insertInterpretation,
  update: updateInterpretation,
};

/** Inserts (no `before`) or updates a record with its trail entry `registry.{entity}.create|update`. */
async function write<V, R extends { id: number }>(
  database: Database,
  writer: RegisterWriter<V, R>,
  agencyId: number,
  before: R | undefined,
  values: V,
  actor: Actor,
): Promise<R> {
  return database.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await writer.check?.(trx, agencyId, values);
    const after = before
      ? await writer.update(trx, before.id, values, now)
      : await writer.insert(trx, agencyId, values, now);
    const change = {
      agencyId,
      action: `registry.${writer.entityType}.${before ? "update" : "create"}`,
      entityType: writer.entityType,
      entityId: after.id,
      before,
      after,
    };
    await recordChange(trx, database.dialect, actor, { ...change, at: now });
    return after;
  });
}

/** Registers a fee amount (trail `registry.fee.create`). */
export function createFee(database: Database, agencyId: number, input: FeeInput, actor: Actor): Promise<Fee> {
  return write(database, FEES, agencyId, undefined, feeValues(input), actor);
}

/** Changes a fee record (any subset of its fields; trail `registry.fee.update`). */
export function changeFee(
  database: Database,
  before: Fee,
  patch: Partial<FeeInput>,
  actor: Actor,
): Promise<Fee> {
  const input: FeeInput = {
    year: patch.year ?? before.year,
    itemName: patch.itemName ?? before.itemName,
    basis: patch.basis ?? before.basis,
    amountYuan: patch.amountYuan ?? formatYuan(before.amountFen),
    note: patch.note ?? before.note,
  };
  return write(database, FEES, before.agencyId, before, feeValues(input), actor);
}

/** Registers a training session (trail `registry.training.create`). */
export function createTraining(
  database: Database,
  agencyId: number,
  input: TrainingValues,
  actor: Actor,
): Promise<Training> {
  return write(database, TRAININGS, agencyId, undefined, trainingValues(input), actor);
}

/** Changes a training session (trail `registry.training.update`). */
export function changeTraining(
  database: Database,
  before: Training,
  patch: Partial<TrainingValues>,
  actor: Actor,
): Promise<Training> {
  const values = trainingValues({ ...pick(before, ["heldOn", "topic", "personTimes"]), ...patch });
  return write(database, TRAININGS, before.agencyId, before, values, actor);
}

/** Registers a policy interpretation (trail `registry.interpretation.create`). */
export function createInterpretation(
  database: Database,
  agencyId: number,
  input: InterpretationValues,
  actor: Actor,
): Promise<Interpretation> {
  return write(database, INTERPRETATIONS, agencyId, undefined, interpretationValues(input), actor);
}

/** Changes a policy interpretation (trail `registry.interpretation.update`). */
export function changeInterpretation(
  database: Database,
  before: Interpretation,
  patch: Partial<InterpretationValues>,
  actor: Actor,
): Promise<Interpretation> {
  const base = pick(before, [
    "title",
    "publishedOn",
    "form",
    "policyTitle",
    "policyDocNo",
    "policyPublicationId",
  ]);
  return write(
    database,
    INTERPRETATIONS,
    before.agencyId,
    before,
    interpretationValues({ ...base, ...patch }),
    actor,
  );
}

/** The named fields of a record. */
function pick<T, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = record[k];
  return out;
}
