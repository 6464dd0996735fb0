/**
 * Sending a file (multipart/form-data) with the session's CSRF token, and the address of a download: the
 * JSON client does not carry files, so uploads read the token from GET /api/session first.
 */
import { ApiError, apiRequest } from "../api/api-client.ts";
import type { SessionAnswer } from "../api/api-types.ts";

/** POST a file with extra form fields; resolves to the JSON answer, rejects with ApiError. */
export async function uploadFile<T>(
  path: string,
  file: File,
  fields: Readonly<Record<string, string>> = {},
): Promise<T> {
  const { csrfToken } = await apiRequest<SessionAnswer>("/api/session");
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": csrfToken },
      credentials: "same-origin",
      body: form,
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "无法连接服务器，请检查网络后重试");
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body ?? {}) as { code?: unknown; message?: unknown };
    const message =
      typeof error.message === "string"
        ? error.message
        : `上传失败（服务器返回 ${response.status}），请稍后再试`;
    throw new UploadError(response.status, String(error.code ?? "HTTP_ERROR"), message, body);
  }
  return body as T;
}

/** A refused upload, keeping the server's whole answer (a ledger import lists the rejected rows in it). */
export class UploadError extends ApiError {
  /** The parsed JSON answer, or null. */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, body: unknown) {
    super(status, code, message);
    this.name = "UploadError";
    this.body = body;
  }
}

/** An API address with its query (empty values left out), for links that download a file. */
export function downloadUrl(
  path: string,
  query: Readonly<Record<string, string | number | undefined>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
