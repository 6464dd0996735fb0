import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { LEDGER_COLUMNS, type LedgerKey } from "./ledger-columns.ts";
import { exportLedger, importLedger } from "./ledger-import.service.ts";
import { ledgerTemplate, ledgerWorkbook, readLedger } from "./ledger-xlsx.ts";
import { findRequest, loadEvents } from "./request.repository.ts";
import { RESIDENT_ID, requestCounts } from "./request.test-support.ts";
import { requestTable } from "./request-report.service.ts";

const NOW = new Date("2024-12-31T02:00:00.000Z");

/** A ledger line in column order from a few values over a valid person's request. */
function line(values: Partial<Record<LedgerKey, string>>): string[] {
  const base: Partial<Record<LedgerKey, string>> = {
    receivedOn: "2024-03-04",
    channel: "当面提交",
    applicantKind: "自然人",
    applicantName: "张三",
    idType: "居民身份证",
    idNumber: RESIDENT_ID,
    phone: "0999-1234567",
    description: "本市 2023 年财政预算执行情况",
    provisionForm: "电子",
    deliveryMethod: "电子邮件",
    email: "zhang@example.cn",
  };
  const all = { ...base, ...values };
  return LEDGER_COLUMNS.map((c) => all[c.key] ?? "");
}

describe.each(testDialects())("ledger import and export on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const read = async (lines: string[][]) => {
    const rows = await readLedger(await ledgerWorkbook(lines));
    if (typeof rows === "string") throw new Error(rows);
    return rows;
  };

  it("rejects the whole ledger when a row is bad, naming each row and why; nothing is imported", async () => {
    const before = await requestCounts(database);
    const result = await importLedger(
      database,
      tree.a1,
      await read([
        line({}),
        line({ applicantName: "" }),
        line({ closedOn: "2024-03-20" }),
        line({ supplementOn: "2024-03-05", supplementBy: "2024-03-20", supplementReceivedOn: "2024-03-02" }),
        line({ channel: "飞鸽传书" }),
      ]),
      SYSTEM_ACTOR,
      NOW,
    );
    expect("rejected" in result && result.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    const reasons = "rejected" in result ? result.rejected.flatMap((r) => r.reasons) : [];
    expect(reasons[0]).toContain("姓名或者名称");
    expect(reasons[1]).toContain("办结日期和办理结果须同时填写");
    expect(reasons[2]).toContain("请按发生的先后顺序登记");
    expect(reasons[3]).toContain("飞鸽传书");
    expect(await requestCounts(database)).toEqual(before);
  });

  it("imports every row with its history through the machine; table 三 counts them; the export reads back", async () => {
    const result = await importLedger(
      database,
      tree.a1,
      await read([
        line({ closedOn: "2024-03-20", outcome: "予以公开" }),
        line({
          supplementOn: "2024-03-06",
          supplementBy: "2024-03-20",
          supplementItems: "文件名称",
          closedOn: "2024-03-25",
          outcome: "O-6.1",
        }),
        line({
          receivedOn: "2024-12-20",
          channel: "互联网",
          applicantKind: "科研机构",
          applicantName: "甲研究院",
          idType: "",
          idNumber: "",
          orgCreditCode: "12350100MB0000001Y",
          orgRepresentative: "李四",
        }),
      ]),
      SYSTEM_ACTOR,
      NOW,
    );
    expect(result).toMatchObject({ imported: 3 });
    const ids = "imported" in result ? result.requestIds : [];
    expect(await findRequest(database.db, ids[1] as number)).toMatchObject({
      status: "closed",
      outcome: "O-6.1",
      closed_on: "2024-03-25",
    });
    expect((await loadEvents(database.db, ids[1] as number)).map((e) => e.type)).toEqual([
      "received",
      "supplement_requested",
      "supplement_expired",
    ]);
    expect((await loadEvents(database.db, ids[2] as number)).map((e) => e.type)).toEqual([
      "received",
      "confirmed",
    ]);
    const table = await requestTable(database, tree.a1, 2024);
    expect(table.table.new?.[6]).toBe(3);
    expect(table.table.granted?.[0]).toBe(1);
    expect(table.table["other.noSupplement"]?.[0]).toBe(1);
    expect(table.cases.carriedForward?.[2]).toEqual([ids[2]]);
    const exported = await read([]).then(async () => readLedger(await exportLedger(database, tree.a1, 2024)));
    if (typeof exported === "string") throw new Error(exported);
    expect(exported.map((r) => [r.values.outcome, r.values.supplementItems, r.values.applicantKind])).toEqual(
      [
        ["予以公开", "", "自然人"],
        ["其他处理：申请人无正当理由逾期不补正", "文件名称", "自然人"],
        ["", "", "科研机构"],
      ],
    );
    expect(exported[0]?.values.trackingNo).toMatch(/^YSQ2024/);
  });

  it("the template has the ledger's headers and nothing else; a foreign sheet is refused", async () => {
    expect(await readLedger(await ledgerTemplate())).toEqual([]);
    expect(await readLedger(new TextEncoder().encode("not a workbook"))).toMatch(/无法读取/);
  });
});
