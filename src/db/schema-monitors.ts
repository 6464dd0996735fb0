/**
 * The history of the daily monitors (migration 0011): one verdict per agency, day and rule.
 */
import type { Generated } from "kysely";
import type { MonitorLevel } from "../core/monitor/monitor-verdict.ts";

/** A monitor's verdict for an agency on a day (a rerun on the same day replaces it). */
export interface MonitorResultTable {
  id: Generated<number>;
  agency_id: number;
  /** The calendar day (Asia/Shanghai) the verdict is for. */
  day: string;
  /** The rule ID (W-2 … R-26-1). */
  rule: string;
  /** "ok", "warning" or "breach". */
  level: MonitorLevel;
  value: number;
  threshold: number;
  /** The ids (or field labels) of the records behind the verdict, as a JSON array. */
  items_json: string;
  text: string;
  computed_at: string;
}

/** The tables of this module, merged into the database schema. */
export interface MonitorTables {
  monitor_results: MonitorResultTable;
}
