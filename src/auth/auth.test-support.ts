/**
 * Test support for the auth and user tests: agencies inserted directly, users created through the
 * service, signing in through the HTTP API, and a clock the tests move.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Role } from "../core/access/permissions.ts";
import type { Database } from "../db/database.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { createUser } from "../users/user.service.ts";

/** The password every test user gets. */
export const TEST_PASSWORD = "Gongkai2024pass";

/** Inserts an agency directly (the agencies service is not under test here); its id. */
export async function insertAgency(
  database: Database,
  name: string,
  parentId: number | null,
  kind: "government" | "department" = parentId === null ? "government" : "department",
): Promise<number> {
  const at = new Date().toISOString();
  const row = await database.db
    .insertInto("agencies")
    .values({
      parent_id: parentId,
      name,
      kind,
      credit_code: randomBytes(9).toString("hex").toUpperCase(),
      office_name: "",
      office_address: "",
      office_hours: "",
      office_phone: "",
      office_fax: "",
      office_email: "",
      office_website: "",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Creates a user holding the roles, with TEST_PASSWORD unless told; its id. */
export async function insertTestUser(
  database: Database,
  username: string,
  roles: readonly { agencyId: number; role: Role }[],
  password = TEST_PASSWORD,
): Promise<number> {
  const created = await createUser(
    database,
    { username, displayName: `${username} 的姓名`, password, roles },
    SYSTEM_ACTOR,
  );
  return created.user.id;
}

/** A signed-in client: the Cookie header to send and the CSRF token. */
export interface TestSession {
  readonly cookie: string;
  readonly csrf: string;
  /** Headers for a state-changing call. */
  readonly headers: Record<string, string>;
}

/** The gk_session cookie pair from a response's Set-Cookie headers. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith("gk_session="));
  if (!found) throw new Error("no gk_session cookie in the answer");
  return found.split(";")[0] ?? "";
}

/** Signs in through POST /api/session; throws unless it answers 200. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
  remoteAddress = "127.0.0.1",
): Promise<TestSession> {
  const res = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res.headers["set-cookie"]);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
}

/** A clock that starts at `start` and moves only when told. */
export function testClock(start = "2025-03-01T08:00:00.000Z"): {
  now: () => Date;
  advance(ms: number): void;
} {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
  };
}
