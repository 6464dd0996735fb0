/**
 * JSON bodies of API calls are checked exactly as sent. Fastify's validator coerces types for the sake of
 * query strings and path parameters ("42" → 42, "true" → true), and on a JSON body that would quietly turn
 * a wrong type into a change. So before validation, a JSON body under /api/ is checked against its route's
 * TypeBox schema without coercion; a mismatch is 400 INVALID_INPUT (or UNKNOWN_FIELD) and nothing runs.
 * Form posts (url-encoded, multipart) keep the coercion their text fields need.
 */
import { Kind, type TSchema } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { bodyProblem } from "./strict-body.ts";

/** The TypeBox schema of a JSON body for the route, if it has one. */
export function jsonBodySchema(request: FastifyRequest): TSchema | undefined {
  const body = request.routeOptions.schema?.body as Record<string | symbol, unknown> | undefined;
  if (!body || typeof body !== "object") return undefined;
  if (Kind in body) return body as unknown as TSchema;
  const content = body.content as Record<string, { schema?: unknown }> | undefined;
  const json = content?.["application/json"]?.schema as Record<string | symbol, unknown> | undefined;
  return json && Kind in json ? (json as unknown as TSchema) : undefined;
}

/** Whether the request carries a JSON body to a route the predicate names as an API route. */
function isJsonApiBody(request: FastifyRequest, isApiRoute: (request: FastifyRequest) => boolean): boolean {
  // The matched route, not the raw URL: "/%61pi/agencies" is "/api/agencies" to the router (issue #9.3).
  const type = request.headers["content-type"] ?? "";
  return isApiRoute(request) && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);
}

/**
 * Registers the exact check of JSON bodies. Call it after the auth plugin, so that a forged request is
 * still refused as forged (403) before its body is judged. `isApiRoute` tells API routes by the matched
 * route (the composition root passes auth's route-scope test; the kit imports no module).
 */
export function registerStrictJsonBodies(
  app: FastifyInstance,
  isApiRoute: (request: FastifyRequest) => boolean,
): void {
  app.addHook("preValidation", async (request) => {
    if (!isJsonApiBody(request, isApiRoute)) return;
    const schema = jsonBodySchema(request);
    if (!schema) return;
    const problem = bodyProblem(schema, request.body);
    if (problem) throw problem;
  });
}
