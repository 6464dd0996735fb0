/**
 * POST /api/channels/:id/responses — record the replies a new-media account gave to the public (回应关注),
 * checked all or none, by staff who manage the registries of the channel's agency.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { ResponsesRecorded } from "../contract/channel.contract.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { findChannel } from "./channel.repository.ts";
import { recordChannelResponses } from "./channel-response.service.ts";

const Params = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const Body = Type.Object(
  {
    responses: Type.Array(
      Type.Object(
        { respondedOn: Type.String({ maxLength: 10 }), subject: Type.String({ maxLength: 200 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

/** Register the channel-response route. */
export function registerChannelResponseRoutes(app: FastifyInstance, database: Database): void {
  app.post<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>(
    "/api/channels/:id/responses",
    {
      ...strictBody(Body),
      schema: { params: Params, body: Body, response: { 201: ResponsesRecorded, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      requireAuth(request);
      const channel = await findChannel(database.db, request.params.id);
      if (!channel) throw new DomainError("NOT_FOUND", "找不到该政务新媒体账号");
      await authorize(request, "publication.edit", channel.agencyId);
      const recorded = await recordChannelResponses(
        database,
        channel.id,
        request.body.responses,
        requestActor(request),
      );
      return reply.code(201).send({ channelId: channel.id, recorded } satisfies ResponsesRecorded);
    },
  );
}
