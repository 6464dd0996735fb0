/**
 * Test support for the request machine: the hand-typed 2022–2024 calendar, a context, a case built from
 * commands, and a helper asserting a refusal's code with a Chinese message.
 */
import { expect } from "vitest";
import { noticeCalendar } from "../calendar/official-notices.test-support.ts";
import { DomainError } from "../domain-error.ts";
import type { Channel } from "./request-events.ts";
import {
  decide,
  type MachineContext,
  openCase,
  type Permissions,
  type RequestCommand,
  type RequestState,
} from "./request-machine.ts";

/** The calendar of the tests: 2022–2024 from the notices, other years unknown. */
export const CALENDAR = noticeCalendar();

/** A case officer's permissions. */
export const OFFICER: Permissions = { handle: true, approveExtension: false };
/** An office head's permissions. */
export const HEAD: Permissions = { handle: true, approveExtension: true };

/** A context on the test calendar; today defaults to 2024-12-31. */
export function context(may: Permissions = OFFICER, today = "2024-12-31"): MachineContext {
  return {
    calendar: CALENDAR,
    today,
    at: "2024-12-31T02:00:00.000Z",
    actor: { userId: 7, name: may.approveExtension ? "王主任" : "李承办" },
    may,
  };
}

/** A case received on `receivedOn` by `channel`, then the commands applied in order. */
export function caseOf(
  receivedOn: string,
  commands: readonly (RequestCommand | [RequestCommand, Permissions])[] = [],
  channel: Channel = "in_person",
): RequestState {
  let state = openCase({ channel, receivedOn }, context()).state;
  for (const c of commands) {
    const [command, may] = Array.isArray(c) ? c : [c, OFFICER];
    state = decide(state, command, context(may)).state;
  }
  return state;
}

/** Asserts that `run` throws a DomainError of `code` with a Chinese message; returns the message. */
export function refused(run: () => unknown, code: string): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    expect((e as DomainError).status).toBeGreaterThanOrEqual(400);
    expect((e as DomainError).message).toMatch(/[\u4e00-\u9fff]/);
    return (e as DomainError).message;
  }
  throw new Error(`expected ${code}, but it was accepted`);
}
