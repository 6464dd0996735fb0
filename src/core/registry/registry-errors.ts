/**
 * The registries' own error codes, each with its HTTP status and Chinese message (see errorFactory).
 */
import { errorFactory } from "../domain-error.ts";

/** Error codes of the registries and the litigation cases. */
export const REGISTRY_ERRORS = {
  DUPLICATE_DOC_NO: { status: 409, message: "该文号已在登记簿中，不能重复登记" },
  INVALID_RECORD: { status: 400, message: "登记内容不符合要求" },
  IMPORT_REJECTED: { status: 422, message: "导入文件中有不符合要求的行，全部未导入" },
  UNREADABLE_IMPORT: { status: 422, message: "无法读取导入文件：请上传 XLSX 或 CSV（UTF-8 或 GBK）文件" },
  IMPORT_TOO_LARGE: { status: 413, message: "导入文件过大：最多 10 MB、20000 行" },
  NO_FILE: { status: 400, message: "请上传导入文件（表单字段 file）" },
  UNKNOWN_REQUEST: { status: 400, message: "关联的政府信息公开申请不存在或不属于本机关" },
} as const;

/** A DomainError of a registry code. */
export const registryError = errorFactory(REGISTRY_ERRORS);
