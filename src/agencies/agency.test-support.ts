/**
 * Test support for the agency, trail and portal tests: valid credit codes, and a small agency tree created
 * through the agency service — government A with departments A1 and A2, unrelated government B with B1.
 */
import { creditCodeCheckCharacter } from "../core/agency/credit-code.ts";
import type { OfficeContact } from "../core/agency/office-contact.ts";
import type { Database } from "../db/database.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createAgency } from "./agency.service.ts";

/** A valid 统一社会信用代码 (GB 32100-2015 check character computed), distinct for each `n`. */
export function validCreditCode(n: number): string {
  const first17 = `11999900MB${String(n).padStart(7, "0")}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** A complete office contact. */
export const FULL_CONTACT: OfficeContact = {
  officeName: "甲市人民政府办公室政务公开科",
  address: "甲市人民路1号",
  hours: "工作日 9:00—17:00",
  phone: "0999-1234567",
  fax: "0999-7654321",
  email: "gk@jia.gov.cn",
  website: "https://www.jia.gov.cn",
};

/** The ids of the test tree. */
export interface TestTree {
  readonly a: number;
  readonly a1: number;
  readonly a2: number;
  readonly b: number;
  readonly b1: number;
}

/** Creates A{A1, A2} and B{B1} through the service (5 trail entries). */
export async function createTestTree(database: Database): Promise<TestTree> {
  const make = (name: string, parentId: number | null, n: number) =>
    createAgency(
      database,
      {
        parentId,
        name,
        kind: parentId === null ? "government" : "department",
        creditCode: validCreditCode(n),
        contact: FULL_CONTACT,
      },
      SYSTEM_ACTOR,
    ).then((a) => a.id);
  const a = await make("甲市人民政府", null, 101);
  const a1 = await make("甲市公安局", a, 102);
  const a2 = await make("甲市财政局", a, 103);
  const b = await make("乙市人民政府", null, 201);
  const b1 = await make("乙市教育局", b, 202);
  return { a, a1, a2, b, b1 };
}

/** The number of agencies and of trail entries (to prove that a refused request changed nothing). */
export async function rowCounts(database: Database): Promise<{ agencies: number; trail: number }> {
  const count = async (table: "agencies" | "trail") =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { agencies: await count("agencies"), trail: await count("trail") };
}
