import { describe, expect, it } from "vitest";
import type { LetterStatus } from "./letter-kinds.ts";
import { type LetterCommand, transitionLetter } from "./letter-machine.ts";
import type { LetterSignOff } from "./letter-sign-off.ts";

const headSigns: LetterSignOff = { required: true, issuerUserId: 2, issuerIsHead: true, drafterUserId: 1 };
const issue = (signOff: LetterSignOff = headSigns): LetterCommand => ({ type: "issue", signOff });

describe("letter machine: draft → issued", () => {
  it("drafting makes a draft, editing keeps it a draft, issuing issues it — each with its event", () => {
    expect(transitionLetter(null, { type: "draft" })).toEqual({
      status: "draft",
      event: { type: "draft", from: null, to: "draft" },
    });
    expect(transitionLetter("draft", { type: "edit" })).toEqual({
      status: "draft",
      event: { type: "edit", from: "draft", to: "draft" },
    });
    expect(transitionLetter("draft", issue())).toEqual({
      status: "issued",
      event: { type: "issue", from: "draft", to: "issued" },
    });
  });

  it("an issued letter is neither edited nor issued again (409 LETTER_ISSUED)", () => {
    const issued = expect.objectContaining({ code: "LETTER_ISSUED", status: 409 });
    expect(() => transitionLetter("issued", { type: "edit" })).toThrow(issued);
    expect(() => transitionLetter("issued", issue())).toThrow(issued);
    // Even a sign-off that would be refused: the frozen letter is the answer, not the sign-off.
    expect(() => transitionLetter("issued", issue({ ...headSigns, issuerIsHead: false }))).toThrow(issued);
  });

  it("a letter that does not exist is not edited or issued (404), and a letter is drafted once", () => {
    const missing = expect.objectContaining({ code: "LETTER_NOT_FOUND", status: 404 });
    expect(() => transitionLetter(null, { type: "edit" })).toThrow(missing);
    expect(() => transitionLetter(null, issue())).toThrow(missing);
    for (const status of ["draft", "issued"] as const satisfies readonly LetterStatus[]) {
      expect(() => transitionLetter(status, { type: "draft" })).toThrow(RangeError);
    }
  });

  it("SOD-2 is checked inside the transition: a non-head or the drafting head is refused, the draft stays", () => {
    expect(() => transitionLetter("draft", issue({ ...headSigns, issuerIsHead: false }))).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", status: 403 }),
    );
    expect(() => transitionLetter("draft", issue({ ...headSigns, issuerUserId: 1 }))).toThrow(
      expect.objectContaining({ code: "SEPARATION_OF_DUTIES", status: 403 }),
    );
    const off = { required: false, issuerUserId: 1, issuerIsHead: false, drafterUserId: 1 };
    expect(transitionLetter("draft", issue(off)).status).toBe("issued");
  });
});
