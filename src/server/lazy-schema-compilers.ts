/**
 * Route schemas compiled on first use (issue #10.4). Fastify compiles every route's request validators and
 * response serializers when the server gets ready, which took most of a second of the server's start. These
 * factories wrap Fastify's own (the same packages and, passed through by Fastify, the same `ajv` and
 * `serializerOpts` options), so the compiled functions are identical; each is only built when a request
 * first needs it. `compileAll()` builds every one now, so a test still fails on a broken schema.
 */
import ajvCompiler from "@fastify/ajv-compiler";
import fastJsonStringifyCompiler from "@fastify/fast-json-stringify-compiler";
import type { FastifyServerOptions } from "fastify";

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions["schemaController"]>["compilersFactory"]
>;
type ValidatorFactory = NonNullable<CompilersFactory["buildValidator"]>;
type SerializerFactory = NonNullable<CompilersFactory["buildSerializer"]>;
type ValidatorCompiler = ReturnType<ValidatorFactory>;
type SerializerCompiler = ReturnType<SerializerFactory>;
type Validator = ReturnType<ValidatorCompiler>;
type Serializer = ReturnType<SerializerCompiler>;

/** The lazy factories for Fastify's `schemaController.compilersFactory`, and the eager compilation of all. */
export interface LazySchemaCompilers {
  /** Pass as `schemaController: { compilersFactory }` to Fastify. */
  readonly compilersFactory: { buildValidator: ValidatorFactory; buildSerializer: SerializerFactory };
  /** Compiles every schema handed out so far that is not compiled yet (throws on the first broken one). */
  compileAll(): number;
}

/** A function that runs `compile` once, on its first call, and from then on calls what it returned. */
function onFirstCall<T>(compile: () => T, pending: Set<() => unknown>): () => T {
  let compiled: T | undefined;
  const force = (): T => {
    if (compiled === undefined) {
      compiled = compile();
      pending.delete(force);
    }
    return compiled;
  };
  pending.add(force);
  return force;
}

/** New lazy compilers (one set per server, as Fastify makes one set of its own per server). */
export function lazySchemaCompilers(): LazySchemaCompilers {
  const pending = new Set<() => unknown>();
  const validators = ajvCompiler();
  const serializers = fastJsonStringifyCompiler();
  const buildValidator: ValidatorFactory = (externalSchemas, ajvOptions) => {
    const eager = validators(externalSchemas, ajvOptions);
    return (route) => {
      // With a custom compiler Fastify leaves a header schema's names as written instead of lower-casing
      // them; no route has one, and rather than validate headers differently, such a route fails the start.
      if (route.httpPart === "headers") {
        throw new Error(
          `lazy schema compilers: header schemas are not supported (${route.method} ${route.url})`,
        );
      }
      const compiled = onFirstCall(() => eager(route), pending);
      const validate = function (this: unknown, ...args: Parameters<Validator>) {
        return compiled().apply(this, args);
      } as Validator;
      // Fastify reads `errors` from the validator after a failed validation, and passes the parent object to
      // Ajv when the validator has a `schemaEnv` (so a root value can be coerced); both read the compiled one.
      Object.defineProperty(validate, "errors", { get: () => compiled().errors });
      Object.defineProperty(validate, "schemaEnv", {
        get: () => (compiled() as { schemaEnv?: unknown }).schemaEnv,
      });
      return validate;
    };
  };
  const buildSerializer: SerializerFactory = (externalSchemas, serializerOptions) => {
    const eager = serializers(externalSchemas, serializerOptions);
    return (route) => {
      const compiled = onFirstCall(() => eager(route), pending);
      return ((doc: unknown) => compiled()(doc)) as Serializer;
    };
  };
  return {
    compilersFactory: { buildValidator, buildSerializer },
    compileAll() {
      const now = [...pending];
      for (const force of now) force();
      return now.length;
    },
  };
}
