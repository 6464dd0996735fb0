/**
 * Errors the server shows to users: a stable machine `code`, an HTTP status and a message in Chinese.
 * Every failure a client can cause is one of these (or is translated into one by the error handler).
 */

/** Stable codes of the errors the server answers with. */
export type DomainErrorCode =
  | "NO_INPUT"
  | "INVALID_INPUT"
  | "INVALID_DATE"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_FILES"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INVALID_JSON"
  | "UNREADABLE_REPORT"
  | "UNAUTHENTICATED"
  | "SESSION_EXPIRED"
  | "LOGIN_FAILED"
  | "ACCOUNT_LOCKED"
  | "ACCOUNT_DISABLED"
  | "TOO_MANY_ATTEMPTS"
  | "CSRF_INVALID"
  | "FORBIDDEN"
  | "WEAK_PASSWORD"
  | "WRONG_PASSWORD"
  | "INVALID_CREDIT_CODE"
  | "DUPLICATE_NAME"
  | "DUPLICATE_CREDIT_CODE"
  | "DUPLICATE_USERNAME"
  | "UNKNOWN_FIELD"
  | "CONFLICT"
  | "INTERNAL_ERROR";

/** HTTP status and default Chinese message of each code. */
export const DOMAIN_ERRORS: Readonly<Record<DomainErrorCode, { status: number; message: string }>> = {
  NO_INPUT: { status: 400, message: "请上传报告文件或粘贴报告文本" },
  INVALID_INPUT: { status: 400, message: "提交的内容不符合要求" },
  INVALID_DATE: { status: 400, message: "发布日期格式不正确，应为 YYYY-MM-DD" },
  NOT_FOUND: { status: 404, message: "找不到您要访问的页面或接口" },
  METHOD_NOT_ALLOWED: { status: 405, message: "不支持该请求方法" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "上传的内容过大：单个文件不能超过 32 MB" },
  TOO_MANY_FILES: { status: 413, message: "上传的文件过多：最多上传本年度报告和上一年度报告各一份" },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: "不支持的请求格式：请以表单（multipart/form-data）上传文件，或以 JSON 提交文本",
  },
  INVALID_JSON: { status: 400, message: "JSON 格式有误，无法解析" },
  UNREADABLE_REPORT: { status: 422, message: "无法读取该报告文件" },
  UNAUTHENTICATED: { status: 401, message: "请先登录" },
  SESSION_EXPIRED: { status: 401, message: "登录已过期，请重新登录" },
  LOGIN_FAILED: { status: 401, message: "用户名或密码不正确" },
  ACCOUNT_LOCKED: { status: 423, message: "登录失败次数过多，账号已暂时锁定，请稍后再试" },
  ACCOUNT_DISABLED: { status: 403, message: "该账号已停用，请联系系统管理员" },
  TOO_MANY_ATTEMPTS: { status: 429, message: "尝试次数过多，请稍后再试" },
  CSRF_INVALID: { status: 403, message: "页面已失效（安全校验未通过），请刷新页面后重试" },
  FORBIDDEN: { status: 403, message: "您没有执行该操作的权限" },
  WEAK_PASSWORD: { status: 400, message: "密码至少 10 位，且须同时包含字母和数字" },
  WRONG_PASSWORD: { status: 400, message: "当前密码不正确" },
  INVALID_CREDIT_CODE: { status: 400, message: "统一社会信用代码不正确：应为 18 位，且校验码符合 GB 32100" },
  DUPLICATE_NAME: { status: 409, message: "同一上级机关下已有同名机关" },
  DUPLICATE_CREDIT_CODE: { status: 409, message: "该统一社会信用代码已被其他机关使用" },
  DUPLICATE_USERNAME: { status: 409, message: "该用户名已被使用" },
  UNKNOWN_FIELD: { status: 400, message: "提交的内容包含不认识的字段" },
  CONFLICT: { status: 409, message: "数据已被他人修改，请刷新后重试" },
  INTERNAL_ERROR: { status: 500, message: "服务器内部错误，请稍后再试" },
};

/** A failure to show to the user: stable `code`, HTTP `status`, Chinese `message`. */
export class DomainError extends Error {
  /** The stable code of the failure. */
  readonly code: string;
  /** The HTTP status the failure answers with. */
  readonly status: number;

  /** Make an error of a known code, with its default message unless another Chinese message is given. */
  constructor(code: DomainErrorCode, message?: string);
  /** Make an error of a module's own code (see errorFactory), with its status and Chinese message. */
  constructor(code: string, message: string, status: number);
  constructor(code: string, message?: string, status?: number) {
    const known = Object.hasOwn(DOMAIN_ERRORS, code) ? DOMAIN_ERRORS[code as DomainErrorCode] : undefined;
    super(message ?? known?.message ?? DOMAIN_ERRORS.INTERNAL_ERROR.message);
    this.name = "DomainError";
    this.code = code;
    this.status = status ?? known?.status ?? 500;
  }
}

/** A module's own error codes, each with its HTTP status and default Chinese message. */
export type ErrorTable = Readonly<Record<string, { readonly status: number; readonly message: string }>>;

/**
 * A maker of DomainErrors for a module's own code table (e.g. the request state machine's codes), so each
 * module keeps its codes beside its rules: `const fail = errorFactory(REQUEST_ERRORS); throw fail("X")`.
 */
export function errorFactory<T extends ErrorTable>(
  table: T,
): (code: keyof T & string, message?: string) => DomainError {
  return (code, message) => {
    const spec = table[code];
    return new DomainError(code, message ?? spec?.message ?? "", spec?.status ?? 500);
  };
}

/** The body of every error answer. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
}
