import { describe, expect, it } from "vitest";
import type { DutyActor } from "../duties/separation-of-duties.ts";
import {
  type LoggedDecision,
  type PublicationCommand,
  type PublicationStatus,
  transition,
} from "./publication-machine.ts";

const A: DutyActor = { userId: 11, name: "全能" };
const B: DutyActor = { userId: 12, name: "赵保密" };
const C: DutyActor = { userId: 13, name: "钱审核" };
const D: DutyActor = { userId: 14, name: "孙负责" };

/** An item with its log, moved by commands each given by a named person. */
class Item {
  status: PublicationStatus = "draft";
  readonly log: LoggedDecision[] = [];
  constructor(private readonly separate = true) {}

  /** Gives a command as `actor`; throws what the machine throws. */
  act(actor: DutyActor, command: PublicationCommand): this {
    const r = transition(this.status, this.log, command, { actor, separate: this.separate });
    this.log.push({ type: r.event.type, step: r.event.step, actor });
    this.status = r.status;
    return this;
  }
}

const submit: PublicationCommand = { type: "submit" };
const approve: PublicationCommand = { type: "approve", opinion: "同意" };
const sendBack: PublicationCommand = { type: "sendBack", opinion: "请修改" };
const publish: PublicationCommand = { type: "publish", publishedOn: "2022-03-10" };

/** The refusal SOD-1 gives, with its message. */
const refusal = (message: string) =>
  expect.objectContaining({ code: "SEPARATION_OF_DUTIES", status: 403, message });

describe("SOD-1 先审后发分人办理", () => {
  it("SOD-1 one person holding every role cannot take the chain alone: the submitter may not review", () => {
    const item = new Item().act(A, submit);
    expect(() => item.act(A, approve)).toThrow(
      refusal("先审后发分人办理：您已提交该信息，不能再进行保密审查"),
    );
    expect(() => item.act(A, sendBack)).toThrow(
      refusal("先审后发分人办理：您已提交该信息，不能再进行保密审查"),
    );
    expect(item.status).toBe("secrecy_review");
    expect(item.log).toHaveLength(1);
  });

  it("SOD-1 nobody takes two steps of one pass; each refusal names the step already taken", () => {
    const item = new Item().act(A, submit).act(B, approve);
    expect(() => item.act(B, approve)).toThrow(
      refusal("先审后发分人办理：您已对该信息进行了保密审查，不能再进行审核"),
    );
    item.act(C, approve);
    expect(item.status).toBe("sign_off");
    expect(() => item.act(B, approve)).toThrow(
      refusal("先审后发分人办理：您已对该信息进行了保密审查，不能再进行审签"),
    );
    expect(() => item.act(C, sendBack)).toThrow(
      refusal("先审后发分人办理：您已对该信息进行了审核，不能再进行审签"),
    );
    expect(() => item.act(A, approve)).toThrow(refusal("先审后发分人办理：您已提交该信息，不能再进行审签"));
    item.act(D, approve);
    expect(item.status).toBe("approved");
  });

  it("SOD-1 publishing is not a review step: the submitter or the signer releases what three others approved", () => {
    const bySubmitter = new Item().act(A, submit).act(B, approve).act(C, approve).act(D, approve);
    expect(bySubmitter.act(A, publish).status).toBe("published");
    const bySigner = new Item().act(A, submit).act(B, approve).act(C, approve).act(D, approve);
    expect(bySigner.act(D, publish).status).toBe("published");
  });

  it("SOD-1 a send-back restarts the chain: earlier reviewers review again, the new submitter does not", () => {
    const item = new Item().act(A, submit).act(B, approve).act(C, sendBack);
    expect(item.status).toBe("draft");
    // B resubmits: in the new pass B is the submitter; C, who sent it back, may now take 保密审查.
    item.act(B, submit);
    expect(() => item.act(B, approve)).toThrow(
      refusal("先审后发分人办理：您已提交该信息，不能再进行保密审查"),
    );
    item.act(C, approve);
    expect(() => item.act(C, approve)).toThrow(
      refusal("先审后发分人办理：您已对该信息进行了保密审查，不能再进行审核"),
    );
    item.act(A, approve).act(D, approve).act(B, publish);
    expect(item.status).toBe("published");
  });

  it("SOD-1 off (small offices): one person submits, takes the three reviews and publishes", () => {
    const item = new Item(false)
      .act(A, submit)
      .act(A, approve)
      .act(A, approve)
      .act(A, approve)
      .act(A, publish);
    expect(item.status).toBe("published");
    expect(item.log.every((d) => d.actor === A)).toBe(true);
  });

  it("SOD-1 people are told apart by user id, accounts-less actors by name", () => {
    const namesake: DutyActor = { userId: 99, name: A.name };
    const item = new Item().act(A, submit).act(namesake, approve);
    expect(item.status).toBe("review");
    const system: DutyActor = { userId: null, name: "系统" };
    const bySystem = new Item().act(system, submit);
    expect(() => bySystem.act({ userId: null, name: "系统" }, approve)).toThrow(
      expect.objectContaining({ code: "SEPARATION_OF_DUTIES" }),
    );
    expect(bySystem.act({ userId: null, name: "测试" }, approve).status).toBe("review");
  });
});
