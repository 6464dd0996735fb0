import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter } from "../agency/credit-code.ts";
import {
  checkDecision,
  checkDecisionSheet,
  DECISION_COLUMNS,
  type DecisionText,
  normaliseDateText,
} from "./decision-row.ts";
import { isValidIdentityNumber, withIdentityCheck } from "./identity-number.ts";

/** A valid credit code. */
const code = (n: number) => {
  const first17 = `91370000MA${String(n).padStart(7, "0")}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
};

/** A valid identity number (GB 11643) for a birth date. */
function identity(birth: string): string {
  const first17 = `370102${birth.replaceAll("-", "")}123`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * (weights[i] ?? 0), 0);
  return `${first17}${"10X98765432".charAt(sum % 11)}`;
}

const company: DecisionText = {
  kind: "行政许可",
  docNo: "示公许〔2022〕1号",
  matter: "剧毒化学品购买许可",
  content: "准予许可",
  decidedOn: "2022-03-01",
  authority: "示范区公安局",
  partyKind: "法人及非法人组织",
  partyName: "示范市某某化工有限公司",
  partyCreditCode: code(1),
};

const person: DecisionText = {
  kind: "行政处罚",
  docNo: "示公决字〔2022〕8号",
  matter: "违反治安管理",
  content: "罚款 500 元",
  decidedOn: "2022-03-02",
  authority: "示范区公安局",
  partyKind: "自然人",
  partyName: "张三丰",
  idType: "身份证",
  idNumber: identity("1990-05-17"),
  serious: "否",
};

describe("checking one decision", () => {
  it("accepts an organisation's licence and a person's penalty, normalised", () => {
    expect(checkDecision(company).fields).toMatchObject({
      kind: "licensing",
      partyKind: "legalPerson",
      serious: false,
    });
    expect(checkDecision(person).fields).toMatchObject({ kind: "penalty", partyKind: "naturalPerson" });
  });

  it("names the row and column of every problem, in Chinese", () => {
    const result = checkDecision(
      { ...person, decidedOn: "2022-02-30", idNumber: "370102199005171230", kind: "处分" },
      7,
    );
    expect(result.fields).toBeNull();
    const messages = result.problems.map((p) => p.message);
    expect(messages).toContain("第 7 行「决定日期」：“2022-02-30”不是有效日期，应为 YYYY-MM-DD");
    expect(messages.some((m) => m.startsWith("第 7 行「证件号码」") && m.includes("GB 11643"))).toBe(true);
    expect(messages.some((m) => m.startsWith("第 7 行「决定类别」"))).toBe(true);
  });

  it("requires the party's identifiers by kind and refuses them on the wrong kind", () => {
    const noCode = checkDecision({ ...company, partyCreditCode: "" }, 2).problems.map((p) => p.column);
    expect(noCode).toEqual(["统一社会信用代码"]);
    const badCode = checkDecision({ ...company, partyCreditCode: `${code(1).slice(0, 17)}0` }).problems;
    expect(badCode[0]?.message).toMatch("GB 32100");
    const noId = checkDecision({ ...person, idType: "", idNumber: "" }).problems.map((p) => p.column);
    expect(noId).toEqual(["证件类型", "证件号码"]);
    expect(checkDecision({ ...company, idNumber: identity("1990-05-17") }).problems[0]?.column).toBe(
      "证件号码",
    );
    expect(checkDecision({ ...person, partyCreditCode: code(2) }).problems[0]?.column).toBe(
      "统一社会信用代码",
    );
  });

  it("refuses 严重失信 on a licence, a publication before the decision and a validity ending before it starts", () => {
    const problems = checkDecision({
      ...company,
      serious: "是",
      publishedOn: "2022-02-28",
      validFrom: "2022-03-01",
      validUntil: "2022-02-01",
    }).problems.map((p) => p.column);
    expect(problems.sort()).toEqual(["严重失信", "公示日期", "有效期至"].sort());
  });

  it("reads dates as offices type them (2022/3/1, 2022年3月1日) and stores YYYY-MM-DD", () => {
    expect(
      checkDecision({ ...company, decidedOn: "2022/3/1", publishedOn: "2022年3月9日" }).fields,
    ).toMatchObject({
      decidedOn: "2022-03-01",
      publishedOn: "2022-03-09",
    });
    expect(normaliseDateText("2022.12.31")).toBe("2022-12-31");
    expect(normaliseDateText("3/1/2022")).toBe("3/1/2022");
  });

  it("checks identity numbers per GB 11643", () => {
    expect(isValidIdentityNumber(identity("1990-05-17"))).toBe(true);
    expect(isValidIdentityNumber(identity("1990-02-30"))).toBe(false);
    expect(isValidIdentityNumber("12345")).toBe(false);
    expect(withIdentityCheck("37010219900517123")).toBe(identity("1990-05-17"));
    expect(isValidIdentityNumber(withIdentityCheck("11010519491231002"))).toBe(true);
  });
});

describe("checking a sheet", () => {
  const headers = DECISION_COLUMNS.map((c) => c.header);
  const rowOf = (t: DecisionText) => DECISION_COLUMNS.map((c) => t[c.field] ?? "");

  it("accepts a valid sheet with its row numbers", () => {
    const sheet = checkDecisionSheet([
      { line: 1, cells: headers },
      { line: 2, cells: rowOf(company) },
      { line: 4, cells: rowOf(person) },
    ]);
    expect(sheet.problems).toEqual([]);
    expect(sheet.decisions.map((d) => d.row)).toEqual([2, 4]);
  });

  it("reports a 文号 repeated inside the file, naming both rows", () => {
    const sheet = checkDecisionSheet([
      { line: 1, cells: headers },
      { line: 2, cells: rowOf(company) },
      { line: 3, cells: rowOf({ ...person, docNo: company.docNo }) },
    ]);
    expect(sheet.problems.map((p) => p.message)).toEqual([
      "第 3 行「决定书文号」：“示公许〔2022〕1号”与第 2 行重复",
    ]);
  });

  it("refuses unknown, repeated and missing columns before reading any row", () => {
    const sheet = checkDecisionSheet([
      { line: 1, cells: ["决定类别", "决定类别", "备注"] },
      { line: 2, cells: ["行政许可", "行政许可", "x"] },
    ]);
    const messages = sheet.problems.map((p) => p.message);
    expect(messages).toContain("第 1 行：不认识的列“备注”（请使用导入模板）");
    expect(messages).toContain("第 1 行：列“决定类别”重复");
    expect(messages).toContain("第 1 行：缺少必填列“决定书文号”");
    expect(sheet.decisions).toEqual([]);
  });

  it("refuses an empty file and a file without data rows", () => {
    expect(checkDecisionSheet([]).problems[0]?.message).toMatch("空");
    expect(checkDecisionSheet([{ line: 1, cells: headers }]).problems[0]?.message).toBe("文件中没有数据行");
  });
});
