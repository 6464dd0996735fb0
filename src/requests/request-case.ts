/**
 * Loading a case for the machine: the row, its case log and the state folded from it on the calendar in
 * force. Shared by the action service, the queries and the calendar recomputation.
 */
import type { WorkCalendar } from "../core/calendar/work-calendar.ts";
import { DomainError } from "../core/domain-error.ts";
import { foldCase, type RequestState } from "../core/request/request-state.ts";
import type { Database } from "../db/database.ts";
import { findRequest, loadEvents, type RequestRow, type StoredEvent } from "./request.repository.ts";

/** A loaded case. */
export interface LoadedCase {
  readonly row: RequestRow;
  readonly events: readonly StoredEvent[];
  readonly state: RequestState;
}

/** Loads a case or throws 404 NOT_FOUND. */
export async function loadCase(
  database: Database | { db: Database["db"] },
  id: number,
  calendar: WorkCalendar,
): Promise<LoadedCase> {
  const row = await findRequest(database.db, id);
  if (!row) throw new DomainError("NOT_FOUND", "找不到该申请");
  const events = await loadEvents(database.db, id);
  return { row, events, state: foldCase(events, calendar) };
}
