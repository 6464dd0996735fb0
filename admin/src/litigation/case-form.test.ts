import { describe, expect, it } from "vitest";
import { caseBody, trackingNoOf } from "./case-form.ts";

describe("review case form", () => {
  it("a new open case has no result and links its request by id", () => {
    const body = caseBody(
      {
        kind: "reconsideration",
        filedOn: "2022-04-01",
        decidedOn: "",
        result: "upheld",
        caseNo: " 复〔2022〕3号 ",
      },
      17,
      true,
    );
    expect(body).toEqual({
      kind: "reconsideration",
      filedOn: "2022-04-01",
      caseNo: "复〔2022〕3号",
      requestId: 17,
    });
  });

  it("a decided case keeps its result; an edit that clears the decision date clears the result", () => {
    expect(
      caseBody(
        { kind: "litigationDirect", filedOn: "2022-01-05", decidedOn: "2022-09-01", result: "corrected" },
        null,
        true,
      ),
    ).toMatchObject({
      decidedOn: "2022-09-01",
      result: "corrected",
    });
    const edit = caseBody(
      { kind: "litigationDirect", filedOn: "2022-01-05", decidedOn: "", result: "corrected" },
      null,
      false,
    );
    expect(edit.decidedOn).toBeNull();
    expect(edit.result).toBeNull();
    expect(edit.requestId).toBeNull();
  });

  it("reads the tracking number, none when left empty", () => {
    expect(trackingNoOf({ trackingNo: " YSQ2022000100003 " })).toBe("YSQ2022000100003");
    expect(trackingNoOf({ trackingNo: "" })).toBeNull();
    expect(trackingNoOf({})).toBeNull();
  });
});
