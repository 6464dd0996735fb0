/**
 * Malformed requests refused before any route runs, answered in Chinese like every other failure: a path
 * with bad percent-encoding or an over-long parameter (Fastify's frameworkErrors → the error page or
 * `{ code, message }`), and requests Node's HTTP parser cannot read at all — over-long headers or cookies
 * (431), a broken request line or header (400), a timeout (408) — answered on the raw socket.
 */
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { describeError, sendError } from "./error-handler.ts";

/** Fastify's `frameworkErrors` option: the error page or `{ code, message }`, as for any other failure. */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const answer = describeError(error);
  request.log.info({ code: answer.body.code, status: answer.status }, "request rejected");
  return sendError(request, reply, answer);
}

/** The answer to a request the HTTP parser refused, by the parser's error code. */
function clientErrorAnswer(code: string | undefined): { status: number; reason: string; message: string } {
  if (code === "HPE_HEADER_OVERFLOW") {
    return {
      status: 431,
      reason: "Request Header Fields Too Large",
      message: "请求头过大（例如 Cookie 过多或过长），请清除本网站的 Cookie 后重试",
    };
  }
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return { status: 408, reason: "Request Timeout", message: "请求超时，请重试" };
  }
  return { status: 400, reason: "Bad Request", message: "请求格式有误，无法处理" };
}

/** Fastify's `clientErrorHandler` option: a Chinese `{ code, message }` written on the socket, then closed. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const { status, reason, message } = clientErrorAnswer(error.code);
  const body = JSON.stringify({ code: "BAD_REQUEST", message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
