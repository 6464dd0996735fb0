import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { logFormatOf, readableLogStream } from "./console-log.ts";

/** A Fastify server logging through the readable stream, with the request serializer the server uses. */
async function loggedServer(lines: string[]) {
  const app = Fastify({
    logger: {
      level: "info",
      stream: readableLogStream((text) => lines.push(text)),
      serializers: {
        req: (request: { method: string; url: string }) => ({
          method: request.method,
          path: request.url.split("?")[0],
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
  });
  app.get("/agencies/:id", async () => ({ ok: true }));
  app.get("/broken", async () => {
    throw new Error("磁盘已满");
  });
  await app.ready();
  return app;
}

describe("the readable console log", () => {
  it("writes one line per request: time, method, path without the query, status and duration", async () => {
    const lines: string[] = [];
    const app = await loggedServer(lines);
    await app.inject({ method: "GET", url: "/agencies/7?token=secret" });
    await app.inject({ method: "GET", url: "/nowhere" });
    await app.close();
    const requests = lines.filter((l) => l.includes("→"));
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatch(/^\d{2}:\d{2}:\d{2} GET \/agencies\/7 → 200（\d+ 毫秒）\n$/);
    expect(requests[1]).toMatch(/^\d{2}:\d{2}:\d{2} GET \/nowhere → 404（\d+ 毫秒）\n$/);
    expect(lines.join("")).not.toContain("token");
    expect(lines.join("")).not.toContain("{");
  });

  it("marks an error in Chinese with its message and stack", async () => {
    const lines: string[] = [];
    const app = await loggedServer(lines);
    await app.inject({ method: "GET", url: "/broken" });
    await app.close();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} 错误 GET \/broken Error: 磁盘已满\n {4}at /);
    expect(lines[1]).toMatch(/^\d{2}:\d{2}:\d{2} GET \/broken → 500（\d+ 毫秒）\n$/);
  });

  it("says where the server listens in Chinese", async () => {
    const lines: string[] = [];
    const app = await loggedServer(lines);
    await app.listen({ port: 0, host: "127.0.0.1" });
    await app.close();
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} 正在监听 http:\/\/127\.0\.0\.1:\d+\n$/);
  });

  it("tells the time in Beijing, whatever the machine's time zone", () => {
    const lines: string[] = [];
    const at = Date.UTC(2026, 0, 1, 16, 5, 9);
    readableLogStream((text) => lines.push(text)).write(
      `${JSON.stringify({ level: 30, time: at, msg: "Server listening at http://127.0.0.1:3000" })}\n`,
    );
    expect(lines).toEqual(["00:05:09 正在监听 http://127.0.0.1:3000\n"]);
  });

  it("passes a line that is not JSON through unchanged", () => {
    const lines: string[] = [];
    readableLogStream((text) => lines.push(text)).write("plain text");
    expect(lines).toEqual(["plain text\n"]);
  });
});

describe("the log format", () => {
  it("is readable on a terminal and JSON otherwise, unless GONGKAI_LOG_FORMAT says", () => {
    expect(logFormatOf({}, true)).toBe("readable");
    expect(logFormatOf({}, false)).toBe("json");
    expect(logFormatOf({ GONGKAI_LOG_FORMAT: "json" }, true)).toBe("json");
    expect(logFormatOf({ GONGKAI_LOG_FORMAT: "readable" }, false)).toBe("readable");
    expect(logFormatOf({ GONGKAI_LOG_FORMAT: " JSON " }, true)).toBe("json");
  });
});
