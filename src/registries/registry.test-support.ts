/**
 * Test support for the registry and litigation tests: a server on a fresh database with the agency tree and
 * signed-in users (office head and reviewer of A1, case officer of B1), valid identity numbers, decision rows
 * and decision files (XLSX, CSV in UTF-8 or GBK).
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import iconv from "iconv-lite";
import { createTestTree, type TestTree, validCreditCode } from "../agencies/agency.test-support.ts";
import { insertTestUser, signIn, type TestSession } from "../auth/auth.test-support.ts";
import { csvLine } from "../core/registry/csv-rows.ts";
import { DECISION_COLUMNS, type DecisionText } from "../core/registry/decision-row.ts";
import type { Dialect } from "../db/database.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";

/** A running test server with its users. */
export interface RegistryTestEnv {
  readonly database: TestDatabase;
  readonly app: FastifyInstance;
  readonly tree: TestTree;
  /** 公开办负责人 of A1 (registry.manage). */
  readonly manager: TestSession;
  /** 审核人 of A1 (registry.view only). */
  readonly viewer: TestSession;
  /** 承办人 of B1 (another government's department). */
  readonly outsider: TestSession;
  close(): Promise<void>;
}

/** Starts a server on a fresh database of the dialect, with the tree and the three users signed in. */
export async function startRegistryTestEnv(dialect: Dialect): Promise<RegistryTestEnv> {
  const database = await createTestDatabase(dialect);
  const app = await buildServer({ logLevel: false, database });
  await app.ready();
  const tree = await createTestTree(database);
  await insertTestUser(database, "a1-head", [{ agencyId: tree.a1, role: "office_head" }]);
  await insertTestUser(database, "a1-reviewer", [{ agencyId: tree.a1, role: "reviewer" }]);
  await insertTestUser(database, "b1-officer", [{ agencyId: tree.b1, role: "case_officer" }]);
  return {
    database,
    app,
    tree,
    manager: await signIn(app, "a1-head"),
    viewer: await signIn(app, "a1-reviewer"),
    outsider: await signIn(app, "b1-officer"),
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

/** The number of rows of a table (to prove that a refused call changed nothing). */
export async function countRows(
  database: TestDatabase,
  table: "decisions" | "regulations" | "fees" | "trail" | "review_cases" | "trainings" | "interpretations",
): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A valid 居民身份证号码 (GB 11643) for a birth date and a sequence. */
export function identityNumber(birth: string, sequence = 123): string {
  const first17 = `370102${birth.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * (weights[i] ?? 0), 0);
  return `${first17}${"10X98765432".charAt(sum % 11)}`;
}

/** A licence to a company, decided on the day, with the 文号 serial n. */
export function licenceRow(n: number, decidedOn = "2022-03-01"): DecisionText {
  return {
    kind: "行政许可",
    docNo: `示公许〔2022〕${n}号`,
    matter: "剧毒化学品购买许可",
    content: "准予许可",
    decidedOn,
    authority: "甲市公安局",
    partyKind: "法人及非法人组织",
    partyName: `甲市第${n}化工有限公司`,
    partyCreditCode: validCreditCode(5000 + n),
    legalRepresentative: "王五",
  };
}

/** A penalty on a natural person, decided on the day, with the 文号 serial n. */
export function penaltyRow(n: number, decidedOn = "2022-03-02"): DecisionText {
  return {
    kind: "行政处罚",
    docNo: `示公决字〔2022〕${n}号`,
    matter: "违反治安管理",
    content: "张三丰殴打他人，罚款 500 元",
    decidedOn,
    authority: "甲市公安局",
    partyKind: "自然人",
    partyName: "张三丰",
    idType: "身份证",
    idNumber: identityNumber("1990-05-17", n % 1000),
    serious: "否",
  };
}

/** The header and data rows of a decision sheet. */
export function sheetCells(rows: readonly DecisionText[]): string[][] {
  return [
    DECISION_COLUMNS.map((c) => c.header),
    ...rows.map((r) => DECISION_COLUMNS.map((c) => r[c.field] ?? "")),
  ];
}

/** The rows as a CSV file, UTF-8 (with BOM) or GBK. */
export function decisionCsv(rows: readonly DecisionText[], encoding: "utf-8" | "gbk" = "utf-8"): Uint8Array {
  const text = `${sheetCells(rows).map(csvLine).join("\r\n")}\r\n`;
  return encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(`\uFEFF${text}`, "utf8");
}

/** The rows as an XLSX file (dates in the 决定日期 column as real date cells, as Excel users type them). */
export async function decisionXlsx(rows: readonly DecisionText[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("行政决定");
  const dateColumn = DECISION_COLUMNS.findIndex((c) => c.field === "decidedOn");
  sheetCells(rows).forEach((cells, i) => {
    const values: (string | Date)[] = cells.map((c, j) =>
      i > 0 && j === dateColumn && c !== "" ? new Date(`${c}T00:00:00Z`) : c,
    );
    sheet.addRow(values);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
