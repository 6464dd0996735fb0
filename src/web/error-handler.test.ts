import { describe, expect, it } from "vitest";
import { DomainError } from "../core/domain-error.ts";
import { ReadError } from "../readers/read-error.ts";
import { describeError } from "./error-handler.ts";

describe("describeError", () => {
  it("maps a domain error to its status, code and Chinese message", () => {
    expect(describeError(new DomainError("NO_INPUT"))).toEqual({
      status: 400,
      body: { code: "NO_INPUT", message: "请上传报告文件或粘贴报告文本" },
    });
  });

  it("maps a ReadError to 422 with the reader's code and message", () => {
    expect(describeError(new ReadError("CORRUPT_FILE"))).toEqual({
      status: 422,
      body: { code: "CORRUPT_FILE", message: "文件已损坏，无法读取" },
    });
  });

  it("maps Fastify's framework errors to Chinese answers", () => {
    const err = (code: string, statusCode: number) =>
      Object.assign(new Error("english"), { code, statusCode });
    expect(describeError(err("FST_REQ_FILE_TOO_LARGE", 413)).body.code).toBe("PAYLOAD_TOO_LARGE");
    expect(describeError(err("FST_ERR_CTP_BODY_TOO_LARGE", 413)).status).toBe(413);
    expect(describeError(err("FST_ERR_CTP_INVALID_MEDIA_TYPE", 415))).toMatchObject({
      status: 415,
      body: { code: "UNSUPPORTED_MEDIA_TYPE" },
    });
    expect(describeError(err("FST_ERR_CTP_INVALID_JSON_BODY", 400)).body.code).toBe("INVALID_JSON");
    expect(describeError(err("FST_FILES_LIMIT", 413)).body.code).toBe("TOO_MANY_FILES");
    expect(describeError(err("FST_SOMETHING_ELSE", 409))).toEqual({
      status: 409,
      body: { code: "BAD_REQUEST", message: "请求有误，无法处理" },
    });
  });

  it("maps a validation error to 400 INVALID_INPUT naming the field", () => {
    const error = Object.assign(new Error("body/text must be string"), {
      validation: [{ instancePath: "/text", message: "must be string" }],
      statusCode: 400,
    });
    expect(describeError(error)).toEqual({
      status: 400,
      body: { code: "INVALID_INPUT", message: "提交的内容不符合要求（字段 text）" },
    });
  });

  it("hides unknown errors behind a generic 500 without their message", () => {
    const answer = describeError(new Error("database password is hunter2"));
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ code: "INTERNAL_ERROR", message: "服务器内部错误，请稍后再试" });
  });
});
