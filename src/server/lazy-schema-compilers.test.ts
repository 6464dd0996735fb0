import { Type } from "@sinclair/typebox";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-databases.ts";
import { buildServer } from "./build-server.ts";
import { lazySchemaCompilers } from "./lazy-schema-compilers.ts";

/** The validation options of buildServer. */
const AJV: FastifyServerOptions["ajv"] = { customOptions: { removeAdditional: false } };

/** Routes exercising validation (coercion, defaults, refusals, root coercion) and response serialization. */
function addRoutes(app: FastifyInstance): void {
  app.post(
    "/things/:id",
    {
      schema: {
        params: Type.Object({ id: Type.Integer() }),
        querystring: Type.Object({
          page: Type.Integer({ default: 1 }),
          tags: Type.Optional(Type.Array(Type.String())),
        }),
        body: Type.Object(
          { name: Type.String({ minLength: 1 }), count: Type.Optional(Type.Number()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.Integer(),
            page: Type.Integer(),
            name: Type.String(),
            tags: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { page, tags } = request.query as { page: number; tags?: string[] };
      const { name } = request.body as { name: string };
      return { id, page, name, tags: tags ?? [], secret: "not serialized" };
    },
  );
  app.post("/number", { schema: { body: { type: "number" } } }, async (request) => ({
    type: typeof request.body,
  }));
}

/** The status and body of each request, on a server with the given compilers. */
async function answers(schemaController?: FastifyServerOptions["schemaController"]): Promise<string[]> {
  const app = Fastify({ ajv: AJV, ...(schemaController ? { schemaController } : {}) });
  addRoutes(app);
  await app.ready();
  const json = { "content-type": "application/json" };
  const requests = [
    { url: "/things/7?page=3&tags=a", payload: { name: "甲", count: 2 } },
    { url: "/things/7", payload: { name: "乙" } },
    { url: "/things/x", payload: { name: "丙" } },
    { url: "/things/7?page=two", payload: { name: "丁" } },
    { url: "/things/7", payload: { name: "" } },
    { url: "/things/7", payload: { name: "戊", extra: true } },
    { url: "/things/7", payload: { count: "3" } },
    { url: "/number", payload: '"5"' },
    { url: "/number", payload: '"five"' },
  ];
  const out: string[] = [];
  for (const request of requests) {
    const res = await app.inject({ method: "POST", headers: json, ...request });
    out.push(`${res.statusCode} ${res.body}`);
  }
  await app.close();
  return out;
}

describe("lazy schema compilers (issue #10.4)", () => {
  it("answer every request exactly as Fastify's own compilers do", async () => {
    const eager = await answers();
    const lazy = await answers({ compilersFactory: lazySchemaCompilers().compilersFactory });
    expect(lazy).toEqual(eager);
    // The cases do what they are meant to: coercion and defaults, a refused unknown field, root coercion.
    expect(eager[1]).toBe('200 {"id":7,"page":1,"name":"乙","tags":[]}');
    expect(eager[5]).toMatch(/^400 /);
    expect(eager[7]).toBe('200 {"type":"number"}');
  });

  it("compile nothing until asked, then every schema once", async () => {
    const compilers = lazySchemaCompilers();
    const app = Fastify({ ajv: AJV, schemaController: { compilersFactory: compilers.compilersFactory } });
    addRoutes(app);
    await app.ready();
    // params, querystring, body and the 200 response of one route; the body of the other.
    expect(compilers.compileAll()).toBe(5);
    expect(compilers.compileAll()).toBe(0);
    await app.close();
  });

  it("fail compileAll on a broken schema that the start let through", async () => {
    const compilers = lazySchemaCompilers();
    const app = Fastify({ ajv: AJV, schemaController: { compilersFactory: compilers.compilersFactory } });
    app.get("/broken", { schema: { querystring: { type: "no-such-type" } } }, async () => "ok");
    await app.ready();
    expect(() => compilers.compileAll()).toThrow();
    await app.close();
  });
});

describe("the full server's route schemas", () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    app = await buildServer({ logLevel: false, database, pageCacheBytes: 0 });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("all compile (a broken one fails here, not on a visitor's first request)", () => {
    expect(app.compileSchemas()).toBeGreaterThan(50);
    expect(app.compileSchemas()).toBe(0);
  });
});
