import { describe, expect, it } from "vitest";
import { applyMessageCommand, type MessageState } from "./message-machine.ts";

const PENDING: MessageState = {
  status: "pending",
  receivedOn: "2022-03-01",
  publishConsent: true,
  published: false,
  reply: null,
  rejectReason: null,
};

const reply = (
  over: Partial<{ body: string; department: string; repliedOn: string; publish: boolean }> = {},
) =>
  ({
    type: "reply",
    body: "您好，已转交办理。",
    department: "办公室",
    repliedOn: "2022-03-03",
    publish: true,
    ...over,
  }) as const;

describe("message state machine", () => {
  it("replies to a pending message and publishes it when the author consented", () => {
    const { state, event } = applyMessageCommand(PENDING, reply());
    expect(state.status).toBe("replied");
    expect(state.published).toBe(true);
    expect(state.reply).toEqual({
      body: "您好，已转交办理。",
      department: "办公室",
      repliedOn: "2022-03-03",
    });
    expect(event.type).toBe("message.reply");
  });

  it("refuses a second reply, a reply before receipt, an empty reply and publishing without consent", () => {
    const replied = applyMessageCommand(PENDING, reply()).state;
    expect(() => applyMessageCommand(replied, reply())).toThrow(
      expect.objectContaining({ code: "MESSAGE_ALREADY_HANDLED" }),
    );
    expect(() => applyMessageCommand(PENDING, reply({ repliedOn: "2022-02-28" }))).toThrow(
      expect.objectContaining({ code: "MESSAGE_REPLY_BEFORE_RECEIPT", status: 400 }),
    );
    expect(() => applyMessageCommand(PENDING, reply({ body: "  " }))).toThrow(
      expect.objectContaining({ code: "MESSAGE_REPLY_EMPTY" }),
    );
    const noConsent = { ...PENDING, publishConsent: false };
    expect(() => applyMessageCommand(noConsent, reply())).toThrow(
      expect.objectContaining({ code: "MESSAGE_NO_CONSENT" }),
    );
    expect(applyMessageCommand(noConsent, reply({ publish: false })).state.published).toBe(false);
  });

  it("marks an invalid message with a reason; it can then be neither replied nor published", () => {
    expect(() => applyMessageCommand(PENDING, { type: "reject", reason: " " })).toThrow(
      expect.objectContaining({ code: "MESSAGE_REASON_EMPTY" }),
    );
    const rejected = applyMessageCommand(PENDING, { type: "reject", reason: "广告信息" }).state;
    expect(rejected.status).toBe("rejected");
    expect(() => applyMessageCommand(rejected, reply())).toThrow(
      expect.objectContaining({ code: "MESSAGE_ALREADY_HANDLED" }),
    );
    expect(() => applyMessageCommand(rejected, { type: "publish" })).toThrow(
      expect.objectContaining({ code: "MESSAGE_NOT_REPLIED" }),
    );
  });

  it("publishes and takes down a replied message", () => {
    const replied = applyMessageCommand(PENDING, reply({ publish: false })).state;
    const shown = applyMessageCommand(replied, { type: "publish" }).state;
    expect(shown.published).toBe(true);
    expect(applyMessageCommand(shown, { type: "unpublish" }).state.published).toBe(false);
  });
});
