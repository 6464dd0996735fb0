/**
 * The demo year: the demo bureau (示范市公安局) gets the people of a disclosure office and one year (2022) of
 * records whose assembled annual report reproduces the reference report (reports/000_eb2e885bc49513d4.txt)
 * table for table and figure for figure. Everything goes through the platform's own services.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { personActor } from "../auth/person-actor.ts";
import type { Role } from "../core/access/permissions.ts";
import type { Database } from "../db/database.ts";
import { publishReport } from "../reports/report.service.ts";
import { createUser } from "../users/user.service.ts";
import {
  type DemoOffice,
  seedDemoChannels,
  seedDemoMessages,
  seedDemoPublications,
  seedDemoRequests,
} from "./demo-activity.ts";
import { seedDemoRegistries } from "./demo-registries.ts";

/** The year of the demo records. */
export const DEMO_YEAR = 2022;

/** The day the demo bureau published its report of the demo year. */
export const DEMO_PUBLISHED_ON = "2023-01-20";

/** The staff of the demo bureau's disclosure office. */
export const DEMO_STAFF: readonly { username: string; displayName: string; role: Role }[] = [
  { username: "gaj-xinxi", displayName: "李信息", role: "information_officer" },
  { username: "gaj-baomi", displayName: "赵保密", role: "secrecy_reviewer" },
  { username: "gaj-shenhe", displayName: "钱审核", role: "reviewer" },
  { username: "gaj-fuzeren", displayName: "孙负责", role: "office_head" },
  { username: "gaj-chengban", displayName: "周承办", role: "case_officer" },
];

/** Creates the bureau's staff (all with `password`, to be changed at first login) and seeds the year. */
export async function seedDemoYear(database: Database, bureau: Agency, password: string): Promise<void> {
  const actors: Record<string, ReturnType<typeof personActor>> = {};
  for (const staff of DEMO_STAFF) {
    const created = await createUser(
      database,
      {
        username: staff.username,
        displayName: staff.displayName,
        password,
        roles: [{ agencyId: bureau.id, role: staff.role }],
        mustChangePassword: true,
      },
      { userId: null, name: "系统", role: "system", ip: "local" },
    );
    actors[staff.role] = personActor(
      { id: created.user.id, display_name: staff.displayName },
      [{ agencyId: bureau.id, role: staff.role }],
      "local",
    );
  }
  const actor = (role: Role) => {
    const found = actors[role];
    if (!found) throw new Error(`no demo staff for ${role}`);
    return found;
  };
  const office: DemoOffice = {
    drafter: actor("information_officer"),
    secrecy: actor("secrecy_reviewer"),
    reviewer: actor("reviewer"),
    head: actor("office_head"),
    officer: actor("case_officer"),
  };
  await seedDemoRegistries(database, bureau.id, bureau.name, office.drafter);
  await seedDemoPublications(database, bureau.id, bureau.name, office);
  await seedDemoChannels(database, bureau.id, office);
  await seedDemoMessages(database, bureau.id, office);
  await seedDemoRequests(database, bureau.id, office);
  // Published as the bureau would have done within the limit of 条例第四十九条 (by 31 January of the next year).
  await publishReport(database, bureau.id, DEMO_YEAR, { note: "", today: DEMO_PUBLISHED_ON }, office.head);
}
