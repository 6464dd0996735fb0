import { describe, expect, it } from "vitest";
import { type LetterFacts, letterValues } from "./letter-values.ts";

const FACTS: LetterFacts = {
  trackingNo: "YSQ2022000100012",
  applicantName: " 张三 ",
  receivedOn: "2022-09-28",
  description: "老旧小区改造项目清单。",
  provisionForm: "electronic",
  deliveryMethod: "email",
  dueOn: "2022-11-28",
  outcome: "O-4.1",
  agency: {
    name: "示范市住房和城乡建设局",
    officeName: "",
    officePhone: "0531-12345678",
    officeAddress: "示范市政务路1号",
    officeEmail: "",
  },
  events: [
    { occurredOn: "2022-09-28", data: {} },
    { occurredOn: "2022-09-30", data: { supplementBy: "2022-10-20", items: ["文件名称", "文号"] } },
    { occurredOn: "2022-10-08", data: { party: "third-party", consultee: "示范化工有限公司" } },
    { occurredOn: "2022-10-09", data: { party: "agency", consultee: "示范市财政局" } },
    { occurredOn: "2022-10-10", data: { workdays: 20, reason: "需要调档查阅。" } },
    { occurredOn: "2022-10-11", data: { method: "per_volume", quantity: 150, amountYuan: 1700 } },
    {
      occurredOn: "2022-11-01",
      data: { outcome: "O-4.1", reason: "", responsibleAgency: "示范市自然资源和规划局" },
    },
  ],
  responsibleAgencyPhone: "0531-87654321",
};

describe("letterValues", () => {
  it("fills the request's fields, dates written 2022年9月28日, codes in Chinese, final full stops dropped", () => {
    const v = letterValues(FACTS);
    expect(v.applicantName).toBe("张三");
    expect(v.receivedOn).toBe("2022年9月28日");
    expect(v.description).toBe("老旧小区改造项目清单");
    expect(v.provisionForm).toBe("电子");
    expect(v.deliveryMethod).toBe("电子邮件");
    expect(v.dueOn).toBe("2022年11月28日");
    expect(v.officeName).toBeUndefined();
    expect(v.date).toBeUndefined();
  });

  it("R-30-1 takes the supplement items and period from the supplement request", () => {
    const v = letterValues(FACTS);
    expect(v.supplementItems).toBe("文件名称；文号");
    expect(v.supplementBy).toBe("2022年10月20日");
    expect(v.supplementRequestedOn).toBe("2022年9月30日");
  });

  it("R-32-1 / R-34-1 take the consultee of the party consulted", () => {
    expect(letterValues(FACTS, "third-party").consultee).toBe("示范化工有限公司");
    expect(letterValues(FACTS, "agency").consultee).toBe("示范市财政局");
  });

  it("R-33-2 takes the extension's working days and reason", () => {
    const v = letterValues(FACTS);
    expect(v.extensionWorkdays).toBe("20");
    expect(v.extensionReason).toBe("需要调档查阅");
  });

  it("R-FEE-2 takes the fee method, quantity and amount of the fee notice", () => {
    const v = letterValues(FACTS);
    expect(v.feeMethod).toBe("按量计收");
    expect(v.feeQuantity).toBe("150页");
    expect(v.feeAmount).toBe("1700");
    expect(v.feeNoticeOn).toBe("2022年10月11日");
  });

  it("O-4.1 takes the responsible agency and its phone from the closing decision", () => {
    const v = letterValues(FACTS);
    expect(v.responsibleAgency).toBe("示范市自然资源和规划局");
    expect(v.responsibleAgencyContact).toBe("0531-87654321");
    expect(v.outcomeName).toBe("无法提供：本机关不掌握相关政府信息");
  });

  it("O-6.3 takes a withdrawal's reason but never an extension's", () => {
    const withdrawn = letterValues({
      ...FACTS,
      outcome: "O-6.3",
      events: [...FACTS.events.slice(0, 5), { occurredOn: "2022-10-12", data: { reason: "申请人撤回申请" } }],
    });
    expect(withdrawn.reason).toBe("申请人撤回申请");
    expect(letterValues({ ...FACTS, events: FACTS.events.slice(0, 5) }).reason).toBeUndefined();
  });
});
