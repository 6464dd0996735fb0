import { describe, expect, it } from "vitest";
import {
  DECISION_FIELDS,
  FEE_FIELDS,
  formValues,
  INTERPRETATION_FIELDS,
  recordBody,
  regulationBody,
  TRAINING_FIELDS,
} from "./record-fields.ts";

describe("register form bodies", () => {
  it("a new decision leaves out empty optional fields and trims the rest", () => {
    const body = recordBody(
      DECISION_FIELDS,
      {
        kind: "licensing",
        docNo: " 许字〔2022〕1号 ",
        matter: "食品经营许可",
        content: "准予许可",
        decidedOn: "2022-03-01",
        validFrom: "",
        authority: "示范市市场监管局",
        partyKind: "legalPerson",
        partyName: "某某公司",
        partyCreditCode: "",
        serious: undefined,
      },
      true,
    );
    expect(body).toEqual({
      kind: "licensing",
      docNo: "许字〔2022〕1号",
      matter: "食品经营许可",
      content: "准予许可",
      decidedOn: "2022-03-01",
      authority: "示范市市场监管局",
      partyKind: "legalPerson",
      partyName: "某某公司",
      serious: false,
    });
  });

  it("an edit clears an emptied date to null and an emptied text to an empty string", () => {
    const body = recordBody(DECISION_FIELDS, { publishedOn: "", partyCreditCode: "" }, false);
    expect(body.publishedOn).toBeNull();
    expect(body.partyCreditCode).toBe("");
  });

  it("numbers are numbers; an empty nullable number is null on edit and left out on create", () => {
    expect(
      recordBody(TRAINING_FIELDS, { heldOn: "2022-05-06", topic: "条例", personTimes: "40" }, true),
    ).toEqual({
      heldOn: "2022-05-06",
      topic: "条例",
      personTimes: 40,
    });
    expect(
      recordBody(INTERPRETATION_FIELDS, { policyPublicationId: "" }, false).policyPublicationId,
    ).toBeNull();
    expect(recordBody(INTERPRETATION_FIELDS, { policyPublicationId: "" }, true)).not.toHaveProperty(
      "policyPublicationId",
    );
    expect(recordBody(FEE_FIELDS, { year: 2022, amountYuan: "12.50", itemName: "证照工本费" }, true)).toEqual(
      {
        year: 2022,
        amountYuan: "12.50",
        itemName: "证照工本费",
      },
    );
  });

  it("a regulation is 有效 exactly while no 废止 date is entered", () => {
    const base = { kind: "regulation", title: "办法", docNo: "令第1号", issuedOn: "2020-01-01" };
    expect(regulationBody({ ...base, validity: "abolished", abolishedOn: "" }, true).validity).toBe("valid");
    expect(regulationBody({ ...base, validity: "valid", abolishedOn: "2022-06-01" }, true).validity).toBe(
      "abolished",
    );
    expect(regulationBody({ ...base, validity: "expired", abolishedOn: "2022-06-01" }, true).validity).toBe(
      "expired",
    );
  });

  it("a record's values fill the form, null shown as empty", () => {
    expect(formValues(TRAINING_FIELDS, { heldOn: "2022-01-02", topic: "x", personTimes: 3 })).toEqual({
      heldOn: "2022-01-02",
      topic: "x",
      personTimes: 3,
    });
    expect(formValues(DECISION_FIELDS, null).serious).toBe(false);
  });
});
