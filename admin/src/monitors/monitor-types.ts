/**
 * The answers of the monitor API (GET /api/monitors, /api/monitors/history, /api/monitors/overview).
 */

import type {
  MonitorVerdict as CoreVerdict,
  MonitorLevel,
} from "../../../src/core/monitor/monitor-verdict.ts";

export type { MonitorLevel };

/** The kind of record behind a verdict's items. */
export type MonitorRecordKind =
  | "publication"
  | "column"
  | "message"
  | "channel"
  | "decision"
  | "contactField";

/** One monitor's verdict today, with the kind of record its items are. */
export interface MonitorVerdict extends CoreVerdict {
  readonly recordKind: MonitorRecordKind | null;
}

/** Answer of GET /api/monitors. */
export interface AgencyMonitors {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly day: string;
  readonly monitors: readonly MonitorVerdict[];
}

/** One stored verdict of the history. */
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

/** Answer of GET /api/monitors/history. */
export interface MonitorHistory {
  readonly agencyId: number;
  readonly from: string;
  readonly to: string;
  readonly rules: readonly string[];
  readonly days: readonly StoredVerdict[];
}

/** One agency's line of GET /api/monitors/overview. */
export interface MonitorOverviewLine {
  readonly agencyId: number;
  readonly agencyName: string;
  readonly breaches: number;
  readonly warnings: number;
  readonly breachedRules: readonly string[];
  readonly warningRules: readonly string[];
}

/** Answer of GET /api/monitors/overview. */
export interface MonitorOverview {
  readonly day: string;
  readonly agencies: readonly MonitorOverviewLine[];
}
