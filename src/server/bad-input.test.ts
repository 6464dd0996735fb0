/**
 * Bad input across every state-changing call of the platform API: invalid JSON, wrong types, oversized
 * bodies, unknown fields, a missing, wrong or foreign CSRF token, an expired session and no session each
 * get a clear 4xx `{ code, message }` in Chinese, and leave every table exactly as it was. The same calls
 * with a good body then succeed, so each refusal is for the one defect under test.
 */
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validCreditCode } from "../agencies/agency.test-support.ts";
import {
  insertAgency,
  insertTestUser,
  signIn,
  TEST_PASSWORD,
  type TestSession,
} from "../auth/auth.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { buildServer } from "./build-server.ts";

/** A state-changing call with a body that would be accepted. */
interface WriteCall {
  readonly method: "POST" | "PATCH" | "PUT";
  readonly url: string;
  readonly body: Record<string, unknown> | undefined;
  /** The body with one field of the wrong type. */
  readonly wrongType?: Record<string, unknown>;
  readonly okStatus: number;
}

const CHINESE = /[\u4e00-\u9fff]/;

describe.each(testDialects())("bad input on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: TestSession;
  let other: TestSession;
  let expired: TestSession;
  let calls: WriteCall[];
  let city: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    city = await insertAgency(database, "某市人民政府", null);
    const dept = await insertAgency(database, "某市民政局", city);
    await insertTestUser(database, "guanli", [{ agencyId: city, role: "system_admin" }]);
    await insertTestUser(database, "guoqi", [{ agencyId: city, role: "system_admin" }]);
    const target = await insertTestUser(database, "mubiao", [{ agencyId: dept, role: "case_officer" }]);
    app = await buildServer({ logLevel: false, database });
    admin = await signIn(app, "guanli");
    other = await signIn(app, "guanli", TEST_PASSWORD, "10.1.1.1");
    expired = await signIn(app, "guoqi");
    // 13 hours without use: past the 12-hour idle limit.
    const longAgo = new Date(Date.now() - 13 * 60 * 60 * 1000).toISOString();
    const sessions = await database.db.selectFrom("sessions").select(["id", "user_id"]).execute();
    const guoqi = await database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "guoqi")
      .executeTakeFirstOrThrow();
    for (const s of sessions.filter((row) => row.user_id === guoqi.id)) {
      await database.db
        .updateTable("sessions")
        .set({ last_seen_at: longAgo })
        .where("id", "=", s.id)
        .execute();
    }
    calls = [
      {
        method: "POST",
        url: "/api/agencies",
        body: { parentId: city, name: "某市教育局", kind: "department", creditCode: validCreditCode(4242) },
        wrongType: {
          parentId: String(city),
          name: "某市教育局",
          kind: "department",
          creditCode: validCreditCode(4242),
        },
        okStatus: 201,
      },
      {
        method: "PATCH",
        url: `/api/agencies/${dept}`,
        body: { name: "某市民政局（新）", contact: { phone: "0999-1234567" } },
        wrongType: { contact: { phone: 9991234567 } },
        okStatus: 200,
      },
      {
        method: "POST",
        url: "/api/users",
        body: {
          username: "xinren",
          displayName: "新人",
          password: "Xinren2025pass",
          roles: [{ agencyId: dept, role: "reviewer" }],
        },
        wrongType: {
          username: "xinren",
          displayName: "新人",
          password: "Xinren2025pass",
          roles: [{ agencyId: dept, role: "管理员" }],
        },
        okStatus: 201,
      },
      {
        method: "PATCH",
        url: `/api/users/${target}`,
        body: { displayName: "目标（改）" },
        wrongType: { disabled: "true" },
        okStatus: 200,
      },
      {
        method: "PUT",
        url: `/api/users/${target}/roles`,
        body: { roles: [{ agencyId: dept, role: "office_head" }] },
        wrongType: { roles: { agencyId: dept, role: "office_head" } },
        okStatus: 200,
      },
      { method: "POST", url: `/api/users/${target}/reset-password`, body: undefined, okStatus: 200 },
      {
        method: "POST",
        url: "/api/account/password",
        body: { currentPassword: TEST_PASSWORD, newPassword: "Guanli2025new" },
        wrongType: { currentPassword: TEST_PASSWORD, newPassword: ["Guanli2025new"] },
        okStatus: 204,
      },
    ];
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  /** Every row of the tables a write could touch (sessions by id and revocation only). */
  async function snapshot(): Promise<string> {
    const db = database.db;
    return JSON.stringify({
      agencies: await db.selectFrom("agencies").selectAll().orderBy("id").execute(),
      users: await db.selectFrom("users").selectAll().orderBy("id").execute(),
      roles: await db.selectFrom("role_assignments").selectAll().orderBy("id").execute(),
      trail: await db.selectFrom("trail").selectAll().orderBy("seq").execute(),
      sessions: await db.selectFrom("sessions").select(["id", "revoked_at"]).orderBy("id").execute(),
    });
  }

  /** Sends a raw payload and checks the refusal: status, code, a Chinese message. */
  async function expectRefused(
    call: WriteCall,
    headers: Record<string, string>,
    payload: string | undefined,
    status: number,
    code: string,
  ): Promise<void> {
    const res = await app.inject({
      method: call.method,
      url: call.url,
      headers: payload === undefined ? headers : { ...headers, "content-type": "application/json" },
      ...(payload === undefined ? {} : { payload }),
    });
    const label = `${call.method} ${call.url}`;
    expect(res.statusCode, label).toBe(status);
    const body = res.json() as { code: string; message: string };
    expect(body.code, label).toBe(code);
    expect(body.message, label).toMatch(CHINESE);
    expect(Object.keys(body).sort(), label).toEqual(["code", "message"]);
  }

  it("refuses invalid JSON, wrong types, unknown fields and oversized bodies with 4xx, changing nothing", async () => {
    const before = await snapshot();
    for (const call of calls.filter((c) => c.body !== undefined)) {
      await expectRefused(call, admin.headers, '{"name": "未写完', 400, "INVALID_JSON");
      await expectRefused(call, admin.headers, JSON.stringify(call.wrongType), 400, "INVALID_INPUT");
      await expectRefused(
        call,
        admin.headers,
        JSON.stringify({ ...call.body, isAdmin: true }),
        400,
        "UNKNOWN_FIELD",
      );
      await expectRefused(call, admin.headers, JSON.stringify([call.body]), 400, "INVALID_INPUT");
      const huge = JSON.stringify({ ...call.body, padding: "长".repeat(70_000) });
      await expectRefused(call, admin.headers, huge, 413, "PAYLOAD_TOO_LARGE");
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a missing, wrong or other session's CSRF token with 403 CSRF_INVALID, changing nothing", async () => {
    const before = await snapshot();
    for (const call of calls) {
      const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
      await expectRefused(call, { cookie: admin.cookie }, payload, 403, "CSRF_INVALID");
      const wrong = { cookie: admin.cookie, "x-csrf-token": `${admin.csrf.slice(0, -1)}x` };
      await expectRefused(call, wrong, payload, 403, "CSRF_INVALID");
      const foreign = { cookie: admin.cookie, "x-csrf-token": other.csrf };
      await expectRefused(call, foreign, payload, 403, "CSRF_INVALID");
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses an expired session with 401 SESSION_EXPIRED and no session with 401 UNAUTHENTICATED, changing nothing", async () => {
    const before = await snapshot();
    for (const call of calls) {
      const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
      await expectRefused(call, expired.headers, payload, 401, "SESSION_EXPIRED");
      await expectRefused(call, {}, payload, 401, "UNAUTHENTICATED");
      await expectRefused(
        call,
        { cookie: "gk_session=forged-token", "x-csrf-token": "x" },
        payload,
        401,
        "UNAUTHENTICATED",
      );
    }
    expect(await snapshot()).toBe(before);
  });

  it("accepts the same calls with a good body, token and session (the refusals were for the defect alone)", async () => {
    for (const call of calls) {
      const res = await app.inject({
        method: call.method,
        url: call.url,
        headers: admin.headers,
        ...(call.body === undefined ? {} : { payload: call.body }),
      });
      expect(res.statusCode, `${call.method} ${call.url}: ${res.body}`).toBe(call.okStatus);
    }
  });

  /** A malformed request; `refused`: must be a 4xx, else only "not a 5xx" (free text may hold anything). */
  interface Malformed {
    readonly label: string;
    readonly method: "GET" | "POST";
    readonly url: string;
    readonly headers?: Record<string, string>;
    readonly payload?: string | Buffer;
    readonly refused: boolean;
  }

  /** The table of issue #9.6: every malformed input answers 4xx in Chinese (page or `{ code, message }`). */
  function malformedInputs(): Malformed[] {
    const json = { ...admin.headers, "content-type": "application/json" };
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const badUtf8 = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0x00]);
    const items = `/agencies/${city}/disclosure/proactive`;
    return [
      { label: "bad percent-encoding in a page path", method: "GET", url: "/%E0%A4%A", refused: true },
      {
        label: "invalid escape in a path parameter",
        method: "GET",
        url: "/agencies/%ZZ/disclosure",
        refused: true,
      },
      { label: "lone %FF in a path parameter", method: "GET", url: `${items}/items/%FF`, refused: true },
      {
        label: "bad percent-encoding in an API path",
        method: "GET",
        url: "/api/agencies/%E0%A4%A",
        refused: true,
      },
      { label: "NUL in a path", method: "GET", url: "/agencies/1%00/disclosure", refused: true },
      { label: "CR/LF in a path", method: "GET", url: "/agencies/%0D%0A/disclosure", refused: true },
      { label: "NUL in an API path parameter", method: "GET", url: "/api/users/%00", refused: true },
      {
        label: "over-long path parameter",
        method: "GET",
        url: `/requests/status/letters/${"a".repeat(5000)}`,
        refused: true,
      },
      { label: "NUL in a query parameter", method: "GET", url: "/text-size?size=%00", refused: true },
      {
        label: "CR/LF in an API query parameter",
        method: "GET",
        url: `/api/users?agencyId=%0D%0A`,
        refused: true,
      },
      {
        label: "bad percent-encoding in a query",
        method: "GET",
        url: "/text-size?size=%E0%A4%A",
        refused: true,
      },
      {
        label: "CR/LF in a redirect target",
        method: "GET",
        url: "/text-size?size=large&back=%0D%0ALocation:%20//x",
        refused: false,
      },
      {
        label: "control characters in a search",
        method: "GET",
        url: `${items}/search?q=%00%01%0D%0A%1B`,
        refused: false,
      },
      {
        label: "huge search query",
        method: "GET",
        url: `${items}/search?q=${"长".repeat(30_000)}`,
        refused: false,
      },
      {
        label: "huge API query string",
        method: "GET",
        url: `/api/users?${"agencyId=1&".repeat(20_000)}`,
        refused: true,
      },
      {
        label: "JSON cut short",
        method: "POST",
        url: "/api/agencies",
        headers: json,
        payload: '{"name": "未',
        refused: true,
      },
      {
        label: "invalid UTF-8 in JSON",
        method: "POST",
        url: "/api/agencies",
        headers: json,
        payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        refused: true,
      },
      {
        label: "deeply nested JSON",
        method: "POST",
        url: "/api/agencies",
        headers: json,
        payload: "[".repeat(50_000),
        refused: true,
      },
      {
        label: "__proto__ in JSON",
        method: "POST",
        url: "/api/agencies",
        headers: json,
        payload: '{"__proto__": {"isAdmin": true}}',
        refused: true,
      },
      {
        label: "text/plain to the API",
        method: "POST",
        url: "/api/agencies",
        headers: { ...admin.headers, "content-type": "text/plain" },
        payload: "x",
        refused: true,
      },
      {
        label: "XML to the API",
        method: "POST",
        url: "/api/agencies",
        headers: { ...admin.headers, "content-type": "application/xml" },
        payload: "<a/>",
        refused: true,
      },
      {
        label: "multipart without a boundary",
        method: "POST",
        url: "/api/agencies",
        headers: { ...admin.headers, "content-type": "multipart/form-data" },
        payload: "x",
        refused: true,
      },
      {
        label: "multipart cut short (API)",
        method: "POST",
        url: "/api/audit",
        headers: { "content-type": "multipart/form-data; boundary=x" },
        payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
        refused: true,
      },
      {
        label: "multipart junk (public form)",
        method: "POST",
        url: `/agencies/${city}/disclosure/apply`,
        headers: { "content-type": "multipart/form-data; boundary=x" },
        payload: "junk",
        refused: true,
      },
      {
        label: "text/plain to a public form",
        method: "POST",
        url: `/agencies/${city}/disclosure/apply`,
        headers: { "content-type": "text/plain" },
        payload: "x",
        refused: true,
      },
      {
        label: "invalid UTF-8 in a message form",
        method: "POST",
        url: `/agencies/${city}/messages`,
        headers: form,
        payload: badUtf8,
        refused: true,
      },
      {
        label: "invalid UTF-8 in the status form",
        method: "POST",
        url: "/requests/status",
        headers: form,
        payload: badUtf8,
        refused: true,
      },
      {
        label: "JSON cut short to the status form",
        method: "POST",
        url: "/requests/status",
        headers: { "content-type": "application/json" },
        payload: "{",
        refused: true,
      },
      {
        label: "malformed session cookie",
        method: "GET",
        url: "/api/session",
        headers: { cookie: "gk_session=%E0%A4%A; gk_text_size=%00" },
        refused: true,
      },
    ];
  }

  it("answers every malformed input with a 4xx in Chinese (page or { code, message }), never a 500, changing nothing", async () => {
    const before = await snapshot();
    for (const input of malformedInputs()) {
      for (const accept of ["text/html", "application/json"]) {
        const res = await app.inject({
          method: input.method,
          url: input.url,
          headers: { ...input.headers, accept },
          ...(input.payload === undefined ? {} : { payload: input.payload }),
        });
        const label = `${input.label} (${accept}): ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, label).toBeLessThan(500);
        if (input.refused) expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        if (res.statusCode < 400) continue;
        const type = String(res.headers["content-type"]);
        if (type.startsWith("text/html")) {
          // The error page, or the form shown again with its error: a Chinese alert either way.
          expect(res.body, label).toMatch(/role="alert"[^>]*>(?:<p>)?[^<]*[\u4e00-\u9fff]/);
          expect(res.body, label).toMatch(CHINESE);
        } else {
          const body = res.json() as { code: string; message: string };
          expect(Object.keys(body).sort(), label).toEqual(["code", "message"]);
          expect(body.message, label).toMatch(CHINESE);
        }
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it("answers requests Node cannot parse (over-long headers, cookies and URLs, broken request lines) in Chinese", async () => {
    const server = await buildServer({ logLevel: false, database });
    await server.listen({ host: "127.0.0.1", port: 0 });
    const { port } = server.server.address() as AddressInfo;
    /** Sends raw bytes and reads the whole answer until the server closes the connection. */
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect({ host: "127.0.0.1", port }, () => socket.end(request));
        const chunks: Buffer[] = [];
        socket.on("data", (c: Buffer) => chunks.push(c));
        socket.on("error", reject);
        socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
      });
    try {
      const requests: [string, number][] = [
        [`GET / HTTP/1.1\r\nHost: x\r\nCookie: gk_session=${"x".repeat(40_000)}\r\n\r\n`, 431],
        [
          `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3000 }, (_, i) => `X-H${i}: v`).join("\r\n")}\r\n\r\n`,
          431,
        ],
        [`GET /?q=${"a".repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
        ["GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n", 400],
        ["GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\n\r\n", 400],
        ["GARBAGE\r\n\r\n", 400],
      ];
      for (const [request, status] of requests) {
        const answer = await raw(request);
        const label = `${JSON.stringify(request.slice(0, 40))}: ${answer.slice(0, 200)}`;
        expect(answer.split("\r\n")[0], label).toBe(
          `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : "Bad Request"}`,
        );
        const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as {
          code: string;
          message: string;
        };
        expect(body.code, label).toBe("BAD_REQUEST");
        expect(body.message, label).toMatch(CHINESE);
      }
    } finally {
      await server.close();
    }
  });
});
