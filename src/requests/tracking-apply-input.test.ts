import { describe, expect, it } from "vitest";
import { validCreditCode } from "../agencies/agency.test-support.ts";
import { type ApplyForm, type ApplyValues, checkApplyForm } from "./tracking-apply-input.ts";

const file = { fileName: "id.png", mediaType: "image/png", content: new Uint8Array([1]) };
const person: ApplyValues = {
  applicantKind: "naturalPerson",
  personName: "张三",
  idType: "resident_id",
  idNumber: "11010519491231002X",
  phone: "13800138000",
  description: "2023年本机关的部门预算",
  provisionForm: "electronic",
  deliveryMethod: "online",
};
const form = (values: ApplyValues, files = [file]): ApplyForm => ({ values, files, errors: {} });

describe("online request form checks (条例第二十九条)", () => {
  it("accepts a complete natural person's request and ignores the organisation group", () => {
    expect(checkApplyForm(form({ ...person, orgName: "", orgCreditCode: "bad" }))).toEqual({});
  });

  it("asks a natural person for name, identity document type and number", () => {
    const errors = checkApplyForm(form({ ...person, personName: "", idType: "", idNumber: "" }));
    expect(Object.keys(errors).sort()).toEqual(["idNumber", "idType", "personName"]);
    expect(checkApplyForm(form({ ...person, idNumber: "1234" })).idNumber).toContain("18 位");
    expect(checkApplyForm(form({ ...person, idType: "passport", idNumber: "E12345678" }))).toEqual({});
  });

  it("asks an organisation for its name, a valid credit code and its representative, not for a person's ID", () => {
    const org: ApplyValues = {
      ...person,
      applicantKind: "research",
      personName: "",
      idType: "",
      idNumber: "",
      orgName: "甲市农业科学研究所",
      orgCreditCode: validCreditCode(7).toLowerCase(),
      orgRepresentative: "李四",
    };
    expect(checkApplyForm(form(org))).toEqual({});
    expect(checkApplyForm(form({ ...org, orgCreditCode: "91110000MA0000000X" })).orgCreditCode).toContain(
      "18 位",
    );
    expect(Object.keys(checkApplyForm(form({ ...org, orgName: "", orgRepresentative: "" }))).sort()).toEqual([
      "orgName",
      "orgRepresentative",
    ]);
  });

  it("requires a kind, a description, a form of provision and a way to receive it, and an identity document", () => {
    const errors = checkApplyForm(form({ phone: "13800138000" }, []));
    expect(Object.keys(errors).sort()).toEqual([
      "applicantKind",
      "deliveryMethod",
      "description",
      "identityDocument",
      "provisionForm",
    ]);
    expect(checkApplyForm(form({ ...person, applicantKind: "robot" })).applicantKind).toBeDefined();
  });

  it("needs the contact details the chosen way of receiving needs", () => {
    expect(checkApplyForm(form({ ...person, deliveryMethod: "email" })).email).toContain("电子邮箱");
    const post = checkApplyForm(form({ ...person, deliveryMethod: "post" }));
    expect(Object.keys(post).sort()).toEqual(["address", "postcode"]);
    expect(checkApplyForm(form({ ...person, provisionForm: "paper" })).deliveryMethod).toContain("纸质");
    expect(checkApplyForm(form({ ...person, email: "not-an-address" })).email).toContain("格式");
    expect(checkApplyForm(form({ ...person, postcode: "12345" })).postcode).toContain("6 位");
    expect(checkApplyForm(form({ ...person, phone: "" })).phone).toBeDefined();
  });

  it("keeps an error found while reading (a file too large) at its field", () => {
    const read: ApplyForm = {
      values: person,
      files: [],
      errors: { identityDocument: "每个文件不能超过 10 MB" },
    };
    expect(checkApplyForm(read)).toEqual({ identityDocument: "每个文件不能超过 10 MB" });
  });
});
