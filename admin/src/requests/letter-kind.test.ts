import { describe, expect, it } from "vitest";
import type { Letter, RequestEventView } from "../api/request-types.ts";
import { suggestedLetterKind } from "./letter-kind.ts";

const consultation = (party: string): RequestEventView => ({
  seq: 2,
  type: "consultation_sent",
  typeName: "征求意见",
  occurredOn: "2024-05-06",
  at: "2024-05-06T02:00:00.000Z",
  actorName: "李四",
  data: { consultationId: "C1", party, consultee: "市交通运输局" },
});

const base = { status: "in_progress" as const, outcome: null, events: [], letters: [], extended: false };

describe("the letter offered first", () => {
  it("offers the notice of the step the case is at", () => {
    expect(suggestedLetterKind({ ...base, status: "supplement_requested" })).toBe("supplement_notice");
    expect(suggestedLetterKind({ ...base, status: "fee_notified" })).toBe("fee_notice");
    expect(suggestedLetterKind({ ...base, status: "consulting", events: [consultation("agency")] })).toBe(
      "agency_consultation",
    );
    expect(
      suggestedLetterKind({ ...base, status: "consulting", events: [consultation("third-party")] }),
    ).toBe("third_party_consultation");
  });

  it("R-33-2 offers the extension notice until one is drafted", () => {
    expect(suggestedLetterKind({ ...base, extended: true })).toBe("extension_notice");
    const notice = { kind: "extension_notice" } as Letter;
    expect(suggestedLetterKind({ ...base, extended: true, letters: [notice] })).toBe("reply");
  });

  it("offers the reply once closed, the 不予处理告知书 for O-5 outcomes", () => {
    expect(suggestedLetterKind({ ...base, status: "closed", outcome: "O-2" })).toBe("reply");
    expect(suggestedLetterKind({ ...base, status: "closed", outcome: "O-5.2" })).toBe("not_processed_notice");
  });
});
