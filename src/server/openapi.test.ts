import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { buildServer } from "./build-server.ts";
import { API_DOCS_CSP } from "./openapi.ts";

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

interface Operation {
  readonly tags?: string[];
  readonly requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  readonly parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  readonly responses: Record<string, unknown>;
}

interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { title: string; version: string };
  readonly paths: Record<string, Record<string, Operation>>;
}

async function openApiDocument(): Promise<OpenApiDocument> {
  const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  return JSON.parse(res.body) as OpenApiDocument;
}

describe("OpenAPI document", () => {
  it("is an OpenAPI 3.1 document naming every known API route with its method", async () => {
    const doc = await openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toContain("公开");
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "POST /api/session",
        "GET /api/session",
        "DELETE /api/session",
        "POST /api/account/password",
        "GET /api/account/sessions",
        "DELETE /api/account/sessions/{id}",
        "GET /api/agencies",
        "POST /api/agencies",
        "GET /api/agencies/{id}",
        "PATCH /api/agencies/{id}",
        "GET /api/users",
        "POST /api/users",
        "PATCH /api/users/{id}",
        "PUT /api/users/{id}/roles",
        "POST /api/users/{id}/reset-password",
        "GET /api/trail",
        "GET /api/trail/verify",
        "POST /api/audit",
      ]),
    );
    for (const [path, methods] of Object.entries(doc.paths)) {
      expect(path.startsWith("/api/"), path).toBe(true);
      expect(path.startsWith("/api/docs"), path).toBe(false);
      for (const operation of Object.values(methods)) {
        expect(Object.keys(operation.responses).length, path).toBeGreaterThan(0);
        expect(operation.tags?.length, path).toBeGreaterThan(0);
      }
    }
  });

  it("carries the TypeBox schemas: bodies exactly (unknown fields refused), parameters and queries", async () => {
    const doc = await openApiDocument();
    const createAgency = doc.paths["/api/agencies"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(createAgency).toMatchObject({ type: "object", additionalProperties: false });
    expect(Object.keys(createAgency?.properties as object)).toEqual(
      expect.arrayContaining(["parentId", "name", "kind", "creditCode", "contact"]),
    );
    const login = doc.paths["/api/session"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(login).toMatchObject({ required: ["username", "password"], additionalProperties: false });
    const userId = doc.paths["/api/users/{id}"]?.patch?.parameters?.find((p) => p.name === "id");
    expect(userId).toMatchObject({ in: "path", schema: { type: "integer", minimum: 1 } });
    const trailQuery = (doc.paths["/api/trail"]?.get?.parameters ?? []).map((p) => p.name);
    expect(trailQuery).toEqual(expect.arrayContaining(["agencyId", "from", "to", "page", "pageSize"]));
  });

  it("leaves the public pages and the admin shell out", async () => {
    const doc = await openApiDocument();
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith("/api/"))).toEqual([]);
  });
});

describe("API page /api/docs", () => {
  it("serves Swagger UI from this server with a CSP allowing only its own scripts", async () => {
    const res = await app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["content-security-policy"]).toBe(API_DOCS_CSP);
    expect(res.body).toContain("公开（Gongkai）接口文档");
    const sources = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect(source, "nothing from the internet").not.toMatch(/^(https?:)?\/\//);
      const asset = await app.inject({ method: "GET", url: new URL(source, "http://x/api/docs/").pathname });
      expect(asset.statusCode, source).toBe(200);
    }
    const initializer = await app.inject({ method: "GET", url: "/api/docs/static/swagger-initializer.js" });
    expect(initializer.body).toContain("./json");
    expect(initializer.body).not.toMatch(/https?:\/\/(?!stackoverflow)/);
  });

  it("keeps the strict no-script CSP on every other page", async () => {
    for (const url of ["/", "/healthz", "/api/openapi.json"]) {
      const res = await app.inject({ method: "GET", url });
      expect(String(res.headers["content-security-policy"]), url).toContain("script-src 'none'");
    }
  });
});
