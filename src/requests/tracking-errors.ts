/**
 * Error codes of the public request pages (online form, status page, downloads), each with its HTTP status
 * and Chinese message.
 */
import { errorFactory } from "../core/domain-error.ts";

/** The codes of the public request pages. */
export const TRACKING_ERRORS = {
  FORM_TOKEN_INVALID: {
    status: 403,
    message:
      "页面已失效或安全校验未通过，请重新打开申请页面后再提交。如果仍然出现此提示，请允许浏览器保存本网站的 Cookie。",
  },
  FORM_ORIGIN_REFUSED: { status: 403, message: "只能通过本网站的页面提交，不能从其他网站提交" },
  TRACKING_INVALID: {
    status: 404,
    message: "查询号或验证码不正确，请核对申请确认页上的查询号和6位验证码",
  },
  TRACKING_THROTTLED: {
    status: 429,
    message: "查询失败次数过多，为保护申请人的信息，请15分钟后再试",
  },
  DOWNLOAD_LINK_INVALID: {
    status: 403,
    message: "下载链接无效或已过期（有效期30分钟），请重新输入查询号和验证码查询后再下载",
  },
  LETTER_NOT_FOUND: { status: 404, message: "找不到该文书，请重新查询" },
  FILE_TOO_LARGE: { status: 413, message: "上传的文件过大：每个文件不能超过 10 MB" },
} as const;

/** Makes a DomainError of one of the public request codes. */
export const trackingFail = errorFactory(TRACKING_ERRORS);
