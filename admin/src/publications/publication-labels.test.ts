import { describe, expect, it } from "vitest";
import type { User } from "../api/api-types.ts";
import { logEntryLabel, myWaitingStatuses, r26Tag, roleNamesOf, turnOf } from "./publication-labels.ts";

const userWith = (...roles: User["roles"][number]["role"][]): User => ({
  id: 1,
  username: "u",
  displayName: "U",
  mustChangePassword: false,
  email: "",
  roles: roles.map((role) => ({ agencyId: 2, agencyName: "示范市公安局", role, roleName: role })),
});

describe("whose turn", () => {
  it("names the role holding each review step of 先审后发", () => {
    expect(turnOf("secrecy_review")).toBe("保密审查员（保密审查）");
    expect(turnOf("review")).toBe("审核人（审核）");
    expect(turnOf("sign_off")).toBe("公开办负责人（审签）");
    expect(turnOf("draft")).toContain("提交审查");
    expect(turnOf("published")).toBeNull();
  });

  it("gives 我的待办 the steps each role takes", () => {
    expect(myWaitingStatuses(userWith("secrecy_reviewer"))).toEqual(["secrecy_review"]);
    expect(myWaitingStatuses(userWith("reviewer"))).toEqual(["review"]);
    expect(myWaitingStatuses(userWith("office_head"))).toEqual(["sign_off", "approved"]);
    expect(myWaitingStatuses(userWith("information_officer"))).toEqual(["approved"]);
    expect(myWaitingStatuses(userWith("supervisor"))).toEqual([]);
  });
});

describe("R-26-1 tags", () => {
  const r26 = (flag: "ok" | "near" | "overdue" | "late", elapsed: number) => ({
    dueOn: "2024-03-29",
    elapsedWorkdays: elapsed,
    flag,
    provisional: false,
  });

  it("R-26-1 flags an unpublished item nearing 20 working days orange and one past it red", () => {
    expect(r26Tag(r26("near", 16))).toMatchObject({ text: "临近 20 个工作日", color: "orange" });
    expect(r26Tag(r26("overdue", 21))).toMatchObject({ text: "已超期", color: "red" });
    expect(r26Tag(r26("overdue", 21))?.hint).toContain("2024-03-29");
  });

  it("R-26-1 shows nothing for an item within the limit, and marks one published late", () => {
    expect(r26Tag(r26("ok", 3))).toBeNull();
    expect(r26Tag(r26("late", 25))?.text).toBe("超期发布");
  });
});

describe("log entries", () => {
  it("names each decision with its step", () => {
    expect(logEntryLabel({ type: "approve", step: "secrecyReview" })).toBe("保密审查通过");
    expect(logEntryLabel({ type: "sendBack", step: "signOff" })).toBe("审签退回");
    expect(logEntryLabel({ type: "submit", step: null })).toBe("提交审查");
    expect(logEntryLabel({ type: "publish", step: null })).toBe("发布");
  });
});

describe("actors in the record", () => {
  it("names the roles a step was taken with in Chinese", () => {
    expect(roleNamesOf("office_head,reviewer")).toBe("公开办负责人、审核人");
    expect(roleNamesOf("secrecy_reviewer")).toBe("保密审查员");
    expect(roleNamesOf("")).toBe("");
  });
});
