import { describe, expect, it } from "vitest";
import {
  ACTION_SPECS,
  actionBody,
  actionSpec,
  fieldShown,
  initialValues,
  offeredActions,
} from "./case-actions.ts";

const spec = (action: string) => {
  const found = actionSpec(action);
  if (!found) throw new Error(`no spec for ${action}`);
  return found;
};

describe("case actions", () => {
  it("knows every action of the contract, each once", () => {
    const keys = ACTION_SPECS.map((s) => s.action);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      [
        "confirm",
        "assign",
        "request_supplement",
        "receive_supplement",
        "supplement_expired",
        "consult",
        "consultation_answered",
        "propose_extension",
        "approve_extension",
        "delay",
        "notify_fee",
        "fee_paid",
        "fee_expired",
        "close",
        "withdraw",
      ].sort(),
    );
  });

  it("offers only the allowed actions, in button order, keeping the approval beside the proposal", () => {
    const offered = offeredActions(["close", "approve_extension", "request_supplement", "unknown_action"]);
    expect(offered.map((s) => s.action)).toEqual(["request_supplement", "close"]);
  });

  it("sets the date of what is done to today and leaves a period's end to choose", () => {
    expect(initialValues(spec("request_supplement"), "2024-05-06")).toEqual({ date: "2024-05-06" });
    expect(initialValues(spec("delay"), "2024-05-06")).toEqual({ date: "2024-05-06" });
    expect(initialValues(spec("approve_extension"), "2024-05-06")).toEqual({
      approvedOn: "2024-05-06",
      notifiedOn: "2024-05-06",
    });
  });

  it("R-30-1 sends exactly the fields of a supplement notice, texts trimmed", () => {
    const body = actionBody(spec("request_supplement"), {
      date: "2024-05-06",
      supplementBy: "2024-05-20",
      items: "  请写明文件名称或文号 ",
      stray: "left out",
    });
    expect(body).toEqual({ date: "2024-05-06", supplementBy: "2024-05-20", items: "请写明文件名称或文号" });
  });

  it("R-33-2 sends the extension's working days as a number", () => {
    expect(actionBody(spec("propose_extension"), { workdays: "15", reason: "需要调档" })).toEqual({
      workdays: 15,
      reason: "需要调档",
    });
  });

  it("O-4.1 alone asks for the responsible agency, and leaves it out when empty", () => {
    const close = spec("close");
    const field = close.fields.find((f) => f.name === "responsibleAgency");
    if (!field) throw new Error("no responsibleAgency field");
    expect(fieldShown(field, { outcome: "O-4.1" })).toBe(true);
    expect(fieldShown(field, { outcome: "O-1" })).toBe(false);
    expect(
      actionBody(close, {
        date: "2024-06-01",
        outcome: "O-1",
        reason: "予以公开",
        responsibleAgency: "市规划局",
      }),
    ).toEqual({ date: "2024-06-01", outcome: "O-1", reason: "予以公开" });
    expect(
      actionBody(close, { date: "2024-06-01", outcome: "O-4.1", reason: "不掌握", responsibleAgency: " " }),
    ).toEqual({ date: "2024-06-01", outcome: "O-4.1", reason: "不掌握" });
    expect(
      actionBody(close, {
        date: "2024-06-01",
        outcome: "O-4.1",
        reason: "不掌握",
        responsibleAgency: "市规划局",
      }),
    ).toMatchObject({ responsibleAgency: "市规划局" });
  });

  it("R-FEE-1 asks for the applicant's earlier items this month only when charged per item", () => {
    const notify = spec("notify_fee");
    expect(
      actionBody(notify, { date: "2024-06-01", method: "per_item", quantity: 5, itemsBefore: 8 }),
    ).toEqual({ date: "2024-06-01", method: "per_item", quantity: 5, itemsBefore: 8 });
    expect(
      actionBody(notify, { date: "2024-06-01", method: "per_volume", quantity: 40, itemsBefore: 8 }),
    ).toEqual({ date: "2024-06-01", method: "per_volume", quantity: 40 });
  });

  it("R-30-2 sends a late supplement's reason only when given", () => {
    const receive = spec("receive_supplement");
    expect(actionBody(receive, { date: "2024-06-01", lateReason: "" })).toEqual({ date: "2024-06-01" });
    expect(actionBody(receive, { date: "2024-06-01", lateReason: "住院" })).toEqual({
      date: "2024-06-01",
      lateReason: "住院",
    });
  });

  it("R-FEE-1/2 sends the method and the quantity as a number", () => {
    expect(
      actionBody(spec("notify_fee"), { date: "2024-06-01", method: "per_volume", quantity: 120 }),
    ).toEqual({
      date: "2024-06-01",
      method: "per_volume",
      quantity: 120,
    });
  });
});
