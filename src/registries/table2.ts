/**
 * Table 二 for an agency and a year, from the registers, with the record ids behind every cell (drill-down),
 * and the year's training and interpretation figures — for the annual report assembler and the API.
 */
import type { Kysely, Transaction } from "kysely";
import { DECISION_KINDS, type DecisionKind } from "../core/registry/decision-kinds.ts";
import { fenToWanYuan } from "../core/registry/fee-amounts.ts";
import { computeRuleCounts, type RuleKind } from "../core/registry/rule-counts.ts";
import type { ProactiveTables } from "../core/report/report-model.ts";
import type { Database } from "../db/database.ts";
import type { Schema } from "../db/schema.ts";
import { decisionGroupsOfYear } from "./decision.repository.ts";
import { listFees, listInterpretations, listTrainings } from "./ledger.repository.ts";
import { ruleDatesOf } from "./regulation.repository.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** Table 二 with its drill-down and the year's other registry figures. */
export interface Table2Result {
  readonly agencyId: number;
  readonly year: number;
  /** The model's table 二 (all values known: counts, and 万元 as an exact 4-decimal string). */
  readonly proactive: ProactiveTables;
  /**
   * Record ids behind each cell, keyed by the model's value path: "regulations.issued" … (regulations table),
   * "licensing" / "penalty" / "enforcement" (decisions), "fees" (fee records).
   */
  readonly records: Readonly<Record<string, readonly number[]>>;
  /** Decisions of kind 其他 decided in the year (not in the table; shown beside it). */
  readonly otherDecisions: readonly number[];
  /** The fee total in 分, exact. */
  readonly feesFen: number;
  /** Training sessions held in the year and their person-times (人次). */
  readonly training: {
    readonly sessions: number;
    readonly personTimes: number;
    readonly ids: readonly number[];
  };
  /** Policy interpretations published in the year. */
  readonly interpretations: { readonly count: number; readonly ids: readonly number[] };
}

/** The agency's 规章 and 行政规范性文件 as the computation needs them. */
async function rulesOf(db: Db, agencyId: number) {
  const rows = await ruleDatesOf(db, agencyId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as RuleKind,
    issuedOn: r.issued_on,
    abolishedOn: r.abolished_on,
  }));
}

/** 本年处理决定数量 (表二 第二十条第（五）（六）项): the ids of each kind's decisions decided in the year. */
async function decisionsOfYear(
  database: Pick<Database, "db" | "dialect">,
  agencyId: number,
  year: number,
): Promise<Record<DecisionKind, readonly number[]>> {
  const groups = await decisionGroupsOfYear(database, agencyId, year);
  const ids = (kind: DecisionKind) => groups.find((g) => g.kind === kind)?.ids ?? [];
  return Object.fromEntries(DECISION_KINDS.map((kind) => [kind, ids(kind)])) as Record<
    DecisionKind,
    readonly number[]
  >;
}

/** Table 二 of the agency for the year, with drill-down ids, training and interpretation figures. */
export async function computeTable2(
  database: Pick<Database, "db" | "dialect">,
  agencyId: number,
  year: number,
): Promise<Table2Result> {
  const db = database.db;
  const rules = await rulesOf(db, agencyId);
  const regulations = computeRuleCounts(rules, "regulation", year);
  const normative = computeRuleCounts(rules, "normativeDocument", year);
  const decisions = await decisionsOfYear(database, agencyId, year);
  const fees = await listFees(db, agencyId, year);
  const feesFen = fees.reduce((sum, f) => sum + f.amountFen, 0);
  const trainings = await listTrainings(db, agencyId, year);
  const interpretations = await listInterpretations(db, agencyId, year);
  return {
    agencyId,
    year,
    proactive: {
      regulations: regulations.counts,
      normativeDocuments: normative.counts,
      licensing: decisions.licensing.length,
      penalty: decisions.penalty.length,
      enforcement: decisions.enforcement.length,
      fees: fenToWanYuan(feesFen),
    },
    records: {
      "regulations.issued": regulations.ids.issued,
      "regulations.abolished": regulations.ids.abolished,
      "regulations.valid": regulations.ids.valid,
      "normativeDocuments.issued": normative.ids.issued,
      "normativeDocuments.abolished": normative.ids.abolished,
      "normativeDocuments.valid": normative.ids.valid,
      licensing: decisions.licensing,
      penalty: decisions.penalty,
      enforcement: decisions.enforcement,
      fees: fees.map((f) => f.id),
    },
    otherDecisions: decisions.other,
    feesFen,
    training: {
      sessions: trainings.length,
      personTimes: trainings.reduce((sum, t) => sum + t.personTimes, 0),
      ids: trainings.map((t) => t.id),
    },
    interpretations: { count: interpretations.length, ids: interpretations.map((i) => i.id) },
  };
}
