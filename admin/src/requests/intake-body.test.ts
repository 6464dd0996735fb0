import { describe, expect, it } from "vitest";
import { type IntakeValues, intakeBody, onTheSpotPossible } from "./intake-body.ts";

const person: IntakeValues = {
  agencyId: 2,
  channel: "in_person",
  receivedOn: "2024-05-06",
  applicantKind: "naturalPerson",
  name: " 张三 ",
  idType: "resident_id",
  idNumber: "110101199003071234",
  orgCreditCode: "ignored for a person",
  phone: "13800000000",
  address: "",
  email: "  ",
  description: " 2023 年某路段改造工程的批复文件 ",
  provisionForm: "paper",
  deliveryMethod: "post",
};

describe("intake body", () => {
  it("sends a natural person's particulars only, trimmed, empty fields left out", () => {
    expect(intakeBody(person, "2024-05-06")).toEqual({
      agencyId: 2,
      channel: "in_person",
      receivedOn: "2024-05-06",
      applicant: {
        kind: "naturalPerson",
        name: "张三",
        idType: "resident_id",
        idNumber: "110101199003071234",
        phone: "13800000000",
      },
      description: "2023 年某路段改造工程的批复文件",
      provisionForm: "paper",
      deliveryMethod: "post",
    });
  });

  it("sends an organisation's credit code upper-cased and its representative, no identity document", () => {
    const body = intakeBody(
      {
        ...person,
        applicantKind: "commercial",
        name: "示范科技有限公司",
        orgCreditCode: " 91110000600037341l ",
        orgRepresentative: "李四",
      },
      "2024-05-06",
    );
    expect(body.applicant).toEqual({
      kind: "commercial",
      name: "示范科技有限公司",
      orgCreditCode: "91110000600037341L",
      orgRepresentative: "李四",
      phone: "13800000000",
    });
  });

  it("R-33-0 answers on the spot only in person on the day it is handed in", () => {
    expect(onTheSpotPossible("in_person", "2024-05-06", "2024-05-06")).toBe(true);
    expect(onTheSpotPossible("in_person", "2024-05-03", "2024-05-06")).toBe(false);
    expect(onTheSpotPossible("post_registered", "2024-05-06", "2024-05-06")).toBe(false);
    const spot = { ...person, onTheSpot: true, onTheSpotOutcome: "O-1" };
    expect(intakeBody(spot, "2024-05-06").onTheSpot).toEqual({ outcome: "O-1" });
    expect(intakeBody({ ...spot, channel: "fax" }, "2024-05-06").onTheSpot).toBeUndefined();
    expect(intakeBody({ ...spot, onTheSpot: false }, "2024-05-06").onTheSpot).toBeUndefined();
  });
});
