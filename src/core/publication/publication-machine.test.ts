import { describe, expect, it } from "vitest";
import {
  type LoggedDecision,
  type PublicationCommand,
  type PublicationStatus,
  requiredAction,
  reviewsComplete,
  transition,
} from "./publication-machine.ts";

/** Runs commands from a draft, keeping the log as the service does. */
function run(commands: readonly PublicationCommand[]): { status: PublicationStatus; log: LoggedDecision[] } {
  let status: PublicationStatus = "draft";
  const log: LoggedDecision[] = [];
  for (const command of commands) {
    const result = transition(status, log, command);
    status = result.status;
    log.push({ type: result.event.type, step: result.event.step });
  }
  return { status, log };
}

const approve = (opinion = "同意"): PublicationCommand => ({ type: "approve", opinion });
const FULL: PublicationCommand[] = [{ type: "submit" }, approve(), approve(), approve()];

describe("先审后发 publication machine", () => {
  it("先审后发 draft → 保密审查 → 审核 → 审签 → approved → published, one step per approval", () => {
    const seen: PublicationStatus[] = [];
    let status: PublicationStatus = "draft";
    const log: LoggedDecision[] = [];
    for (const command of [...FULL, { type: "publish", publishedOn: "2022-03-10" } as const]) {
      const r = transition(status, log, command);
      log.push({ type: r.event.type, step: r.event.step });
      status = r.status;
      seen.push(status);
    }
    expect(seen).toEqual(["secrecy_review", "review", "sign_off", "approved", "published"]);
    expect(log.map((d) => d.step)).toEqual([null, "secrecyReview", "review", "signOff", null]);
  });

  it("先审后发 each review step is taken by its own permission", () => {
    expect(requiredAction("secrecy_review", "approve")).toBe("publication.secrecyReview");
    expect(requiredAction("review", "approve")).toBe("publication.review");
    expect(requiredAction("sign_off", "approve")).toBe("publication.signOff");
    expect(requiredAction("review", "sendBack")).toBe("publication.review");
    expect(requiredAction("draft", "submit")).toBe("publication.edit");
    expect(requiredAction("approved", "publish")).toBe("publication.edit");
    expect(requiredAction("published", "withdraw")).toBe("publication.signOff");
  });

  it.each([
    ["a draft", []],
    ["after 保密审查 only", [{ type: "submit" }, approve()]],
    ["after 保密审查 and 审核", [{ type: "submit" }, approve(), approve()]],
  ] as [string, PublicationCommand[]][])(
    "先审后发 publishing %s is refused (REVIEWS_INCOMPLETE)",
    (_, commands) => {
      const { status, log } = run(commands);
      expect(() => transition(status, log, { type: "publish", publishedOn: "2022-03-10" })).toThrow(
        expect.objectContaining({ code: "REVIEWS_INCOMPLETE", status: 409 }),
      );
    },
  );

  it("先审后发 a stored status of approved without the three approvals in the log is still refused", () => {
    expect(() =>
      transition("approved", [{ type: "submit", step: null }], {
        type: "publish",
        publishedOn: "2022-03-10",
      }),
    ).toThrow(expect.objectContaining({ code: "REVIEWS_INCOMPLETE" }));
  });

  it("先审后发 sending back needs an opinion and returns to draft; approvals before it no longer count", () => {
    const { status, log } = run([{ type: "submit" }, approve(), approve()]);
    expect(() => transition(status, log, { type: "sendBack", opinion: "  " })).toThrow(
      expect.objectContaining({ code: "OPINION_REQUIRED" }),
    );
    const back = transition(status, log, { type: "sendBack", opinion: "请补充政策依据" });
    expect(back.status).toBe("draft");
    expect(back.event).toMatchObject({ step: "signOff", opinion: "请补充政策依据" });
    const again = [
      ...log,
      { type: "sendBack", step: "signOff" } as const,
      { type: "submit", step: null } as const,
    ];
    expect(reviewsComplete(again)).toBe(false);
    const full = [
      ...again,
      ...(["secrecyReview", "review", "signOff"] as const).map((step) => ({
        type: "approve" as const,
        step,
      })),
    ];
    expect(reviewsComplete(full)).toBe(true);
  });

  it("先审后发 commands out of place are refused (INVALID_TRANSITION)", () => {
    expect(() => transition("draft", [], approve())).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
    expect(() => transition("review", [], { type: "submit" })).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
    expect(() => transition("draft", [], { type: "withdraw", opinion: "x" })).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
    expect(() => transition("withdrawn", [], { type: "submit" })).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
  });

  it("withdrawal of a published item needs an opinion", () => {
    const { status, log } = run([...FULL, { type: "publish", publishedOn: "2022-03-10" }]);
    expect(() => transition(status, log, { type: "withdraw", opinion: "" })).toThrow(
      expect.objectContaining({ code: "OPINION_REQUIRED" }),
    );
    expect(transition(status, log, { type: "withdraw", opinion: "已失效" }).status).toBe("withdrawn");
  });
});
