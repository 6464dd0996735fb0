/**
 * The letters module's own error codes, each with its HTTP status and Chinese message (pure: the letter machine throws them too).
 */
import { errorFactory } from "../domain-error.ts";

/** The error codes of letters and letter templates. */
export const LETTER_ERRORS = {
  LETTER_NOT_FOUND: { status: 404, message: "找不到该文书" },
  LETTER_ISSUED: { status: 409, message: "该文书已签发，签发后的文书不能再修改" },
  LETTER_NOT_ISSUED: { status: 409, message: "该文书尚未签发，签发后方可下载" },
  LETTER_CHANGED: { status: 409, message: "该文书已被他人修改或签发，请刷新后重试" },
  LETTER_OUTCOME_REQUIRED: {
    status: 400,
    message: "请选择处理结果：答复书和不予处理告知书须按处理结果生成",
  },
  LETTER_OUTCOME_INVALID: { status: 400, message: "所选处理结果不适用于该类文书" },
  LETTER_UNFILLED: { status: 422, message: "文书中仍有未填写的内容，请补充后再签发" },
  LETTER_EMPTY: { status: 400, message: "文书标题和正文不能为空" },
  TEMPLATE_PLACEHOLDER_UNKNOWN: { status: 400, message: "模板中有不认识的占位符" },
  TEMPLATE_SYNTAX: { status: 400, message: "模板中的段落标记不成对" },
  TEMPLATE_NOT_SAVED: { status: 404, message: "该模板未曾修改，无需恢复默认" },
  TEMPLATE_FORBIDDEN: { status: 403, message: "只有本级人民政府的系统管理员可以修改全系统默认模板" },
} as const;

/** Makes a DomainError of a letters code. */
export const letterError = errorFactory(LETTER_ERRORS);
