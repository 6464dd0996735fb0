/**
 * SQL of the administrator-entered working-day schedules (calendar_years, R-WD-3/R-WD-4).
 */
import type { Kysely, Transaction } from "kysely";
import type { YearSchedule } from "../core/calendar/year-schedule.ts";
import type { Schema } from "../db/schema.ts";

type Db = Kysely<Schema> | Transaction<Schema>;

/** An entered year with who entered it and when. */
export interface EnteredYear extends YearSchedule {
  readonly enteredBy: number | null;
  readonly createdAt: string;
}

/** Every entered year, ascending. */
export async function listEnteredYears(db: Db): Promise<EnteredYear[]> {
  const rows = await db.selectFrom("calendar_years").selectAll().orderBy("year").execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays_json) as string[],
    workdays: JSON.parse(r.workdays_json) as string[],
    source: r.source,
    enteredBy: r.entered_by,
    createdAt: r.created_at,
  }));
}

/** Stores (inserts or replaces) a year's schedule. */
export async function saveEnteredYear(
  trx: Transaction<Schema>,
  schedule: YearSchedule,
  enteredBy: number | null,
  now: string,
): Promise<void> {
  const values = {
    holidays_json: JSON.stringify(schedule.holidays),
    workdays_json: JSON.stringify(schedule.workdays),
    source: schedule.source,
    entered_by: enteredBy,
    created_at: now,
  };
  await trx
    .insertInto("calendar_years")
    .values({ year: schedule.year, ...values })
    .onConflict((oc) => oc.column("year").doUpdateSet(values))
    .execute();
}

/** The display name of the user who entered a year's schedule, or null when the account is gone. */
export async function enteringUserName(db: Kysely<Schema>, userId: number): Promise<string | null> {
  const row = await db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirst();
  return row?.display_name ?? null;
}
