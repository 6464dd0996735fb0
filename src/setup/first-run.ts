/**
 * First run: on an empty database, create the demo government 示范市人民政府 with two departments and the
 * administrator `admin` (系统管理员 of the government) with a random password printed once; a setting marks
 * the seeding so that it never repeats. The whole seeding (demo year included) is one transaction, the mark
 * written last in it: a first run that fails or is killed half-way leaves nothing, and the next start runs
 * it again from the beginning; the passwords are printed only once it has committed.
 */

import { countAgencies } from "../agencies/agency.repository.ts";
import { type CreateAgencyInput, createAgency } from "../agencies/agency.service.ts";
import { generateTemporaryPassword } from "../auth/password-hashing.ts";
import { ROLES } from "../core/access/permissions.ts";
import type { Database } from "../db/database.ts";
import { inOneTransaction } from "../db/outer-transaction.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createUser } from "../users/user.service.ts";
import { DEMO_STAFF, DEMO_YEAR, seedDemoYear } from "./demo-year.ts";
import { firstRunMark, markFirstRun } from "./first-run.repository.ts";

/** The username of the first administrator. */
export const FIRST_ADMIN_USERNAME = "admin";

/** The demo government (credit codes carry a valid GB 32100 check character). */
const DEMO_GOVERNMENT: CreateAgencyInput = {
  parentId: null,
  name: "示范市人民政府",
  kind: "government",
  creditCode: "11999900MB0000001K",
  contact: {
    officeName: "示范市人民政府办公室政务公开科",
    address: "示范市人民路1号市政府大楼3楼301室（邮政编码：999001）",
    hours: "工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
    phone: "0999-12345601",
    fax: "0999-12345602",
    email: "gongkai@shifan.gov.cn",
    website: "https://www.shifan.gov.cn",
  },
};

/** The demo department that carries a year of records (the reference report is a public-security bureau's). */
export const DEMO_BUREAU_NAME = "示范市公安局";

/** The demo departments, created under the government. */
const DEMO_DEPARTMENTS: readonly Omit<CreateAgencyInput, "parentId">[] = [
  {
    name: "示范市公安局",
    kind: "department",
    creditCode: "11999900MB0000010H",
    contact: {
      officeName: "示范市公安局办公室",
      address: "示范市建设路88号（邮政编码：999002）",
      hours: "工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
      phone: "0999-12345611",
      fax: "0999-12345612",
      email: "gaj_gk@shifan.gov.cn",
      website: "https://gaj.shifan.gov.cn",
    },
  },
  {
    name: "示范市财政局",
    kind: "department",
    creditCode: "11999900MB0000028B",
    contact: {
      officeName: "示范市财政局办公室",
      address: "示范市民生路20号（邮政编码：999003）",
      hours: "工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
      phone: "0999-12345621",
      fax: "0999-12345622",
      email: "czj_gk@shifan.gov.cn",
      website: "https://czj.shifan.gov.cn",
    },
  },
];

/** What first run did. */
export type FirstRunOutcome =
  | { readonly seeded: false }
  | { readonly seeded: true; readonly governmentId: number; readonly adminPassword: string };

/** The once-only console message with the administrator's password (and the demo office's, when seeded). */
export function firstRunMessage(password: string, staffPassword: string | null = null): string {
  const staff =
    staffPassword === null
      ? []
      : [
          `示范市公安局已生成 ${DEMO_YEAR} 年的示范记录，其年度报告与参考报告逐表一致。公开办工作人员账号：`,
          ...DEMO_STAFF.map((s) => `  ${s.username}（${s.displayName}，${ROLES[s.role]}）`),
          `以上账号的初始密码均为：${staffPassword}`,
        ];
  return [
    "",
    "========================================================================",
    "首次启动：已创建示范机关“示范市人民政府”（含示范市公安局、示范市财政局）",
    `和系统管理员账号。用户名：${FIRST_ADMIN_USERNAME}  初始密码：${password}`,
    ...staff,
    `${staffPassword === null ? "该" : "以上"}密码只显示这一次，请立即记录；首次登录后系统将要求修改密码。`,
    "========================================================================",
    "",
  ].join("\n");
}

/**
 * Seeds an empty, migrated database once and prints the administrator's password through `print`.
 * A database that already has agencies (or was seeded before) is only marked and left as it is.
 * All of it is one transaction: when any step fails, nothing is kept and the error is thrown.
 */
export async function runFirstRun(
  database: Database,
  print: (text: string) => void,
  withDemoYear = process.env.GONGKAI_DEMO_RECORDS !== "0",
): Promise<FirstRunOutcome> {
  if (await firstRunMark(database.db)) return { seeded: false };
  // Everything below goes through `unit`, whose services' transactions are savepoints of one transaction.
  // (Several PostgreSQL servers starting at once can take an advisory lock first thing inside it.)
  const done = await inOneTransaction(database, async (unit) => {
    const now = new Date().toISOString();
    if (await firstRunMark(unit.db)) return undefined;
    if ((await countAgencies(unit.db)) > 0) {
      await markFirstRun(unit.db, now);
      return undefined;
    }
    const seeded = await seedFirstRun(unit, withDemoYear);
    await markFirstRun(unit.db, now);
    return seeded;
  });
  if (!done) return { seeded: false };
  print(firstRunMessage(done.adminPassword, done.staffPassword));
  return { seeded: true, governmentId: done.governmentId, adminPassword: done.adminPassword };
}

/** Creates the demo agencies, the administrator and (optionally) the demo year; returns the passwords. */
async function seedFirstRun(
  database: Database,
  withDemoYear: boolean,
): Promise<{ governmentId: number; adminPassword: string; staffPassword: string | null }> {
  const government = await createAgency(database, DEMO_GOVERNMENT, SYSTEM_ACTOR);
  const departments = [];
  for (const department of DEMO_DEPARTMENTS) {
    departments.push(await createAgency(database, { ...department, parentId: government.id }, SYSTEM_ACTOR));
  }
  const adminPassword = generateTemporaryPassword();
  await createUser(
    database,
    {
      username: FIRST_ADMIN_USERNAME,
      displayName: "系统管理员",
      password: adminPassword,
      roles: [{ agencyId: government.id, role: "system_admin" }],
      mustChangePassword: true,
    },
    SYSTEM_ACTOR,
  );
  const bureau = departments.find((d) => d.name === DEMO_BUREAU_NAME);
  if (!bureau || !withDemoYear) return { governmentId: government.id, adminPassword, staffPassword: null };
  const staffPassword = generateTemporaryPassword();
  await seedDemoYear(database, bureau, staffPassword);
  return { governmentId: government.id, adminPassword, staffPassword };
}
