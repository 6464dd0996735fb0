/**
 * The public routes of the message board: GET /agencies/:id/messages (published replies), GET …/new (the
 * form), POST /agencies/:id/messages (post a message), GET …/:messageId (one published message). Anti-spam
 * without an image CAPTCHA: a signed form token with a minimum filling time that serves one post, a honeypot
 * field, per-sender flood limits and a repeated-text check; a form posted twice makes one message (hidden key).
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement } from "react";
import { type Agency, findAgency } from "../agencies/agency.repository.ts";
import { ErrorBody } from "../contract/common.contract.ts";
import { HtmlPage } from "../contract/site.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { installationSecret } from "../db/installation-secret.repository.ts";
import { ErrorPage } from "../web/error-page.tsx";
import { formTokenUse, HUMAN_PACE_LIMITS, issueFormToken, verifyFormToken } from "../web/form-token.ts";
import { renderPage } from "../web/page-layout.tsx";
import { textSizeOf } from "../web/text-size.ts";
import { type PublicMessage, presentPublicMessage } from "./message.presenter.ts";
import { findMessage, listMessages } from "./message.repository.ts";
import { type MessageInput, submitMessage } from "./message.service.ts";
import { BoardFormPage, type BoardFormValues, EMPTY_FORM } from "./message-form-page.tsx";
import { BoardListPage, BoardMessagePage, BoardThanksPage, boardPath } from "./message-pages.tsx";

/** The purpose bound into the board's form tokens. */
const FORM_PURPOSE = "message-board";
const PAGE_SIZE = 20;
/** What the board's cached pages show (the page cache drops them when one changes); the form is never cached. */
const BOARD_SHOWS = ["agency", "message"];

/** Send a rendered page. */
function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply.type("text/html; charset=utf-8").send(html);
}

/** The path without its query string. */
function pathOf(request: FastifyRequest): string {
  return request.url.split("?")[0] ?? "/";
}

/** A string field of a posted form (absent or not a string: ""). */
function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value : "";
}

/** The posted values and the message of each field that is not acceptable. */
export function readBoardForm(body: Record<string, unknown>): {
  values: BoardFormValues;
  errors: Record<string, string>;
} {
  const values: BoardFormValues = {
    kind: field(body, "kind") === "suggestion" ? "suggestion" : "consultation",
    title: field(body, "title").trim(),
    body: field(body, "body").trim(),
    authorName: field(body, "authorName").trim(),
    contactPhone: field(body, "contactPhone").trim(),
    contactEmail: field(body, "contactEmail").trim(),
    publishConsent: field(body, "publishConsent") === "yes",
  };
  const errors: Record<string, string> = {};
  if (values.title === "") errors.title = "请填写标题";
  else if (values.title.length > 50) errors.title = "标题不能超过 50 个字";
  if (values.body === "") errors.body = "请填写留言内容";
  else if (values.body.length < 5) errors.body = "留言内容太短，请写清楚您的问题（至少 5 个字）";
  else if (values.body.length > 2000) errors.body = "留言内容不能超过 2000 个字";
  if (values.authorName === "") errors.authorName = "请填写姓名或单位名称";
  else if (values.authorName.length > 50) errors.authorName = "姓名或单位名称不能超过 50 个字";
  if (values.contactPhone !== "" && !/^[0-9+\-() ]{5,30}$/.test(values.contactPhone)) {
    errors.contactPhone = "联系电话只能包含数字、空格和 + - ( )";
  }
  if (values.contactEmail !== "" && !/^[^\s@]{1,64}@[^\s@]{1,100}\.[^\s@]{1,20}$/.test(values.contactEmail)) {
    errors.contactEmail = "电子邮箱格式不正确，例如 name@example.com";
  }
  return { values, errors };
}

/** Register the board's public routes. */
export function registerMessagePublicRoutes(app: FastifyInstance, database: Database): void {
  // Pages: HTML strings are sent as they are; an error to a client not asking for HTML is `{ code, message }`.
  const pageRoute = { schema: { response: { 200: HtmlPage, "4xx": ErrorBody } } };
  /** The agency of the path, or a 404 page sent. */
  const agencyOr404 = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const id = request.params.id;
    const agency = /^[1-9]\d{0,8}$/.test(id) ? await findAgency(database.db, Number(id)) : undefined;
    if (!agency) {
      const error = { code: "NOT_FOUND", message: "找不到该机关的网民留言栏目，请从首页的机关列表进入" };
      const page = createElement(ErrorPage, {
        status: 404,
        error,
        textSize: textSizeOf(request),
        returnPath: "/",
      });
      sendHtml(reply.code(404), renderPage(page));
    }
    return agency;
  };

  /** The form page (again, with the values and errors of a refused post). */
  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    values: BoardFormValues,
    errors: Record<string, string>,
    formKey = randomBytes(12).toString("base64url"),
  ) => {
    const token = issueFormToken(await installationSecret(database.db), FORM_PURPOSE, new Date());
    const page = createElement(BoardFormPage, {
      agency,
      token,
      formKey,
      values,
      errors,
      textSize: textSizeOf(request),
      returnPath: boardPath(agency.id, "/new"),
    });
    return sendHtml(reply, renderPage(page));
  };

  app.get<{ Params: { id: string }; Querystring: { page?: string } }>(
    "/agencies/:id/messages",
    { ...pageRoute, config: { pageCache: { shows: BOARD_SHOWS, query: ["page"] } } },
    async (request, reply) => {
      const agency = await agencyOr404(request, reply);
      if (!agency) return reply;
      const page = Math.max(1, Math.min(100_000, Number.parseInt(request.query.page ?? "1", 10) || 1));
      const { rows, total } = await listMessages(database.db, {
        agencyIds: [agency.id],
        status: "replied",
        publishedOnly: true,
        page,
        pageSize: PAGE_SIZE,
      });
      const messages = rows.map(presentPublicMessage).filter((m): m is PublicMessage => m !== undefined);
      const element = createElement(BoardListPage, {
        agency,
        messages,
        page,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        textSize: textSizeOf(request),
        returnPath: pathOf(request),
      });
      return sendHtml(reply, renderPage(element));
    },
  );

  app.get<{ Params: { id: string } }>("/agencies/:id/messages/new", pageRoute, async (request, reply) => {
    const agency = await agencyOr404(request, reply);
    if (!agency) return reply;
    return formPage(request, reply, agency, EMPTY_FORM, {});
  });

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    "/agencies/:id/messages",
    pageRoute,
    async (request, reply) => {
      const agency = await agencyOr404(request, reply);
      if (!agency) return reply;
      const body = request.body && typeof request.body === "object" ? request.body : {};
      const { values, errors } = readBoardForm(body);
      const formKey = field(body, "key");
      const now = new Date();
      const check = verifyFormToken(await installationSecret(database.db), FORM_PURPOSE, body._token, now, {
        limits: HUMAN_PACE_LIMITS,
      });
      if (field(body, "website") !== "" || check === "too-fast") {
        errors.form = "提交过快或内容异常，系统无法确认是人工填写。请稍候片刻，确认内容后再提交。";
      } else if (check !== "ok") {
        errors.form = "页面已过期，请确认以下内容后重新提交。";
      }
      if (!/^[A-Za-z0-9_-]{8,64}$/.test(formKey)) errors.form = "页面已失效，请重新打开留言页面填写。";
      if (Object.keys(errors).length > 0) {
        reply.code(400);
        return formPage(
          request,
          reply,
          agency,
          values,
          errors,
          /^[A-Za-z0-9_-]{8,64}$/.test(formKey) ? formKey : undefined,
        );
      }
      const input: MessageInput = {
        agencyId: agency.id,
        kind: values.kind === "suggestion" ? "suggestion" : "consultation",
        title: values.title,
        body: values.body,
        authorName: values.authorName,
        contactPhone: values.contactPhone,
        contactEmail: values.contactEmail,
        publishConsent: values.publishConsent,
        idempotencyKey: `board:${agency.id}:${formKey}`,
      };
      try {
        const token = formTokenUse(body._token, HUMAN_PACE_LIMITS);
        const stored = await submitMessage(database, input, {
          ip: request.ip,
          now,
          ...(token ? { token } : {}),
        });
        const row = await findMessage(database.db, stored.id);
        const element = createElement(BoardThanksPage, {
          agency,
          messageId: stored.id,
          receivedOn: row?.received_on ?? "",
          textSize: textSizeOf(request),
          returnPath: boardPath(agency.id),
        });
        return sendHtml(reply, renderPage(element));
      } catch (error) {
        if (error instanceof DomainError && error.status < 500) {
          reply.code(error.status);
          return formPage(request, reply, agency, values, { form: error.message }, formKey);
        }
        throw error;
      }
    },
  );

  app.get<{ Params: { id: string; messageId: string } }>(
    "/agencies/:id/messages/:messageId",
    { ...pageRoute, config: { pageCache: { shows: BOARD_SHOWS } } },
    async (request, reply) => {
      const agency = await agencyOr404(request, reply);
      if (!agency) return reply;
      const id = request.params.messageId;
      const row = /^[1-9]\d{0,8}$/.test(id) ? await findMessage(database.db, Number(id)) : undefined;
      const message = row && row.agency_id === agency.id ? presentPublicMessage(row) : undefined;
      if (!message) {
        const error = { code: "NOT_FOUND", message: "找不到该留言，或该留言尚未公开" };
        const page = createElement(ErrorPage, {
          status: 404,
          error,
          textSize: textSizeOf(request),
          returnPath: "/",
        });
        return sendHtml(reply.code(404), renderPage(page));
      }
      const element = createElement(BoardMessagePage, {
        agency,
        message,
        textSize: textSizeOf(request),
        returnPath: pathOf(request),
      });
      return sendHtml(reply, renderPage(element));
    },
  );
}
