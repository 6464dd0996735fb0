import { describe, expect, it } from "vitest";
import { replyBody, replyDueTag, replyProblem, w7Tag } from "./message-labels.ts";

describe("reply due", () => {
  const pending = { status: "pending" as const, replyDueOn: "2024-05-10", replyOverdue: false };

  it("tags a pending message past its reply limit red and one due by tomorrow orange", () => {
    expect(replyDueTag({ ...pending, replyOverdue: true }, "2024-05-11")).toEqual({
      text: "已超期",
      color: "red",
    });
    expect(replyDueTag(pending, "2024-05-09")?.text).toBe("即将到期");
    expect(replyDueTag(pending, "2024-05-10")?.text).toBe("即将到期");
    expect(replyDueTag(pending, "2024-05-06")).toBeNull();
  });

  it("tags nothing once a message is answered or marked invalid", () => {
    expect(replyDueTag({ ...pending, status: "replied" }, "2024-06-01")).toBeNull();
    expect(replyDueTag({ ...pending, status: "rejected" }, "2024-06-01")).toBeNull();
  });
});

describe("W-7", () => {
  it("W-7 names a breach red with the number of consultations left more than 3 months", () => {
    expect(w7Tag({ level: "breach", breaches: [4, 9], warnings: [] })).toMatchObject({
      text: "W-7 单项否决",
      color: "red",
      detail: "2 条政务咨询超过 3 个月未答复（国办秘函〔2019〕19号）",
    });
    expect(w7Tag({ level: "warning", breaches: [], warnings: [1] }).color).toBe("orange");
    expect(w7Tag({ level: "ok", breaches: [], warnings: [] }).color).toBe("green");
  });
});

describe("reply body", () => {
  const form = {
    body: " 已转交辖区派出所办理。 ",
    department: " 办公室 ",
    repliedOn: "2024-05-08",
    publish: true,
  };

  it("publishes a reply only when the author consented", () => {
    expect(replyBody(form, true)).toEqual({
      body: "已转交辖区派出所办理。",
      department: "办公室",
      repliedOn: "2024-05-08",
      publish: true,
    });
    expect(replyBody(form, false).publish).toBe(false);
  });

  it("names the first missing field", () => {
    expect(replyProblem({ ...form, body: "" })).toBe("请填写答复内容");
    expect(replyProblem({ ...form, department: " " })).toBe("请填写答复部门");
    expect(replyProblem({ ...form, repliedOn: "" })).toContain("答复日期");
    expect(replyProblem(form)).toBeNull();
  });
});
