/**
 * The answers of the monitor API (GET /api/monitors, /api/monitors/history, /api/monitors/overview), as the
 * server's contract defines them: the back office restates none of them.
 */
export type {
  AgencyMonitors,
  MonitorHistory,
  MonitorLevel,
  MonitorOverview,
  MonitorOverviewLine,
  MonitorRecordKind,
  MonitorVerdictView,
  StoredVerdict,
} from "../../../src/contract/monitor.contract.ts";
