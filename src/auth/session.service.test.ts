import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { insertAgency, insertTestUser, testClock } from "./auth.test-support.ts";
import { revokeUserSessions } from "./session.repository.ts";
import {
  publicSessionId,
  resolveSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionIdOf,
  startSession,
} from "./session.service.ts";

describe.each(testDialects())("sessions on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  async function setup() {
    database = await createTestDatabase(dialect);
    const agency = await insertAgency(database, "某市人民政府", null);
    const userId = await insertTestUser(database, "lisi", [{ agencyId: agency, role: "office_head" }]);
    return { db: database, userId };
  }

  it("keys a session by the SHA-256 of its token, with a separate CSRF token and an opaque public id", async () => {
    const { db, userId } = await setup();
    const clock = testClock();
    const { token, session } = await startSession(db.db, {
      userId,
      ip: "1.2.3.4",
      userAgent: "ua",
      now: clock.now(),
    });
    expect(session.id).toBe(sessionIdOf(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(session.csrf_token).not.toBe(token);
    expect(publicSessionId(session.id)).toMatch(/^[0-9a-f]{12}$/);
    expect(session.id.startsWith(publicSessionId(session.id))).toBe(false);
    expect(await resolveSession(db, token, clock.now())).toMatchObject({ status: "active" });
    expect(await resolveSession(db, `${token}x`, clock.now())).toEqual({ status: "unknown" });
  });

  it("expires after 12 idle hours, and refreshes last_seen_at at most once a minute", async () => {
    const { db, userId } = await setup();
    const clock = testClock();
    const { token, session } = await startSession(db.db, { userId, ip: "", userAgent: "", now: clock.now() });
    const lastSeen = async () =>
      (
        await db.db
          .selectFrom("sessions")
          .select("last_seen_at")
          .where("id", "=", session.id)
          .executeTakeFirst()
      )?.last_seen_at;
    clock.advance(30_000);
    await resolveSession(db, token, clock.now());
    expect(await lastSeen()).toBe("2025-03-01T08:00:00.000Z");
    clock.advance(30_000);
    await resolveSession(db, token, clock.now());
    expect(await lastSeen()).toBe("2025-03-01T08:01:00.000Z");
    clock.advance(SESSION_IDLE_MS - 1000);
    expect((await resolveSession(db, token, clock.now())).status).toBe("active");
    clock.advance(SESSION_IDLE_MS);
    expect(await resolveSession(db, token, clock.now())).toEqual({ status: "expired" });
  });

  it("expires after 7 days however often it is used", async () => {
    const { db, userId } = await setup();
    const clock = testClock();
    const { token } = await startSession(db.db, { userId, ip: "", userAgent: "", now: clock.now() });
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - SESSION_IDLE_MS; elapsed += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      expect((await resolveSession(db, token, clock.now())).status).toBe("active");
    }
    clock.advance(SESSION_ABSOLUTE_MS);
    expect(await resolveSession(db, token, clock.now())).toEqual({ status: "expired" });
  });

  it("revokes all of a user's sessions but one, and ends sessions of a disabled user", async () => {
    const { db, userId } = await setup();
    const clock = testClock();
    const a = await startSession(db.db, { userId, ip: "", userAgent: "", now: clock.now() });
    const b = await startSession(db.db, { userId, ip: "", userAgent: "", now: clock.now() });
    const c = await startSession(db.db, { userId, ip: "", userAgent: "", now: clock.now() });
    expect(await revokeUserSessions(db.db, userId, clock.now().toISOString(), a.session.id)).toBe(2);
    expect((await resolveSession(db, a.token, clock.now())).status).toBe("active");
    expect((await resolveSession(db, b.token, clock.now())).status).toBe("expired");
    expect((await resolveSession(db, c.token, clock.now())).status).toBe("expired");
    await db.db.updateTable("users").set({ disabled: 1 }).where("id", "=", userId).execute();
    expect((await resolveSession(db, a.token, clock.now())).status).toBe("expired");
  });
});
