/**
 * Database faults that are not the client's doing and not a bug: PostgreSQL unreachable or restarting, a
 * SQLite file locked by another process, a full disk. Each is recognised from the driver's error (SQLite
 * result codes, PostgreSQL SQLSTATEs, Node socket errors, pg's connection messages) and answered with its
 * own code, HTTP status and Chinese message instead of a 500.
 */
import { DomainError } from "../core/domain-error.ts";

/** The faults, with the HTTP status and Chinese message each answers with. */
export const DATABASE_FAULTS = {
  DATABASE_UNAVAILABLE: { status: 503, message: "数据库暂时无法连接，请稍后再试" },
  DATABASE_BUSY: {
    status: 503,
    message: "数据库正被其他程序占用（正在写入），本次修改未保存，请稍后再试",
  },
  DISK_FULL: {
    status: 507,
    message: "服务器磁盘空间不足，本次修改未能保存；已有内容仍可查看，请联系系统管理员清理磁盘空间",
  },
} as const;

/** The code of a database fault. */
export type DatabaseFaultCode = keyof typeof DATABASE_FAULTS;

/** Socket errors of a connection that cannot be made or was cut. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/** PostgreSQL SQLSTATEs of a server going away or refusing connections (besides class 08). */
const PG_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "53300", "58030"]);

/** pg's own messages for a connection that is gone (they carry no code). */
const PG_LOST_MESSAGES = [
  "Connection terminated",
  "is not queryable",
  "timeout exceeded when trying to connect",
];

/** The fault of one error object, without looking at its causes. */
function faultOfOne(error: object): DatabaseFaultCode | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (code.startsWith("SQLITE_BUSY")) return "DATABASE_BUSY";
    if (code === "SQLITE_FULL" || code === "53100") return "DISK_FULL";
    if (code === "55P03") return "DATABASE_BUSY";
    if (NETWORK_CODES.has(code) || PG_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code))
      return "DATABASE_UNAVAILABLE";
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === "string" && PG_LOST_MESSAGES.some((m) => message.includes(m)))
    return "DATABASE_UNAVAILABLE";
  return undefined;
}

/** Which database fault an error is (looking through `cause` and AggregateError), or undefined. */
export function databaseFaultOf(error: unknown, depth = 0): DatabaseFaultCode | undefined {
  if (typeof error !== "object" || error === null || depth > 4) return undefined;
  if (error instanceof DomainError)
    return Object.hasOwn(DATABASE_FAULTS, error.code) ? (error.code as DatabaseFaultCode) : undefined;
  const own = faultOfOne(error);
  if (own) return own;
  const inner = [
    (error as { cause?: unknown }).cause,
    ...(Array.isArray((error as { errors?: unknown }).errors) ? (error as { errors: unknown[] }).errors : []),
  ];
  for (const candidate of inner) {
    const found = databaseFaultOf(candidate, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The typed error of a database fault (code, status, Chinese message), or undefined for other errors. */
export function databaseFaultError(error: unknown): DomainError | undefined {
  const fault = databaseFaultOf(error);
  if (!fault) return undefined;
  const spec = DATABASE_FAULTS[fault];
  return new DomainError(fault, spec.message, spec.status);
}

/** DATABASE_UNAVAILABLE (503) for a failure to reach the database, keeping the driver's error as its cause. */
export function databaseUnavailable(cause: unknown): DomainError {
  const spec = DATABASE_FAULTS.DATABASE_UNAVAILABLE;
  const error = new DomainError("DATABASE_UNAVAILABLE", spec.message, spec.status);
  error.cause = cause;
  return error;
}
