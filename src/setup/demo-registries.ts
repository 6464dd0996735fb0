/**
 * The registries of the demo bureau's year 2022, matching the reference report (reports/000_eb2e885bc49513d4.txt):
 * 641 licensing, 1,578 penalty, 536 enforcement and 3,655 other decisions (6,410 published), fees of
 * 1,014.5589 万元, one valid 行政规范性文件, 120 person-times of training — all entered through the registries'
 * own services (the decisions as one spreadsheet import).
 */
import { creditCodeCheckCharacter } from "../core/agency/credit-code.ts";
import { formatDate, parseDate } from "../core/calendar/calendar-date.ts";
import { csvLine } from "../core/registry/csv-rows.ts";
import { DECISION_COLUMNS, type DecisionText } from "../core/registry/decision-row.ts";
import { withIdentityCheck } from "../core/registry/identity-number.ts";
import type { Database } from "../db/database.ts";
import { importDecisions } from "../registries/decision.service.ts";
import { createFee, createTraining } from "../registries/ledger.service.ts";
import { createRegulation } from "../registries/regulation.service.ts";
import type { Actor } from "../trail/trail-actor.ts";

/** How many decisions of each kind the year has (the reference report's table 二 and section 一). */
export const DEMO_DECISIONS = { 行政许可: 641, 行政处罚: 1578, 行政强制: 536, 其他: 3655 } as const;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "涛",
  "明",
  "超",
  "霞",
];

/** A valid 统一社会信用代码 for the n-th demo company. */
function companyCode(n: number): string {
  const first17 = `91999900MA${String(n).padStart(7, "0")}`;
  return `${first17}${creditCodeCheckCharacter(first17) ?? "0"}`;
}

/** The day `n` of the year 2022 spread over working hours of the year (1 Jan … 29 Dec). */
function dayOf2022(n: number, total: number): string {
  const first = parseDate("2022-01-04");
  const last = parseDate("2022-12-28");
  return formatDate(first + Math.floor(((last - first) * n) / total));
}

/** The decision rows of the year, each published two days after it was decided (S-1: within 7 working days). */
export function demoDecisionRows(authority: string): DecisionText[] {
  const rows: DecisionText[] = [];
  const total = Object.values(DEMO_DECISIONS).reduce((a, b) => a + b, 0);
  let n = 0;
  for (const [kind, count] of Object.entries(DEMO_DECISIONS)) {
    for (let i = 1; i <= count; i++) {
      n += 1;
      const decidedOn = dayOf2022(n, total);
      const publishedOn = formatDate(parseDate(decidedOn) + 2);
      const person = kind === "行政处罚" && i % 3 !== 0;
      const name = `${SURNAMES.charAt(i % SURNAMES.length)}${GIVEN[i % GIVEN.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
      const birth = formatDate(parseDate("1970-01-01") + ((i * 97) % 12000)).replaceAll("-", "");
      rows.push({
        kind,
        docNo: `示公${{ 行政许可: "许", 行政处罚: "罚", 行政强制: "强", 其他: "决" }[kind]}〔2022〕${i}号`,
        matter:
          {
            行政许可: "剧毒化学品购买许可",
            行政处罚: "违反治安管理行为",
            行政强制: "扣押涉案物品",
            其他: "户籍登记事项变更",
          }[kind] ?? "",
        content:
          { 行政许可: "准予许可", 行政处罚: "罚款 200 元", 行政强制: "扣押", 其他: "准予变更" }[kind] ?? "",
        decidedOn,
        authority,
        partyKind: person ? "自然人" : "法人及非法人组织",
        partyName: person ? name : `示范市第${n}商贸有限公司`,
        ...(person
          ? {
              idType: "身份证",
              idNumber: withIdentityCheck(`110105${birth}${String(i % 1000).padStart(3, "0")}`),
            }
          : { partyCreditCode: companyCode(n), legalRepresentative: name }),
        publishedOn,
      });
    }
  }
  return rows;
}

/** Enters the bureau's registries of 2022. */
export async function seedDemoRegistries(
  database: Database,
  agencyId: number,
  authority: string,
  actor: Actor,
): Promise<void> {
  await createRegulation(
    database,
    agencyId,
    {
      kind: "normativeDocument",
      title: "示范市公安局关于规范公安机关政府信息公开工作的规定",
      docNo: "示公规〔2021〕1号",
      issuedOn: "2021-06-15",
      abolishedOn: null,
      validity: "valid",
    },
    actor,
  );
  const rows = demoDecisionRows(authority);
  const csv = [
    DECISION_COLUMNS.map((c) => c.header),
    ...rows.map((r) => DECISION_COLUMNS.map((c) => r[c.field] ?? "")),
  ]
    .map(csvLine)
    .join("\r\n");
  await importDecisions(
    database,
    agencyId,
    { name: "2022年行政决定.csv", bytes: new TextEncoder().encode(`${csv}\r\n`) },
    actor,
  );
  const fees = [
    ["居民身份证工本费", "2345680.00"],
    ["出入境证件费", "5120409.00"],
    ["机动车号牌和行驶证工本费", "1892300.00"],
    ["机动车驾驶证工本费", "787200.00"],
  ] as const;
  for (const [itemName, amountYuan] of fees) {
    await createFee(
      database,
      agencyId,
      { year: 2022, itemName, basis: "国家发展改革委、财政部规定的收费标准", amountYuan, note: "" },
      actor,
    );
  }
  await createTraining(
    database,
    agencyId,
    { heldOn: "2022-05-20", topic: "大练兵政务公开专题培训班", personTimes: 70 },
    actor,
  );
  await createTraining(
    database,
    agencyId,
    { heldOn: "2022-09-16", topic: "公安大讲堂：政府信息公开条例解读", personTimes: 50 },
    actor,
  );
}
