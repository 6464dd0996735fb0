import { describe, expect, it } from "vitest";
import { ledgerOutcome } from "./ledger-report.ts";

describe("ledger import report", () => {
  it("reads the count of imported rows", () => {
    expect(ledgerOutcome({ imported: 12, rejected: [] })).toEqual({ imported: 12, rejected: [] });
  });

  it("lists the rejected rows in order with their reasons", () => {
    expect(
      ledgerOutcome({
        code: "LEDGER_REJECTED",
        message: "台账有 2 行不符合要求，未导入任何记录",
        rejected: [
          { row: 9, reason: "收到日期“2024-02-30”无效" },
          { row: 3, reasons: ["申请人类型为空", "办理结果“O-9”不存在"] },
        ],
      }),
    ).toEqual({
      imported: null,
      rejected: [
        { row: 3, reasons: ["申请人类型为空", "办理结果“O-9”不存在"] },
        { row: 9, reasons: ["收到日期“2024-02-30”无效"] },
      ],
    });
  });

  it("leaves out entries that name no row or no reason", () => {
    expect(
      ledgerOutcome({ errors: [{ rowNumber: 4, message: "缺少申请内容" }, { reason: "?" }, { row: 5 }] }),
    ).toEqual({
      imported: null,
      rejected: [{ row: 4, reasons: ["缺少申请内容"] }],
    });
    expect(ledgerOutcome(null)).toEqual({ imported: null, rejected: [] });
  });
});
