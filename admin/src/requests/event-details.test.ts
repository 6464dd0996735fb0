import { describe, expect, it } from "vitest";
import { eventDetail } from "./event-details.ts";

describe("event details", () => {
  it("R-30-1 names the items to supplement and the deadline for it", () => {
    expect(eventDetail("supplement_requested", { supplementBy: "2024-05-20", items: "文件名称。" })).toBe(
      "补正事项：文件名称；补正期限：2024-05-20",
    );
  });

  it("R-32-1 / R-34-1 names who was consulted", () => {
    expect(
      eventDetail("consultation_sent", { consultationId: "c1", party: "third-party", consultee: "某公司" }),
    ).toBe("征求第三方：某公司");
    expect(
      eventDetail("consultation_sent", { consultationId: "c2", party: "agency", consultee: "市财政局" }),
    ).toBe("征求其他机关：市财政局");
  });

  it("R-33-2 gives the extension's working days, reason, approver and notice date", () => {
    expect(
      eventDetail("extension_approved", {
        workdays: 15,
        reason: "需调档",
        approvedByName: "王主任",
        notifiedOn: "2024-06-03",
      }),
    ).toBe("延长 15 个工作日；理由：需调档；批准人：王主任；告知申请人：2024-06-03");
  });

  it("names the outcome of a closing decision with its reason", () => {
    expect(eventDetail("closed", { outcome: "O-2", reason: "涉及个人隐私部分不予公开" })).toBe(
      "O-2 部分公开；理由：涉及个人隐私部分不予公开",
    );
  });

  it("R-WD-4 shows how the due date moved when the calendar changed", () => {
    expect(
      eventDetail("deadline_recomputed", {
        fromDue: "2027-01-20",
        toDue: "2027-01-22",
        fromProvisional: true,
        toProvisional: false,
        calendarVersion: "gov.cn-2027",
      }),
    ).toBe("答复期限 2027-01-20（暂定） → 2027-01-22；工作日历：gov.cn-2027");
  });

  it("adds nothing for events without details", () => {
    expect(eventDetail("fee_paid", {})).toBe("");
    expect(eventDetail("unknown", null)).toBe("");
  });
});
