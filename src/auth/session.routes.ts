/**
 * Signing in and out: POST, GET and DELETE /api/session.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { ERROR_RESPONSES, ErrorBody, NoContent } from "../contract/common.contract.ts";
import { SessionAnswer } from "../contract/session.contract.ts";
import { clearSessionCookie, SMALL_BODY_LIMIT, setSessionCookie } from "./auth.plugin.ts";
import { login } from "./login.service.ts";
import { MAX_PASSWORD_LENGTH } from "./password-hashing.ts";
import { requestDatabase, requireAuth } from "./request-auth.ts";
import { type AuthContext, endSession } from "./session.service.ts";
import { presentUser } from "./user.presenter.ts";

/** Body of POST /api/session. */
const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);

/** The answer of POST and GET /api/session: the user and the session's CSRF token. */
function presentSession(context: AuthContext): SessionAnswer {
  return { user: presentUser(context.user, context.roles), csrfToken: context.session.csrf_token };
}

/** Registers POST /api/session, GET /api/session and DELETE /api/session. */
export function registerSessionRoutes(app: FastifyInstance, now: () => Date = () => new Date()): void {
  app.post<{ Body: Static<typeof LoginBody> }>(
    "/api/session",
    {
      bodyLimit: SMALL_BODY_LIMIT,
      // 423 ACCOUNT_LOCKED besides the common errors.
      schema: { body: LoginBody, response: { 200: SessionAnswer, ...ERROR_RESPONSES, 423: ErrorBody } },
    },
    async (request, reply) => {
      const { token, context } = await login(
        requestDatabase(request),
        {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? "",
          sessionUsername: request.auth?.user.username,
        },
        now,
      );
      setSessionCookie(request, reply, token, context.session.expires_at);
      return reply.header("cache-control", "no-store").send(presentSession(context));
    },
  );

  app.get(
    "/api/session",
    { schema: { response: { 200: SessionAnswer, ...ERROR_RESPONSES } } },
    async (request, reply) =>
      reply.header("cache-control", "no-store").send(presentSession(requireAuth(request))),
  );

  app.delete(
    "/api/session",
    { schema: { response: { 204: NoContent, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      if (request.auth) await endSession(requestDatabase(request), request.auth, request.ip, now());
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );
}
