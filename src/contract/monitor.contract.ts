/**
 * The monitor API's answers (监测预警: GET /api/monitors, /api/monitors/history, /api/monitors/overview):
 * verdicts with their level, measure, threshold and records. Imports only TypeBox, src/core and other
 * contracts.
 */
import { type Static, Type } from "@sinclair/typebox";
import { MONITOR_LEVELS, MONITOR_RECORD_KINDS } from "../core/monitor/monitor-verdict.ts";
import { DateText, Id, Nullable } from "./common.contract.ts";

/** How a monitor stands on a day: ok, an early warning, a breach. */
export const MonitorLevel = Type.Union(MONITOR_LEVELS.map((l) => Type.Literal(l)));
/** How a monitor stands on a day: ok, an early warning, a breach. */
export type MonitorLevel = Static<typeof MonitorLevel>;

/** The kind of record behind a verdict's items. */
export const MonitorRecordKind = Type.Union(MONITOR_RECORD_KINDS.map((k) => Type.Literal(k)));
/** The kind of record behind a verdict's items. */
export type MonitorRecordKind = Static<typeof MonitorRecordKind>;

/** The records behind a verdict (item, column, account, decision or message ids; field labels). */
const VerdictItems = Type.Array(Type.Union([Type.Number(), Type.String()]));

/** One monitor's verdict today, with the kind of record its items are. */
export const MonitorVerdictView = Type.Object({
  rule: Type.String(),
  name: Type.String(),
  level: MonitorLevel,
  value: Type.Number(),
  threshold: Type.Number(),
  items: VerdictItems,
  text: Type.String(),
  recordKind: Nullable(MonitorRecordKind),
});
/** One monitor's verdict today, with the kind of record its items are. */
export type MonitorVerdictView = Static<typeof MonitorVerdictView>;

/** Answer of GET /api/monitors. */
export const AgencyMonitors = Type.Object({
  agencyId: Id,
  agencyName: Type.String(),
  day: DateText,
  monitors: Type.Array(MonitorVerdictView),
});
/** Answer of GET /api/monitors. */
export type AgencyMonitors = Static<typeof AgencyMonitors>;

/** One stored verdict of the history. */
export const StoredVerdict = Type.Object({
  day: DateText,
  rule: Type.String(),
  level: MonitorLevel,
  value: Type.Number(),
  threshold: Type.Number(),
  items: VerdictItems,
  text: Type.String(),
  computedAt: Type.String(),
});
/** One stored verdict of the history. */
export type StoredVerdict = Static<typeof StoredVerdict>;

/** Answer of GET /api/monitors/history. */
export const MonitorHistory = Type.Object({
  agencyId: Id,
  from: DateText,
  to: DateText,
  rules: Type.Array(Type.String()),
  days: Type.Array(StoredVerdict),
});
/** Answer of GET /api/monitors/history. */
export type MonitorHistory = Static<typeof MonitorHistory>;

/** One agency's line of the overview: its breaches and warnings today, with the rules behind them. */
export const MonitorOverviewLine = Type.Object({
  agencyId: Id,
  agencyName: Type.String(),
  breaches: Type.Integer(),
  warnings: Type.Integer(),
  breachedRules: Type.Array(Type.String()),
  warningRules: Type.Array(Type.String()),
});
/** One agency's line of the overview. */
export type MonitorOverviewLine = Static<typeof MonitorOverviewLine>;

/** Answer of GET /api/monitors/overview. */
export const MonitorOverview = Type.Object({ day: DateText, agencies: Type.Array(MonitorOverviewLine) });
/** Answer of GET /api/monitors/overview. */
export type MonitorOverview = Static<typeof MonitorOverview>;
