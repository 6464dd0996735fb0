import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { buildServer } from "../server/build-server.ts";

interface Answer {
  readonly content?: Record<string, { readonly schema?: { readonly properties?: Record<string, unknown> } }>;
}
type Paths = Record<string, Record<string, { readonly responses: Record<string, Answer> }>>;

/** The API paths of the requests, letters, calendar, reports, monitors, litigation and registries modules. */
const OURS = /^\/api\/(requests|letter-templates|calendar|reports|monitors|litigation|registries)(\/|$)/;

/** The file downloads, which answer bytes and so document only their refusals. */
const FILES = [
  "GET /api/requests/{id}/attachments/{attachmentId}",
  "GET /api/requests/{id}/letters/{letterId}/download.docx",
  "GET /api/requests/{id}/letters/{letterId}/download.pdf",
  "GET /api/requests/ledger-template.xlsx",
  "GET /api/requests/ledger.xlsx",
  "GET /api/reports/{agencyId}/{year}/versions/{version}/{format}",
  "GET /api/registries/regulations/template.xlsx",
  "GET /api/registries/regulations/template.csv",
  "GET /api/registries/decisions/template.xlsx",
  "GET /api/registries/decisions/template.csv",
];

let database: TestDatabase;
let app: FastifyInstance;
let paths: Paths;

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  app = await buildServer({ logLevel: false, database });
  const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
  expect(res.statusCode).toBe(200);
  paths = (JSON.parse(res.body) as { paths: Paths }).paths;
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** The JSON schema of an operation's answer with this status. */
function answerSchema(path: string, method: string, status: string) {
  return paths[path]?.[method]?.responses[status]?.content?.["application/json"]?.schema;
}

describe("/api/docs of the request, letter, calendar, report, monitor, litigation and registry routes", () => {
  it("documents a JSON answer for every success, and the refusals of every file download", () => {
    const operations = Object.entries(paths)
      .filter(([path]) => OURS.test(path))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(70);
    const undocumented: string[] = [];
    for (const { path, method, op } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      const successes = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
      const json = successes.filter(([, answer]) => answer.content?.["application/json"]?.schema);
      if (FILES.includes(name)) {
        expect(json, name).toEqual([]);
        expect(op.responses["404"]?.content?.["application/json"]?.schema, name).toBeDefined();
      } else if (json.length === 0) undocumented.push(name);
    }
    expect(undocumented).toEqual([]);
  });

  it("shows the answers' fields: the case, the assembled report, table 二 and an import's refusal", () => {
    const properties = (path: string, method: string, status: string) =>
      Object.keys(answerSchema(path, method, status)?.properties ?? {});
    expect(properties("/api/requests/{id}", "get", "200")).toEqual(
      expect.arrayContaining(["trackingNo", "status", "deadline", "events", "letters", "allowedActions"]),
    );
    expect(properties("/api/reports/{agencyId}/{year}", "get", "200")).toEqual(
      expect.arrayContaining(["report", "findings", "records", "edited", "versions", "templates"]),
    );
    expect(properties("/api/registries/summary", "get", "200")).toEqual(
      expect.arrayContaining(["proactive", "records", "otherDecisions", "feesFen", "training"]),
    );
    expect(properties("/api/registries/decisions/import", "post", "422")).toEqual(
      expect.arrayContaining(["code", "message", "problems"]),
    );
    expect(properties("/api/requests/ledger", "post", "422")).toEqual(
      expect.arrayContaining(["code", "message", "rejected"]),
    );
  });
});
