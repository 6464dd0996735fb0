import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { DomainError } from "../core/domain-error.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { senderHashOf } from "../web/sender-hash.ts";
import { onlineInput } from "./request.test-support.ts";
import { refuseRequestFlood, requestFloodLimitsFromEnv, reserveRequestPost } from "./request-flood.ts";
import { submitOnlineRequest } from "./request-intake.service.ts";

const T0 = new Date("2024-10-09T02:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LIMITS = { perTenMinutes: 2, perDay: 3 };

/** The code of the DomainError a promise rejects with, or "ok". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (e: unknown) => (e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`),
  );
}

describe.each(testDialects())("the request form's flood limit on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const submit = (key: string, now: Date, ip = "203.0.113.9") =>
    outcome(
      submitOnlineRequest(database, onlineInput(tree.a1, `flood-key-${key}-000000000`), {
        ip,
        now,
        floodLimits: LIMITS,
      }),
    );
  const requests = async () => (await database.db.selectFrom("requests").select("id").execute()).length;

  it("counts in a sliding 10 minutes and a day per address; a refusal stores nothing", async () => {
    expect(await submit("a", at(0))).toBe("ok");
    expect(await submit("b", at(1))).toBe("ok");
    expect(await submit("c", at(2))).toBe("REQUEST_FLOOD");
    expect(await requests()).toBe(2);
    expect(await submit("c", at(2), "198.51.100.1")).toBe("ok");
    expect(await submit("d", at(11))).toBe("ok");
    expect(await submit("e", at(30))).toBe("REQUEST_FLOOD"); // the day's 3 are used
    expect(await submit("e", at(24 * 60 + 1))).toBe("ok");
    expect(await requests()).toBe(5);
    const attachments = await database.db.selectFrom("request_attachments").select("id").execute();
    expect(attachments).toHaveLength(5);
  });

  it("answers a repost of an accepted form even at the limit, without counting it", async () => {
    expect(await submit("a", at(0))).toBe("ok");
    expect(await submit("b", at(1))).toBe("ok");
    expect(await submit("a", at(2))).toBe("ok");
    expect(await submit("c", at(2))).toBe("REQUEST_FLOOD");
    expect(await requests()).toBe(2);
  });

  it("reserves atomically: of 30 parallel reservations of one sender exactly the limit pass", async () => {
    const hash = senderHashOf(await installationSecret(database.db), "203.0.113.50");
    const limits = { perTenMinutes: 5, perDay: 20 };
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        outcome(
          database.db
            .transaction()
            .execute((trx) => reserveRequestPost(trx, database.dialect, hash, at(0), limits)),
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(5);
    expect(results.filter((r) => r === "REQUEST_FLOOD")).toHaveLength(25);
    const rows = await database.db.selectFrom("form_posts").select("id").execute();
    expect(rows).toHaveLength(5);
    // The look before reading a form sees the same count (with the installation's key of the address).
    expect(await outcome(refuseRequestFlood(database, "203.0.113.50", at(1), limits))).toBe("REQUEST_FLOOD");
    expect(await outcome(refuseRequestFlood(database, "203.0.113.51", at(1), limits))).toBe("ok");
  });

  it("reads the limits from the environment and refuses a bad value", () => {
    expect(requestFloodLimitsFromEnv({})).toEqual({ perTenMinutes: 5, perDay: 20 });
    expect(
      requestFloodLimitsFromEnv({ GONGKAI_REQUEST_LIMIT_10MIN: "10", GONGKAI_REQUEST_LIMIT_DAY: "50" }),
    ).toEqual({ perTenMinutes: 10, perDay: 50 });
    expect(() => requestFloodLimitsFromEnv({ GONGKAI_REQUEST_LIMIT_DAY: "0" })).toThrow(
      /GONGKAI_REQUEST_LIMIT_DAY/,
    );
  });
});
