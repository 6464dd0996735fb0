/**
 * The one way the shell talks to the server: fetch with the session cookie, JSON in and out, the CSRF
 * token on every state-changing call, and errors as ApiError carrying the server's Chinese message.
 */

/** Error answered by the server (or a network failure), with the message to show. */
export class ApiError extends Error {
  /** HTTP status (0 when the server could not be reached). */
  readonly status: number;
  /** Stable code from the server, e.g. LOGIN_FAILED. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the CSRF token of the current session (from POST or GET /api/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Call `listener` whenever the server answers 401 (session missing or expired). */
export function setUnauthenticatedListener(listener: (() => void) | null): void {
  onUnauthenticated = listener;
}

/** Options of apiRequest. */
export interface ApiRequestOptions {
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | undefined | null>>;
  /** Do not report a 401 to the listener (the login call itself, the first session probe). */
  readonly quietUnauthenticated?: boolean;
}

/** The URL of an API path with its query (empty values left out). */
function urlOf(path: string, query: ApiRequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The error an answer that is not OK stands for. */
async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown };
    if (typeof body.message === "string") {
      return new ApiError(response.status, String(body.code ?? "ERROR"), body.message);
    }
  } catch {
    // Not JSON (e.g. a proxy's error page): fall through to a generic message.
  }
  return new ApiError(response.status, "HTTP_ERROR", `服务器返回错误（${response.status}），请稍后再试`);
}

/** Call the API; resolves to the parsed JSON answer (undefined for 204), rejects with ApiError. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "无法连接服务器，请检查网络后重试");
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The message to show for any failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "操作失败，请稍后再试";
}
