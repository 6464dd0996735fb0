/**
 * The working-day calendar API's answers (GET/PUT /api/calendar/:year): a year's schedule and, after a
 * change, the open cases whose due date moved (R-WD-4). Imports only TypeBox, src/core and other contracts.
 */
import { type Static, Type } from "@sinclair/typebox";
import { DateText, Id, Instant, Nullable } from "./common.contract.ts";

/** A year's working-day schedule in force (entered, else bundled). */
export const CalendarYear = Type.Object({
  year: Type.Integer(),
  holidays: Type.Array(DateText),
  workdays: Type.Array(DateText),
  source: Type.String(),
  /** Who entered it (null for the bundled data or the command line). */
  enteredBy: Nullable(Type.String()),
  createdAt: Nullable(Instant),
});
/** A year's working-day schedule in force (entered, else bundled). */
export type CalendarYear = Static<typeof CalendarYear>;

/** A case whose due date moved with the calendar. */
export const MovedDeadline = Type.Object({
  requestId: Id,
  trackingNo: Type.String(),
  fromDue: Nullable(DateText),
  toDue: Nullable(DateText),
  toProvisional: Type.Boolean(),
});
/** A case whose due date moved with the calendar. */
export type MovedDeadline = Static<typeof MovedDeadline>;

/** A case left unchanged because the new calendar refuses a recorded step, with the reason. */
export const RefusedRecompute = Type.Object({
  requestId: Id,
  trackingNo: Type.String(),
  message: Type.String(),
});
/** A case left unchanged because the new calendar refuses a recorded step, with the reason. */
export type RefusedRecompute = Static<typeof RefusedRecompute>;

/** Answer of PUT /api/calendar/:year: the schedule now in force and what the recomputation did. */
export const CalendarYearSaved = Type.Composite([
  CalendarYear,
  Type.Object({ moved: Type.Array(MovedDeadline), refused: Type.Array(RefusedRecompute) }),
]);
/** Answer of PUT /api/calendar/:year. */
export type CalendarYearSaved = Static<typeof CalendarYearSaved>;
