import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  app = await buildServer({ logLevel: false, database });
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

interface Response {
  readonly content?: Record<string, { schema?: { type?: string; properties?: Record<string, unknown> } }>;
}

/** The API's operations under these prefixes, by "METHOD path", with their answers. */
async function operations(prefixes: readonly string[]): Promise<Map<string, Record<string, Response>>> {
  const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
  const doc = res.json() as {
    paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  };
  const out = new Map<string, Record<string, Response>>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!prefixes.some((p) => path === p || path.startsWith(`${p}/`))) continue;
    for (const [method, op] of Object.entries(methods))
      out.set(`${method.toUpperCase()} ${path}`, op.responses);
  }
  return out;
}

/** The JSON schema of an answer, if it has one. */
const jsonSchema = (response: Response | undefined) => response?.content?.["application/json"]?.schema;

/** Binary downloads: their 200 is the file itself and carries no schema. */
const BINARY = new Set(["GET /api/publications/{id}/attachments/{attachmentId}"]);

describe("/api/docs shows the real answers of the agencies, users, auth, trail, catalog, channels, board and audit", () => {
  const PREFIXES = [
    "/api/agencies",
    "/api/users",
    "/api/session",
    "/api/account",
    "/api/trail",
    "/api/publications",
    "/api/columns",
    "/api/channels",
    "/api/messages",
    "/api/audit",
  ];

  it("every operation has a success answer with a schema (204: none) and { code, message } errors", async () => {
    const found = await operations(PREFIXES);
    expect(found.size).toBeGreaterThan(40);
    for (const [operation, responses] of found) {
      const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
      if (BINARY.has(operation)) expect(success, operation).toEqual([]);
      else expect(success.length, operation).toBeGreaterThan(0);
      for (const status of success) {
        if (status === "204") expect(jsonSchema(responses[status]), operation).toBeUndefined();
        else
          expect(jsonSchema(responses[status]), `${operation} ${status}`).toMatchObject({ type: "object" });
      }
      expect(Object.keys(jsonSchema(responses["404"])?.properties ?? {}), operation).toEqual([
        "code",
        "message",
      ]);
    }
  });

  it("names the fields the back office reads", async () => {
    const found = await operations(PREFIXES);
    const fields = (operation: string, status = "200") =>
      Object.keys(jsonSchema(found.get(operation)?.[status])?.properties ?? {});
    expect(fields("GET /api/publications/{id}")).toEqual(
      expect.arrayContaining(["status", "r26", "log", "attachments", "posts", "bodyHtml", "validity"]),
    );
    expect(fields("GET /api/agencies/{id}")).toEqual(expect.arrayContaining(["contact", "settings", "kind"]));
    expect(fields("GET /api/trail/verify")).toEqual(expect.arrayContaining(["ok", "checked", "firstBroken"]));
    expect(fields("GET /api/messages/summary")).toEqual(expect.arrayContaining(["w7", "replyWorkdays"]));
    expect(fields("POST /api/audit")).toEqual(
      expect.arrayContaining(["format", "applications", "review", "proactive", "findings"]),
    );
    expect(fields("GET /api/users")).toEqual(["users"]);
    expect(fields("GET /api/session")).toEqual(["user", "csrfToken"]);
    expect(fields("GET /api/account/sessions")).toEqual(["sessions"]);
    expect(fields("POST /api/channels/posts/import", "422")).toEqual(["code", "message", "rows"]);
  });
});
