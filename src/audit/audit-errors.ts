/**
 * The refusals of the audit service itself (beyond the readers' ReadError): a job past its wall-clock or
 * memory limit, a worker that died, a full queue, and an address auditing too often.
 */
import { errorFactory } from "../core/domain-error.ts";

/** Codes, HTTP statuses and default Chinese messages of the audit service's refusals. */
export const AUDIT_ERRORS = {
  AUDIT_TIMEOUT: {
    status: 422,
    message: "报告处理超时，已停止处理：文件可能异常或过于复杂，请检查文件后重试",
  },
  AUDIT_MEMORY_LIMIT: {
    status: 422,
    message: "报告处理所需内存超过上限，已停止处理：文件可能是“压缩炸弹”或内容异常",
  },
  AUDIT_WORKER_FAILED: {
    status: 422,
    message: "处理该文件时意外中断，已停止处理，请检查文件后重试",
  },
  AUDIT_BUSY: { status: 503, message: "体检服务繁忙，请稍后再试" },
  AUDIT_RATE_LIMITED: { status: 429, message: "您提交体检过于频繁，请稍后再试" },
} as const;

/** Makes a DomainError of one of the audit service's codes. */
export const failAudit = errorFactory(AUDIT_ERRORS);
