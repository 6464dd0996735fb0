/**
 * How the monitor API shows a verdict: with the kind of record its items are, so the back office can link
 * each one to its page.
 */
import type { MonitorVerdictView } from "../contract/monitor.contract.ts";
import type { MonitorRecordKind, MonitorVerdict } from "../core/monitor/monitor-verdict.ts";

/** The kind of record behind a rule's items (the vocabulary lives in core). */
export type { MonitorRecordKind } from "../core/monitor/monitor-verdict.ts";

/** The record kind of each rule's items (W-6 names none). */
export const RECORD_KINDS: Readonly<Record<string, MonitorRecordKind | null>> = {
  "W-2": "publication",
  "W-3": "column",
  "W-4": "column",
  "W-5": "column",
  "W-6": null,
  "W-7": "message",
  "N-1": "channel",
  "N-2": "channel",
  "S-1": "decision",
  "G-12": "contactField",
  "R-26-1": "publication",
};

/** A verdict as the API shows it (the contract's MonitorVerdictView). */
export type PresentedVerdict = MonitorVerdictView;

/** A verdict with its record kind. */
export function presentVerdict(verdict: MonitorVerdict): PresentedVerdict {
  return { ...verdict, items: [...verdict.items], recordKind: RECORD_KINDS[verdict.rule] ?? null };
}
