/**
 * SQL of the three small registers: 行政事业性收费 amounts, training sessions and policy interpretations.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Schema } from "../db/schema.ts";
import type { FeeTable, InterpretationTable, TrainingTable } from "../db/schema-registries.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** A fee record (amount in 分). */
export interface Fee {
  readonly id: number;
  readonly agencyId: number;
  readonly year: number;
  readonly itemName: string;
  readonly basis: string;
  readonly amountFen: number;
  readonly note: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A training session. */
export interface Training {
  readonly id: number;
  readonly agencyId: number;
  readonly heldOn: string;
  readonly topic: string;
  readonly personTimes: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A policy interpretation and the policy it interprets. */
export interface Interpretation {
  readonly id: number;
  readonly agencyId: number;
  readonly title: string;
  readonly publishedOn: string;
  readonly form: string;
  readonly policyTitle: string;
  readonly policyDocNo: string;
  readonly policyPublicationId: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The writable fields of each register. */
export type FeeValues = Pick<Fee, "year" | "itemName" | "basis" | "amountFen" | "note">;
/** The writable fields of a training session. */
export type TrainingValues = Pick<Training, "heldOn" | "topic" | "personTimes">;
/** The writable fields of an interpretation. */
export type InterpretationValues = Pick<
  Interpretation,
  "title" | "publishedOn" | "form" | "policyTitle" | "policyDocNo" | "policyPublicationId"
>;

/** A fee row as a Fee. */
function toFee(r: Selectable<FeeTable>): Fee {
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    itemName: r.item_name,
    basis: r.basis,
    amountFen: Number(r.amount_fen),
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A training row as a Training. */
function toTraining(r: Selectable<TrainingTable>): Training {
  return {
    id: r.id,
    agencyId: r.agency_id,
    heldOn: r.held_on,
    topic: r.topic,
    personTimes: r.person_times,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** An interpretation row as an Interpretation. */
function toInterpretation(r: Selectable<InterpretationTable>): Interpretation {
  return {
    id: r.id,
    agencyId: r.agency_id,
    title: r.title,
    publishedOn: r.published_on,
    form: r.form,
    policyTitle: r.policy_title,
    policyDocNo: r.policy_doc_no,
    policyPublicationId: r.policy_publication_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The columns of fee values. */
const feeColumns = (v: FeeValues) => ({
  year: v.year,
  item_name: v.itemName,
  basis: v.basis,
  amount_fen: v.amountFen,
  note: v.note,
});
/** The columns of training values. */
const trainingColumns = (v: TrainingValues) => ({
  held_on: v.heldOn,
  topic: v.topic,
  person_times: v.personTimes,
});
/** The columns of interpretation values. */
const interpretationColumns = (v: InterpretationValues) => ({
  title: v.title,
  published_on: v.publishedOn,
  form: v.form,
  policy_title: v.policyTitle,
  policy_doc_no: v.policyDocNo,
  policy_publication_id: v.policyPublicationId,
});

/** The agency's fee records, of one year when given. */
export async function listFees(db: Db, agencyId: number, year?: number): Promise<Fee[]> {
  let q = db.selectFrom("fees").selectAll().where("agency_id", "=", agencyId);
  if (year !== undefined) q = q.where("year", "=", year);
  return (await q.orderBy("year", "desc").orderBy("id").execute()).map(toFee);
}

/** The agency's training sessions, held in one year when given. */
export async function listTrainings(db: Db, agencyId: number, year?: number): Promise<Training[]> {
  let q = db.selectFrom("trainings").selectAll().where("agency_id", "=", agencyId);
  if (year !== undefined)
    q = q.where("held_on", ">=", `${year}-01-01`).where("held_on", "<=", `${year}-12-31`);
  return (await q.orderBy("held_on", "desc").orderBy("id").execute()).map(toTraining);
}

/** The agency's interpretations, published in one year when given. */
export async function listInterpretations(
  db: Db,
  agencyId: number,
  year?: number,
): Promise<Interpretation[]> {
  let q = db.selectFrom("interpretations").selectAll().where("agency_id", "=", agencyId);
  if (year !== undefined) {
    q = q.where("published_on", ">=", `${year}-01-01`).where("published_on", "<=", `${year}-12-31`);
  }
  return (await q.orderBy("published_on", "desc").orderBy("id").execute()).map(toInterpretation);
}

/** One fee record, or undefined. */
export async function findFee(db: Db, id: number): Promise<Fee | undefined> {
  const r = await db.selectFrom("fees").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? toFee(r) : undefined;
}

/** One training session, or undefined. */
export async function findTraining(db: Db, id: number): Promise<Training | undefined> {
  const r = await db.selectFrom("trainings").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? toTraining(r) : undefined;
}

/** One interpretation, or undefined. */
export async function findInterpretation(db: Db, id: number): Promise<Interpretation | undefined> {
  const r = await db.selectFrom("interpretations").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? toInterpretation(r) : undefined;
}

/** Inserts a fee record. */
export async function insertFee(
  trx: Transaction<Schema>,
  agencyId: number,
  v: FeeValues,
  now: string,
): Promise<Fee> {
  const row = await trx
    .insertInto("fees")
    .values({ agency_id: agencyId, ...feeColumns(v), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFee(row);
}

/** Writes a fee record. */
export async function updateFee(
  trx: Transaction<Schema>,
  id: number,
  v: FeeValues,
  now: string,
): Promise<Fee> {
  const row = await trx
    .updateTable("fees")
    .set({ ...feeColumns(v), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFee(row);
}

/** Inserts a training session. */
export async function insertTraining(
  trx: Transaction<Schema>,
  agencyId: number,
  v: TrainingValues,
  now: string,
): Promise<Training> {
  const row = await trx
    .insertInto("trainings")
    .values({ agency_id: agencyId, ...trainingColumns(v), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTraining(row);
}

/** Writes a training session. */
export async function updateTraining(
  trx: Transaction<Schema>,
  id: number,
  v: TrainingValues,
  now: string,
): Promise<Training> {
  const row = await trx
    .updateTable("trainings")
    .set({ ...trainingColumns(v), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTraining(row);
}

/** Inserts an interpretation. */
export async function insertInterpretation(
  trx: Transaction<Schema>,
  agencyId: number,
  v: InterpretationValues,
  now: string,
): Promise<Interpretation> {
  const row = await trx
    .insertInto("interpretations")
    .values({ agency_id: agencyId, ...interpretationColumns(v), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterpretation(row);
}

/** Writes an interpretation. */
export async function updateInterpretation(
  trx: Transaction<Schema>,
  id: number,
  v: InterpretationValues,
  now: string,
): Promise<Interpretation> {
  const row = await trx
    .updateTable("interpretations")
    .set({ ...interpretationColumns(v), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterpretation(row);
}

/** The agency of a catalog publication (the policy an interpretation links to), or undefined when none. */
export async function publicationAgency(db: Db, publicationId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("publications")
    .select("agency_id")
    .where("id", "=", publicationId)
    .executeTakeFirst();
  return row?.agency_id;
}
