/**
 * The error codes of proactive disclosure (catalog, 先审后发, columns, channels), each with its HTTP status
 * and Chinese message; modules throw them through `failPublication`.
 */
import { errorFactory } from "../domain-error.ts";

/** The codes, statuses and default messages. */
export const PUBLICATION_ERRORS = {
  INVALID_TRANSITION: { status: 409, message: "当前状态下不能执行该操作" },
  OPINION_REQUIRED: { status: 400, message: "须填写意见" },
  REVIEWS_INCOMPLETE: {
    status: 409,
    message: "先审后发：未经保密审查、审核和审签的信息不能发布",
  },
  NOT_EDITABLE: { status: 409, message: "只有草稿可以修改；已发布的信息请通过“修订”发布新版本" },
  INDEX_NUMBER_TAKEN: { status: 409, message: "索引号已被使用，请重试" },
  INVALID_COLUMN: { status: 400, message: "栏目不存在或不属于本机关" },
  COLUMN_NOT_EMPTY: { status: 409, message: "栏目下还有子栏目或信息，不能删除" },
  ROOT_COLUMN_FIXED: { status: 409, message: "政府信息公开专栏的四个一级栏目不能修改或删除" },
  INVALID_CATEGORY: { status: 400, message: "条例第二十条类别不正确，应为（一）至（十五）之一" },
  INVALID_VALIDITY: { status: 400, message: "有效性不正确，应为 有效、失效、废止 或 修订" },
  ALREADY_AMENDED: { status: 409, message: "该信息已有修订版本" },
  UNSUPPORTED_ATTACHMENT: {
    status: 415,
    message:
      "附件类型不支持：仅接受 PDF、OFD、DOC、DOCX、XLS、XLSX、WPS、ET、JPG、PNG、ZIP 文件，且内容须与扩展名相符",
  },
  ATTACHMENT_TOO_LARGE: { status: 413, message: "附件过大：单个附件不能超过 32 MB" },
  EMPTY_ATTACHMENT: { status: 400, message: "附件为空" },
  INVALID_CHANNEL: { status: 400, message: "发布渠道不存在或不属于本机关" },
  DUPLICATE_CHANNEL: { status: 409, message: "本机关已登记同名的发布渠道" },
  PORTAL_CHANNEL_FIXED: { status: 409, message: "门户网站渠道由平台维护，不能修改" },
  IMPORT_INVALID: { status: 422, message: "导入文件有错误，未导入任何记录" },
  UNREADABLE_IMPORT: { status: 415, message: "无法读取导入文件：请上传 CSV（UTF-8）或 XLSX 文件" },
  INVALID_QUERY: { status: 400, message: "查询条件不正确" },
} as const;

/** A code of the table. */
export type PublicationErrorCode = keyof typeof PUBLICATION_ERRORS;

/** Makes the DomainError of a code (with its status), optionally with a more precise Chinese message. */
export const failPublication = errorFactory(PUBLICATION_ERRORS);
