import { describe, expect, it } from "vitest";
import type { DutyActor } from "../duties/separation-of-duties.ts";
import {
  EVER_PUBLISHED,
  isPublicationStatus,
  type LoggedDecision,
  PUBLICATION_STATUSES,
  type PublicationCommand,
  type PublicationStatus,
  type ReviewDuties,
  requiredAction,
  reviewsComplete,
  transition,
  wasEverPublished,
} from "./publication-machine.ts";

/** The people of an office, one per step, as real offices work (SOD-1). */
const PEOPLE: Readonly<Record<PublicationStatus, DutyActor>> = {
  draft: { userId: 1, name: "李信息" },
  secrecy_review: { userId: 2, name: "赵保密" },
  review: { userId: 3, name: "钱审核" },
  sign_off: { userId: 4, name: "孙负责" },
  approved: { userId: 1, name: "李信息" },
  published: { userId: 4, name: "孙负责" },
  withdrawn: { userId: 4, name: "孙负责" },
};

/** The person whose step waits in `status`, with the agency setting on (the default). */
const staff = (status: PublicationStatus): ReviewDuties => ({ actor: PEOPLE[status], separate: true });

/** A log entry of a decision by the person whose step it is. */
const logged = (type: LoggedDecision["type"], step: LoggedDecision["step"]): LoggedDecision => ({
  type,
  step,
  actor: PEOPLE[step === "secrecyReview" ? "secrecy_review" : step === "signOff" ? "sign_off" : "review"],
});

/** Runs commands from a draft, each by `by(status)`, keeping the log as the service does. */
function run(
  commands: readonly PublicationCommand[],
  by: (status: PublicationStatus) => ReviewDuties = staff,
): { status: PublicationStatus; log: LoggedDecision[] } {
  let status: PublicationStatus = "draft";
  const log: LoggedDecision[] = [];
  for (const command of commands) {
    const duties = by(status);
    const result = transition(status, log, command, duties);
    status = result.status;
    log.push({ type: result.event.type, step: result.event.step, actor: duties.actor });
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
      const r = transition(status, log, command, staff(status));
      log.push({ type: r.event.type, step: r.event.step, actor: PEOPLE[status] });
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
      expect(() =>
        transition(status, log, { type: "publish", publishedOn: "2022-03-10" }, staff(status)),
      ).toThrow(expect.objectContaining({ code: "REVIEWS_INCOMPLETE", status: 409 }));
    },
  );

  it("先审后发 a stored status of approved without the three approvals in the log is still refused", () => {
    expect(() =>
      transition(
        "approved",
        [{ type: "submit", step: null, actor: PEOPLE.draft }],
        { type: "publish", publishedOn: "2022-03-10" },
        staff("approved"),
      ),
    ).toThrow(expect.objectContaining({ code: "REVIEWS_INCOMPLETE" }));
  });

  it("先审后发 sending back needs an opinion and returns to draft; approvals before it no longer count", () => {
    const { status, log } = run([{ type: "submit" }, approve(), approve()]);
    expect(() => transition(status, log, { type: "sendBack", opinion: "  " }, staff(status))).toThrow(
      expect.objectContaining({ code: "OPINION_REQUIRED" }),
    );
    const back = transition(status, log, { type: "sendBack", opinion: "请补充政策依据" }, staff(status));
    expect(back.status).toBe("draft");
    expect(back.event).toMatchObject({ step: "signOff", opinion: "请补充政策依据" });
    const again: LoggedDecision[] = [
      ...log,
      logged("sendBack", "signOff"),
      { type: "submit", step: null, actor: PEOPLE.draft },
    ];
    expect(reviewsComplete(again)).toBe(false);
    const full = [
      ...again,
      ...(["secrecyReview", "review", "signOff"] as const).map((step) => logged("approve", step)),
    ];
    expect(reviewsComplete(full)).toBe(true);
  });

  it("先审后发 commands out of place are refused (INVALID_TRANSITION)", () => {
    expect(() => transition("draft", [], approve(), staff("draft"))).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
    expect(() => transition("review", [], { type: "submit" }, staff("draft"))).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
    expect(() => transition("draft", [], { type: "withdraw", opinion: "x" }, staff("published"))).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
    expect(() => transition("withdrawn", [], { type: "submit" }, staff("draft"))).toThrow(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
  });

  it("withdrawal of a published item needs an opinion", () => {
    const { status, log } = run([...FULL, { type: "publish", publishedOn: "2022-03-10" }]);
    expect(() => transition(status, log, { type: "withdraw", opinion: "" }, staff(status))).toThrow(
      expect.objectContaining({ code: "OPINION_REQUIRED" }),
    );
    expect(transition(status, log, { type: "withdraw", opinion: "已失效" }, staff(status)).status).toBe(
      "withdrawn",
    );
  });
});

describe("the set of statuses that were ever published", () => {
  it("is published and withdrawn, nothing on its way to publication", () => {
    expect(EVER_PUBLISHED).toEqual(["published", "withdrawn"]);
    expect(PUBLICATION_STATUSES.filter(wasEverPublished)).toEqual(["published", "withdrawn"]);
  });

  it("is where publishing leads and where withdrawal leaves an item", () => {
    const { status, log } = run([...FULL, { type: "publish", publishedOn: "2022-03-10" }]);
    expect(status).toBe("published");
    expect(wasEverPublished(status)).toBe(true);
    const withdrawn = transition(status, log, { type: "withdraw", opinion: "已失效" }, staff(status)).status;
    expect(wasEverPublished(withdrawn)).toBe(true);
    expect(wasEverPublished(run(FULL).status)).toBe(false);
  });

  it("tells the machine's statuses from other text (a list filter from a query string)", () => {
    for (const status of PUBLICATION_STATUSES) expect(isPublicationStatus(status)).toBe(true);
    for (const text of ["", "Published", "publishd", "deleted", " published"]) {
      expect(isPublicationStatus(text)).toBe(false);
    }
  });
});
