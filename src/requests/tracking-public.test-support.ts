/**
 * Test support for the public request pages: opening a form as a browser would (its cookie and hidden
 * fields), filling in the online request form, and looking up a request's status.
 */
import type { FastifyInstance } from "fastify";
import { type FormPart, multipartForm } from "../web/multipart-form.test-support.ts";

/** A form as a browser holds it after GET: the nonce cookie and the hidden fields. */
export interface OpenedForm {
  readonly cookie: string;
  readonly formToken: string;
  readonly formKey: string;
  readonly html: string;
  readonly status: number;
}

/** The smallest PNG (a 1×1 pixel): a real identity-document image for uploads. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** The value of a hidden input in a page. */
function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  return match?.[1] ?? "";
}

/** The gk_form cookie pair of an answer, or the one sent. */
function formCookieOf(setCookie: string | string[] | undefined, sent?: string): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith("gk_form="));
  return found ? (found.split(";")[0] ?? "") : (sent ?? "");
}

/** GETs a form page and keeps what a browser would submit with it. */
export async function openForm(app: FastifyInstance, url: string, cookie?: string): Promise<OpenedForm> {
  const res = await app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
  return {
    cookie: formCookieOf(res.headers["set-cookie"], cookie),
    formToken: hiddenValue(res.body, "formToken"),
    formKey: hiddenValue(res.body, "formKey"),
    html: res.body,
    status: res.statusCode,
  };
}

/** A complete, valid natural person's request (text fields), to change field by field in tests. */
export const PERSON_FIELDS: Readonly<Record<string, string>> = {
  applicantKind: "naturalPerson",
  personName: "张三",
  idType: "resident_id",
  idNumber: "11010519491231002X",
  phone: "13800138000",
  email: "zhangsan@example.cn",
  address: "甲市人民路8号",
  postcode: "100010",
  description: "甲市2023年老旧小区改造项目的实施方案（甲政办发〔2023〕12号）",
  provisionForm: "electronic",
  deliveryMethod: "email",
};

/** POSTs the request form with the opened form's hidden fields, the text fields and files. */
export async function postApply(
  app: FastifyInstance,
  agencyId: number,
  form: OpenedForm,
  fields: Readonly<Record<string, string>>,
  files: readonly { fileName: string; bytes: Uint8Array; type?: string }[] = [
    { fileName: "身份证.png", bytes: TINY_PNG, type: "image/png" },
  ],
  headers: Record<string, string> = {},
  remoteAddress = "127.0.0.1",
) {
  const parts: FormPart[] = [
    { name: "formToken", value: form.formToken },
    { name: "formKey", value: form.formKey },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...files.map((f) => ({ name: "identityDocument", fileName: f.fileName, bytes: f.bytes, type: f.type })),
  ];
  const body = multipartForm(parts);
  return app.inject({
    method: "POST",
    url: `/agencies/${agencyId}/disclosure/apply`,
    payload: body.payload,
    headers: {
      ...body.headers,
      accept: "text/html",
      ...(form.cookie ? { cookie: form.cookie } : {}),
      ...headers,
    },
    remoteAddress,
  });
}

/** The tracking number and verification code shown on a confirmation page. */
export function credentialsOf(html: string): { trackingNo: string; code: string } {
  const trackingNo = /id="tracking-no">([^<]+)</.exec(html)?.[1] ?? "";
  const code = /id="verification-code">([^<]+)</.exec(html)?.[1] ?? "";
  return { trackingNo, code };
}

/** Opens the status look-up form and POSTs a tracking number and code with it. */
export async function lookUp(
  app: FastifyInstance,
  trackingNo: string,
  code: string,
  remoteAddress = "127.0.0.1",
) {
  const form = await openForm(app, "/requests/status");
  return app.inject({
    method: "POST",
    url: "/requests/status",
    payload: new URLSearchParams({ formToken: form.formToken, trackingNo, code }).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "text/html",
      cookie: form.cookie,
    },
    remoteAddress,
  });
}
