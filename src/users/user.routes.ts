/**
 * Users and roles: GET/POST /api/users, PATCH /api/users/:id, PUT /api/users/:id/roles,
 * POST /api/users/:id/reset-password. A user is visible to callers with user.view in an agency where the
 * user holds a role (else 404); changing the account as a whole needs user.manage in every such agency;
 * roles change only within the agencies where the caller has user.manage. Roles in agencies the caller
 * cannot see are never shown. PATCH /api/account sets the signed-in person's own e-mail address.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { SMALL_BODY_LIMIT } from "../auth/auth.plugin.ts";
import { MAX_PASSWORD_LENGTH } from "../auth/password-hashing.ts";
import {
  authorize,
  requestActor,
  requestDatabase,
  requireAuth,
  visibleAgencyIds,
} from "../auth/request-auth.ts";
import { presentAdminUser, presentUser } from "../auth/user.presenter.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { AdminUser, TemporaryPassword, User, UserList } from "../contract/user.contract.ts";
import { ROLE_KEYS } from "../core/access/permissions.ts";
import { DomainError } from "../core/domain-error.ts";
import {
  createUser,
  listUsers,
  requireUser,
  resetUserPassword,
  setUserRoles,
  type UserWithRoles,
  updateUserAccount,
} from "./user.service.ts";
import { MAX_EMAIL_LENGTH } from "./user-email.ts";

/** A database id in a path, query or body. */
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/** A role to hold in an agency. */
const RoleBody = Type.Object(
  { agencyId: Id, role: Type.Union(ROLE_KEYS.map((r) => Type.Literal(r))) },
  { additionalProperties: false },
);

/** A list of roles. */
const Roles = Type.Array(RoleBody, { maxItems: 100 });

/** Query of GET /api/users. */
const ListQuery = Type.Object({ agencyId: Type.Optional(Id) }, { additionalProperties: false });

/** Body of POST /api/users. */
const CreateBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
    roles: Type.Array(RoleBody, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

/** Body of PATCH /api/users/:id. */
const PatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    disabled: Type.Optional(Type.Boolean()),
    email: Type.Optional(Type.String({ maxLength: MAX_EMAIL_LENGTH })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Body of PATCH /api/account: the signed-in person's own e-mail address ("" clears it). */
const AccountBody = Type.Object(
  { email: Type.String({ maxLength: MAX_EMAIL_LENGTH }) },
  { additionalProperties: false },
);

/** Body of PUT /api/users/:id/roles. */
const RolesBody = Type.Object({ roles: Roles }, { additionalProperties: false });

/** Path parameters naming a user. */
const UserParams = Type.Object({ id: Id });

/** What the caller may see and manage, and the target user once it is known to be visible. */
interface TargetAccess {
  readonly target: UserWithRoles;
  readonly viewable: number[];
  readonly managed: number[];
}

/** The target user if the caller may see it (a role in an agency with user.view), else 404. */
async function visibleTarget(request: FastifyRequest, id: number): Promise<TargetAccess> {
  const viewable = await visibleAgencyIds(request, "user.view");
  const managed = await visibleAgencyIds(request, "user.manage");
  const target = await requireUser(requestDatabase(request), id);
  if (!target.roles.some((r) => viewable.includes(r.agencyId))) throw new DomainError("NOT_FOUND");
  return { target, viewable, managed };
}

/** The target user if the caller has user.manage in every agency where it holds a role, else 403/404. */
async function manageableTarget(request: FastifyRequest, id: number): Promise<TargetAccess> {
  const access = await visibleTarget(request, id);
  if (!access.target.roles.every((r) => access.managed.includes(r.agencyId))) {
    throw new DomainError("FORBIDDEN");
  }
  return access;
}

/** The user as the caller may see it: only roles in agencies where the caller has user.view. */
function present(entry: UserWithRoles, viewable: readonly number[], now: Date): AdminUser {
  const roles = entry.roles.filter((r) => viewable.includes(r.agencyId));
  return presentAdminUser(entry.user, roles, now);
}

/** Registers the user administration routes. */
export function registerUserRoutes(app: FastifyInstance, now: () => Date = () => new Date()): void {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/api/users",
    { schema: { querystring: ListQuery, response: { 200: UserList, ...ERROR_RESPONSES } } },
    async (request): Promise<UserList> => {
      const viewable = await visibleAgencyIds(request, "user.view");
      const { agencyId } = request.query;
      if (agencyId !== undefined) await authorize(request, "user.view", agencyId);
      const scope = agencyId === undefined ? viewable : [agencyId];
      const users = await listUsers(requestDatabase(request), scope);
      const at = now();
      return { users: users.map((u) => present(u, viewable, at)) };
    },
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    "/api/users",
    {
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { body: CreateBody, response: { 201: AdminUser, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      for (const agencyId of new Set(request.body.roles.map((r) => r.agencyId))) {
        await authorize(request, "user.manage", agencyId);
      }
      // The administrator chose the password: the new user must change it at first sign-in (issue #9.12).
      const input = { ...request.body, mustChangePassword: true };
      const created = await createUser(requestDatabase(request), input, requestActor(request), now());
      const viewable = await visibleAgencyIds(request, "user.view");
      return reply.code(201).send(present(created, viewable, now()));
    },
  );

  app.patch<{ Params: Static<typeof UserParams>; Body: Static<typeof PatchBody> }>(
    "/api/users/:id",
    {
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { params: UserParams, body: PatchBody, response: { 200: AdminUser, ...ERROR_RESPONSES } },
    },
    async (request): Promise<AdminUser> => {
      const { viewable } = await manageableTarget(request, request.params.id);
      const updated = await updateUserAccount(
        requestDatabase(request),
        request.params.id,
        request.body,
        requestActor(request),
        now(),
      );
      return present(updated, viewable, now());
    },
  );

  app.patch<{ Body: Static<typeof AccountBody> }>(
    "/api/account",
    {
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { body: AccountBody, response: { 200: User, ...ERROR_RESPONSES } },
    },
    async (request): Promise<User> => {
      const auth = requireAuth(request);
      const updated = await updateUserAccount(
        requestDatabase(request),
        auth.user.id,
        { email: request.body.email },
        requestActor(request),
        now(),
      );
      return presentUser(updated.user, updated.roles);
    },
  );

  app.put<{ Params: Static<typeof UserParams>; Body: Static<typeof RolesBody> }>(
    "/api/users/:id/roles",
    {
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { params: UserParams, body: RolesBody, response: { 200: AdminUser, ...ERROR_RESPONSES } },
    },
    async (request): Promise<AdminUser> => {
      const { viewable, managed } = await visibleTarget(request, request.params.id);
      if (managed.length === 0) throw new DomainError("FORBIDDEN");
      const updated = await setUserRoles(
        requestDatabase(request),
        request.params.id,
        managed,
        request.body.roles,
        requestActor(request),
        now(),
      );
      return present(updated, viewable, now());
    },
  );

  app.post<{ Params: Static<typeof UserParams> }>(
    "/api/users/:id/reset-password",
    {
      bodyLimit: SMALL_BODY_LIMIT,
      schema: { params: UserParams, response: { 200: TemporaryPassword, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await manageableTarget(request, request.params.id);
      const temporaryPassword = await resetUserPassword(
        requestDatabase(request),
        request.params.id,
        requestActor(request),
        now(),
      );
      return reply
        .header("cache-control", "no-store")
        .send({ temporaryPassword } satisfies TemporaryPassword);
    },
  );
}
