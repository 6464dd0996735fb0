/**
 * The staff API of the message board: list, read, reply, mark invalid, publish / take down, the yearly
 * summary with W-7, and the agency's reply limit [P]. Parse → authorise → command → present.
 */
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authorize, requestActor, requireAuth, visibleAgencyIds } from "../auth/request-auth.ts";
import { shanghaiDate } from "../calendar/shanghai-today.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { BoardSummary, MessagePage, MessageSettings, StaffMessage } from "../contract/message.contract.ts";
import type { Action } from "../core/access/permissions.ts";
import { DomainError } from "../core/domain-error.ts";
import type { MessageCommand } from "../core/message/message-machine.ts";
import type { Database } from "../db/database.ts";
import { strictBody } from "../web/strict-body.ts";
import { presentStaffMessage } from "./message.presenter.ts";
import { findMessage, listMessages, type MessageRow } from "./message.repository.ts";
import { actOnMessage, boardSummary, changeReplyWorkdays, messageReplyDue } from "./message.service.ts";
import { replyWorkdaysOf } from "./message-settings.repository.ts";

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const IdParams = Type.Object({ id: Id });
const CalendarDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });

const ListQuery = Type.Object({
  agencyId: Type.Optional(Id),
  status: Type.Optional(
    Type.Union([Type.Literal("pending"), Type.Literal("replied"), Type.Literal("rejected")]),
  ),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
const SummaryQuery = Type.Object({ agencyId: Id, year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
const ReplyBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 5000 }),
    department: Type.String({ minLength: 1, maxLength: 100 }),
    repliedOn: Type.Optional(CalendarDate),
    publish: Type.Boolean(),
  },
  { additionalProperties: false },
);
const RejectBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
const SettingsBody = Type.Object(
  { agencyId: Id, replyWorkdays: Type.Integer({ minimum: 1, maximum: 60 }) },
  { additionalProperties: false },
);

/** The message of the path, after checking the caller may take `action` in its agency (else 404/403). */
async function messageFor(
  database: Database,
  request: FastifyRequest,
  id: number,
  action: Action,
): Promise<MessageRow> {
  requireAuth(request);
  const row = await findMessage(database.db, id);
  if (!row) throw new DomainError("NOT_FOUND", "找不到该留言");
  await authorize(request, "message.view", row.agency_id);
  await authorize(request, action, row.agency_id);
  return row;
}

/** Register the staff routes of the message board. */
export function registerMessageRoutes(app: FastifyInstance, database: Database): void {
  /** The staff view of a row, with the reply limit of its agency. */
  const present = async (row: MessageRow, now: Date): Promise<StaffMessage> => {
    const workdays = await replyWorkdaysOf(database.db, row.agency_id);
    return presentStaffMessage(row, messageReplyDue(row.received_on, workdays), shanghaiDate(now));
  };

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/api/messages",
    { schema: { querystring: ListQuery, response: { 200: MessagePage, ...ERROR_RESPONSES } } },
    async (request): Promise<MessagePage> => {
      const visible = await visibleAgencyIds(request, "message.view");
      const { agencyId, status, year } = request.query;
      const agencyIds = agencyId === undefined ? visible : visible.filter((id) => id === agencyId);
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 20;
      const { rows, total } = await listMessages(database.db, { agencyIds, status, year, page, pageSize });
      const now = new Date();
      return { items: await Promise.all(rows.map((row) => present(row, now))), total, page, pageSize };
    },
  );

  app.get<{ Querystring: Static<typeof SummaryQuery> }>(
    "/api/messages/summary",
    { schema: { querystring: SummaryQuery, response: { 200: BoardSummary, ...ERROR_RESPONSES } } },
    async (request): Promise<BoardSummary> => {
      await authorize(request, "message.view", request.query.agencyId);
      const summary = await boardSummary(
        database,
        request.query.agencyId,
        request.query.year,
        shanghaiDate(),
      );
      const { breaches, warnings } = summary.w7;
      return {
        ...summary,
        w7: { level: summary.w7.level, breaches: [...breaches], warnings: [...warnings] },
      };
    },
  );

  app.put<{ Body: Static<typeof SettingsBody> }>(
    "/api/messages/settings",
    {
      ...strictBody(SettingsBody),
      schema: { body: SettingsBody, response: { 200: MessageSettings, ...ERROR_RESPONSES } },
    },
    async (request): Promise<MessageSettings> => {
      await authorize(request, "message.settings", request.body.agencyId);
      await changeReplyWorkdays(
        database,
        request.body.agencyId,
        request.body.replyWorkdays,
        requestActor(request),
      );
      return { agencyId: request.body.agencyId, replyWorkdays: request.body.replyWorkdays };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    "/api/messages/:id",
    { schema: { params: IdParams, response: { 200: StaffMessage, ...ERROR_RESPONSES } } },
    async (request) => {
      return present(await messageFor(database, request, request.params.id, "message.view"), new Date());
    },
  );

  /** A POST /api/messages/:id/<verb> route applying one command. */
  const command = <B>(
    verb: string,
    body: ReturnType<typeof Type.Object> | null,
    toCommand: (b: B, now: Date) => MessageCommand,
  ) => {
    const response = { 200: StaffMessage, ...ERROR_RESPONSES };
    const options = body
      ? { ...strictBody(body), schema: { params: IdParams, body, response } }
      : { schema: { params: IdParams, response } };
    app.post<{ Params: Static<typeof IdParams>; Body: B }>(
      `/api/messages/:id/${verb}`,
      options,
      async (request) => {
        const row = await messageFor(database, request, request.params.id, "message.reply");
        const now = new Date();
        const updated = await actOnMessage(
          database,
          row,
          toCommand(request.body as B, now),
          requestActor(request),
          now,
        );
        return present(updated, now);
      },
    );
  };
  command<Static<typeof ReplyBody>>("reply", ReplyBody, (b, now) => ({
    type: "reply",
    body: b.body,
    department: b.department,
    repliedOn: b.repliedOn ?? shanghaiDate(now),
    publish: b.publish,
  }));
  command<Static<typeof RejectBody>>("reject", RejectBody, (b) => ({ type: "reject", reason: b.reason }));
  command("publish", null, () => ({ type: "publish" }));
  command("unpublish", null, () => ({ type: "unpublish" }));
}
