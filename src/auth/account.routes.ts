/**
 * The signed-in person's account: change the password, list and revoke their own sessions.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { ERROR_RESPONSES, NoContent } from "../contract/common.contract.ts";
import { type AccountSession, AccountSessions } from "../contract/session.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import { changeOwnPassword } from "./account.service.ts";
import { clearSessionCookie, SMALL_BODY_LIMIT } from "./auth.plugin.ts";
import { MAX_PASSWORD_LENGTH } from "./password-hashing.ts";
import { requestDatabase, requireAuth } from "./request-auth.ts";
import type { SessionRow } from "./session.repository.ts";
import { listUserSessions, publicSessionId, revokeOwnSession } from "./session.service.ts";

/** Body of POST /api/account/password. */
const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
    newPassword: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);

/** Parameters of DELETE /api/account/sessions/:id. */
const SessionParams = Type.Object({ id: Type.String({ pattern: "^[0-9a-f]{12}$" }) });

/** A session as its owner sees it: a public id, never the token, the stored id or the CSRF token. */
function presentOwnSession(session: SessionRow, currentId: string): AccountSession {
  return {
    id: publicSessionId(session.id),
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    ip: session.ip,
    userAgent: session.user_agent,
    current: session.id === currentId,
  };
}

/** Registers POST /api/account/password, GET /api/account/sessions, DELETE /api/account/sessions/:id. */
export function registerAccountRoutes(app: FastifyInstance, now: () => Date = () => new Date()): void {
  app.post<{ Body: Static<typeof PasswordBody> }>(
    "/api/account/password",
    {
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { body: PasswordBody, response: { 204: NoContent, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await changeOwnPassword(requestDatabase(request), auth, request.body, request.ip, now());
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/account/sessions",
    { schema: { response: { 200: AccountSessions, ...ERROR_RESPONSES } } },
    async (request): Promise<AccountSessions> => {
      const auth = requireAuth(request);
      const sessions = await listUserSessions(requestDatabase(request), auth.user.id, now());
      return { sessions: sessions.map((s) => presentOwnSession(s, auth.session.id)) };
    },
  );

  app.delete<{ Params: Static<typeof SessionParams> }>(
    "/api/account/sessions/:id",
    { schema: { params: SessionParams, response: { 204: NoContent, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const revoked = await revokeOwnSession(
        requestDatabase(request),
        auth,
        request.params.id,
        request.ip,
        now(),
      );
      if (!revoked) throw new DomainError("NOT_FOUND");
      if (revoked.id === auth.session.id) clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );
}
