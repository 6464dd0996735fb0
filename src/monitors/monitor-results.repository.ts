/**
 * SQL of the monitors' history: one verdict per agency, day and rule (a rerun on the same day replaces the
 * day's rows), and reading an agency's stored days.
 */
import type { Kysely, Transaction } from "kysely";
import type { MonitorLevel, MonitorVerdict } from "../core/monitor/monitor-verdict.ts";
import type { Schema } from "../db/schema.ts";

/** A stored verdict. */
export interface StoredVerdict {
  readonly day: string;
  readonly rule: string;
  readonly level: MonitorLevel;
  readonly value: number;
  readonly threshold: number;
  readonly items: readonly (number | string)[];
  readonly text: string;
  readonly computedAt: string;
}

/** Writes the day's verdicts of an agency, replacing any stored for the same day and rule. */
export async function saveVerdicts(
  trx: Transaction<Schema>,
  agencyId: number,
  day: string,
  verdicts: readonly MonitorVerdict[],
  computedAt: string,
): Promise<void> {
  if (verdicts.length === 0) return;
  await trx
    .insertInto("monitor_results")
    .values(
      verdicts.map((v) => ({
        agency_id: agencyId,
        day,
        rule: v.rule,
        level: v.level,
        value: v.value,
        threshold: v.threshold,
        items_json: JSON.stringify(v.items),
        text: v.text,
        computed_at: computedAt,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["agency_id", "day", "rule"]).doUpdateSet((eb) => ({
        level: eb.ref("excluded.level"),
        value: eb.ref("excluded.value"),
        threshold: eb.ref("excluded.threshold"),
        items_json: eb.ref("excluded.items_json"),
        text: eb.ref("excluded.text"),
        computed_at: eb.ref("excluded.computed_at"),
      })),
    )
    .execute();
}

/** An agency's stored verdicts from `from` to `to` (one rule, or all), by day then rule. */
export async function listVerdicts(
  db: Kysely<Schema>,
  agencyId: number,
  range: { readonly from: string; readonly to: string; readonly rule?: string },
): Promise<StoredVerdict[]> {
  let q = db
    .selectFrom("monitor_results")
    .select(["day", "rule", "level", "value", "threshold", "items_json", "text", "computed_at"])
    .where("agency_id", "=", agencyId)
    .where("day", ">=", range.from)
    .where("day", "<=", range.to);
  if (range.rule !== undefined) q = q.where("rule", "=", range.rule);
  const rows = await q.orderBy("day").orderBy("id").execute();
  return rows.map((r) => ({
    day: r.day,
    rule: r.rule,
    level: r.level,
    value: Number(r.value),
    threshold: Number(r.threshold),
    items: JSON.parse(r.items_json) as (number | string)[],
    text: r.text,
    computedAt: r.computed_at,
  }));
}
