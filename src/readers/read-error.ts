/**
 * The one error a reader throws: a stable machine code and a message in Chinese for the user.
 */

/** Stable codes of reading failures. */
export type ReadErrorCode =
  | "EMPTY_FILE"
  | "FILE_TOO_LARGE"
  | "BINARY_GARBAGE"
  | "UNSUPPORTED_FORMAT"
  | "CORRUPT_FILE"
  | "NOT_A_REPORT"
  | "INFLATED_TOO_LARGE"
  | "TOO_MANY_ENTRIES";

/** Chinese default messages, one per code. */
export const READ_ERROR_MESSAGES: Readonly<Record<ReadErrorCode, string>> = {
  EMPTY_FILE: "文件为空",
  FILE_TOO_LARGE: "文件过大（超过 32 MB）",
  BINARY_GARBAGE: "文件内容不是可读的文字（可能是二进制文件或已损坏）",
  UNSUPPORTED_FORMAT: "无法识别的文件格式：不是文本、HTML、DOCX、XLSX 或 PDF",
  CORRUPT_FILE: "文件已损坏，无法读取",
  NOT_A_REPORT: "不是政府信息公开工作年度报告",
  INFLATED_TOO_LARGE: "文件解压后的内容过大（疑似“压缩炸弹”），已拒绝处理",
  TOO_MANY_ENTRIES: "压缩包内的文件过多（疑似“压缩炸弹”），已拒绝处理",
};

/** A file could not be read; `code` is stable, `message` is Chinese and shown to the user. */
export class ReadError extends Error {
  /** The stable code of the failure. */
  readonly code: ReadErrorCode;

  /** Make an error with a code and a Chinese message (the code's default message if none is given). */
  constructor(code: ReadErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? READ_ERROR_MESSAGES[code], options);
    this.name = "ReadError";
    this.code = code;
  }
}
