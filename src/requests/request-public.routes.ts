/**
 * The public side of disclosure requests, server-rendered and usable without JavaScript: the online request
 * form (GET/POST /agencies/:id/disclosure/apply → confirmation), the status look-up (GET/POST
 * /requests/status) and the short-lived download links of issued letters. Routes parse, check the anonymous
 * form token (the kit's scheme, src/web/form-token.ts, bound to the browser's nonce), call the request services
 * and present.
 */
import { randomBytes } from "node:crypto";
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement, type ReactElement } from "react";
import type { Agency } from "../agencies/agency.repository.ts";
import { findAgency } from "../agencies/agency.repository.ts";
import { ErrorBody } from "../contract/common.contract.ts";
import { HtmlPage } from "../contract/site.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { issuedLetterFile } from "../letters/letter-files.service.ts";
import { sendError } from "../web/error-handler.ts";
import { ErrorPage } from "../web/error-page.tsx";
import {
  ensureFormNonce,
  formNonceOf,
  fromThisSite,
  issueFormToken,
  LONG_FORM_LIMITS,
  verifyFormToken,
} from "../web/form-token.ts";
import { renderPage } from "../web/page-layout.tsx";
import { textSizeOf } from "../web/text-size.ts";
import { applyPath, RequestApplyPage } from "./request-apply-page.tsx";
import { RequestConfirmationPage } from "./request-confirmation-page.tsx";
import { type RequestFloodLimits, refuseRequestFlood, requestFloodLimitsFromEnv } from "./request-flood.ts";
import { submitOnlineRequest } from "./request-intake.service.ts";
import { REQUEST_FORMS_CSS } from "./request-pages-styles.ts";
import { RequestStatusPage, STATUS_PATH, StatusLookupPage } from "./request-status-page.tsx";
import { applyErrorField, toOnlineRequestInput } from "./tracking-apply-command.ts";
import { type ApplyForm, checkApplyForm, readApplyForm } from "./tracking-apply-input.ts";
import { publicFormKey } from "./tracking-attempt.repository.ts";
import { TRACKING_ERRORS, trackingFail } from "./tracking-errors.ts";
import { LETTER_DOWNLOAD_PATH, lookUpRequest, normaliseTyped } from "./tracking-lookup.ts";
import { intakeIdempotencyKey, verifyDownloadToken } from "./tracking-signatures.ts";

/** Options of the public request routes. */
export interface RequestPublicRouteOptions {
  /** The clock (tests move it); the system clock by default. */
  readonly now?: () => Date;
  /** The request form's flood limits per address; GONGKAI_REQUEST_LIMIT_10MIN / _DAY, else 5 and 20. */
  readonly requestFloodLimits?: RequestFloodLimits;
}

/** Body of the status look-up (url-encoded); unknown fields are refused. */
const StatusLookupBody = Type.Object(
  {
    formToken: Type.Optional(Type.String({ maxLength: 200 })),
    trackingNo: Type.Optional(Type.String({ maxLength: 200 })),
    code: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** Purpose of the look-up form's token. */
const STATUS_PURPOSE = "status";

/** Purpose of an agency's request form token. */
function applyPurpose(agencyId: number): string {
  return `apply:${agencyId}`;
}

/** Send a page that must not be cached or kept by a shared cache (it shows codes or personal progress). */
function sendPage(reply: FastifyReply, page: ReactElement, status = 200): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(renderPage(page));
}

/** The agency of the `id` path parameter, or undefined. */
async function agencyOf(database: Database, id: string): Promise<Agency | undefined> {
  if (!/^[1-9]\d{0,8}$/.test(id)) return undefined;
  return findAgency(database.db, Number(id));
}

/** Route options of a public page: HTML; a refusal to a client not asking for HTML is `{ code, message }`. */
const PAGE = { schema: { response: { 200: HtmlPage, "4xx": ErrorBody } } };
/** The answer of the forms' stylesheet. */
const STYLESHEET = Type.String({ description: "申请表单的样式表（text/css）" });

/** Register the public request pages. */
export function registerRequestPublicRoutes(
  app: FastifyInstance,
  database: Database,
  options: RequestPublicRouteOptions = {},
): void {
  const now = options.now ?? (() => new Date());
  const floodLimits = options.requestFloodLimits ?? requestFloodLimitsFromEnv();

  const notFoundAgency = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(
      reply,
      createElement(ErrorPage, {
        status: 404,
        error: { code: "NOT_FOUND", message: "找不到该机关，请从首页的机关列表进入" },
        textSize: textSizeOf(request),
        returnPath: "/",
      }),
      404,
    );

  /** Render the form page with a fresh token (and the submitted values and errors, when re-shown). */
  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    shown: {
      form?: ApplyForm;
      errors?: Record<string, string | undefined>;
      general?: string;
      status?: number;
    } = {},
  ) => {
    const key = await publicFormKey(database.db);
    const nonce = ensureFormNonce(request, reply);
    const formKey = /^[A-Za-z0-9_-]{22}$/.test(shown.form?.values.formKey ?? "")
      ? (shown.form?.values.formKey ?? "")
      : randomBytes(16).toString("base64url");
    const page = createElement(RequestApplyPage, {
      agency,
      formToken: issueFormToken(key, applyPurpose(agency.id), now(), nonce),
      formKey,
      values: shown.form?.values,
      errors: shown.errors,
      general: shown.general,
      textSize: textSizeOf(request),
      returnPath: applyPath(agency.id),
    });
    return sendPage(reply, page, shown.status ?? 200);
  };

  app.get(
    "/assets/request-forms.css",
    { schema: { response: { 200: STYLESHEET } } },
    async (_request, reply) =>
      reply
        .type("text/css; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(REQUEST_FORMS_CSS),
  );

  app.get<{ Params: { id: string } }>("/agencies/:id/disclosure/apply", PAGE, async (request, reply) => {
    const agency = await agencyOf(database, request.params.id);
    if (!agency) return notFoundAgency(request, reply);
    return formPage(request, reply, agency);
  });

  app.post<{ Params: { id: string } }>("/agencies/:id/disclosure/apply", PAGE, async (request, reply) => {
    const agency = await agencyOf(database, request.params.id);
    if (!agency) return notFoundAgency(request, reply);
    if (!request.isMultipart()) throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
    if (!fromThisSite(request)) throw trackingFail("FORM_ORIGIN_REFUSED");
    // A sender already at the flood limit is refused before its files are read (429, nothing stored).
    await refuseRequestFlood(database, request.ip, now(), floodLimits);
    const form = await readApplyForm(request);
    const key = await publicFormKey(database.db);
    const nonce = formNonceOf(request);
    const check = nonce
      ? verifyFormToken(key, applyPurpose(agency.id), form.values.formToken, now(), {
          limits: LONG_FORM_LIMITS,
          binding: nonce,
        })
      : "invalid";
    if (!nonce || check !== "ok") {
      const general = TRACKING_ERRORS.FORM_TOKEN_INVALID.message;
      return formPage(request, reply, agency, { form, general, status: 403 });
    }
    const errors = checkApplyForm(form);
    if (Object.keys(errors).length > 0)
      return formPage(request, reply, agency, { form, errors, status: 400 });
    const idempotencyKey = intakeIdempotencyKey(key, agency.id, nonce, form.values.formKey ?? "");
    try {
      const result = await submitOnlineRequest(
        database,
        toOnlineRequestInput(agency.id, form, idempotencyKey),
        { ip: request.ip, now: now(), floodLimits },
      );
      const page = createElement(RequestConfirmationPage, {
        agency,
        trackingNo: result.trackingNo,
        verificationCode: result.verificationCode,
        replay: result.replay,
        textSize: textSizeOf(request),
        returnPath: STATUS_PATH,
      });
      return sendPage(reply, page);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      request.log.info({ code: error.code }, "online request refused");
      const field = applyErrorField(error.code, form.values.applicantKind);
      return field
        ? formPage(request, reply, agency, { form, errors: { [field]: error.message }, status: error.status })
        : formPage(request, reply, agency, { form, general: error.message, status: error.status });
    }
  });

  /** Render the look-up form. */
  const lookupPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    shown: {
      trackingNo?: string;
      errors?: Record<string, string | undefined>;
      general?: string;
      status?: number;
    } = {},
  ) => {
    const key = await publicFormKey(database.db);
    const nonce = ensureFormNonce(request, reply);
    const page = createElement(StatusLookupPage, {
      formToken: issueFormToken(key, STATUS_PURPOSE, now(), nonce),
      trackingNo: shown.trackingNo,
      errors: shown.errors,
      general: shown.general,
      textSize: textSizeOf(request),
      returnPath: STATUS_PATH,
    });
    return sendPage(reply, page, shown.status ?? 200);
  };

  app.get(STATUS_PATH, PAGE, async (request, reply) => lookupPage(request, reply));

  app.post<{ Body: Static<typeof StatusLookupBody> }>(
    STATUS_PATH,
    {
      schema: {
        body: { content: { "application/x-www-form-urlencoded": { schema: StatusLookupBody } } },
        response: { 200: HtmlPage, "4xx": ErrorBody },
      },
    },
    async (request, reply) => {
      if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers["content-type"] ?? "")) {
        throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "请通过查询页面的表单提交查询号和验证码");
      }
      if (!fromThisSite(request)) throw trackingFail("FORM_ORIGIN_REFUSED");
      const body = request.body ?? {};
      const trackingNo = normaliseTyped(body.trackingNo);
      const code = normaliseTyped(body.code);
      const key = await publicFormKey(database.db);
      const nonce = formNonceOf(request);
      const check = nonce
        ? verifyFormToken(key, STATUS_PURPOSE, body.formToken, now(), {
            limits: LONG_FORM_LIMITS,
            binding: nonce,
          })
        : "invalid";
      if (check !== "ok") {
        const general = TRACKING_ERRORS.FORM_TOKEN_INVALID.message;
        return lookupPage(request, reply, { trackingNo, general, status: 403 });
      }
      const errors: Record<string, string | undefined> = {};
      if (!trackingNo) errors.trackingNo = "请填写查询号";
      if (!code) errors.code = "请填写验证码";
      else if (!/^\d{6}$/.test(code)) errors.code = "验证码应为 6 位数字";
      if (Object.keys(errors).length > 0)
        return lookupPage(request, reply, { trackingNo, errors, status: 400 });
      try {
        const found = await lookUpRequest(database, key, { ip: request.ip, trackingNo, code, at: now() });
        const page = createElement(RequestStatusPage, {
          ...found,
          textSize: textSizeOf(request),
          returnPath: STATUS_PATH,
        });
        return sendPage(reply, page);
      } catch (error) {
        if (!(error instanceof DomainError) || error.status >= 500) throw error;
        return lookupPage(request, reply, { trackingNo, general: error.message, status: error.status });
      }
    },
  );

  app.get<{ Params: { token: string } }>(`${LETTER_DOWNLOAD_PATH}/:token`, async (request, reply) => {
    const key = await publicFormKey(database.db);
    const grant = verifyDownloadToken(key, request.params.token, now());
    if (!grant) return sendError(request, reply, { status: 403, body: errorBody("DOWNLOAD_LINK_INVALID") });
    const file = await issuedLetterFile(database, grant.requestId, grant.letterId, grant.format);
    if (!file) return sendError(request, reply, { status: 404, body: errorBody("LETTER_NOT_FOUND") });
    return reply
      .header("cache-control", "no-store")
      .header("content-disposition", file.contentDisposition)
      .type(file.mediaType)
      .send(Buffer.from(file.content));
  });
}

/** The `{ code, message }` of one of the module's codes. */
function errorBody(code: keyof typeof TRACKING_ERRORS): { code: string; message: string } {
  return { code, message: TRACKING_ERRORS[code].message };
}
