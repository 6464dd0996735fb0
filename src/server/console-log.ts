/**
 * The server's log as an office reads it on a terminal: one short line per request when it completes (time,
 * method, path, status, duration), warnings and errors marked in Chinese with their message; the JSON lines
 * (one per event, for log collectors) when the output is not a terminal or GONGKAI_LOG_FORMAT=json.
 */

/** How the log is written: readable lines, or pino's JSON lines. */
export type LogFormat = "readable" | "json";

/** The format: GONGKAI_LOG_FORMAT (json | readable) when set, else readable on a terminal and JSON otherwise. */
export function logFormatOf(env: NodeJS.ProcessEnv, isTty: boolean): LogFormat {
  const asked = env.GONGKAI_LOG_FORMAT?.trim().toLowerCase();
  if (asked === "json") return "json";
  if (asked === "readable" || asked === "pretty") return "readable";
  return isTty ? "readable" : "json";
}

/** pino's numeric levels, named as the console shows them (info has no mark). */
const LEVELS: ReadonlyArray<readonly [number, string]> = [
  [60, "严重错误"],
  [50, "错误"],
  [40, "警告"],
  [30, ""],
  [20, "调试"],
  [0, "跟踪"],
];

/** One pino line's fields this formatter reads. */
interface LogEntry {
  readonly level?: number;
  readonly time?: number;
  readonly msg?: string;
  readonly reqId?: string;
  readonly req?: { readonly method?: string; readonly path?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly err?: { readonly message?: string; readonly stack?: string };
}

/** HH:MM:SS in Asia/Shanghai, whatever the machine's time zone. */
const SHANGHAI_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Beijing wall-clock time HH:MM:SS of a pino timestamp. */
function clock(time: number | undefined): string {
  return SHANGHAI_CLOCK.format(new Date(time ?? 0));
}

/** The most requests waiting for their completion line; older ones are forgotten (their line shows no path). */
const MAX_PENDING = 10_000;

/**
 * A pino destination that turns its JSON lines into readable ones written to `write`: the incoming-request
 * line is held until the request completes, so each request is one line; a line that is not JSON passes as is.
 */
export function readableLogStream(write: (text: string) => void): { write(line: string): void } {
  const pending = new Map<string, { method: string; path: string }>();
  return {
    write(line: string): void {
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        write(line.endsWith("\n") ? line : `${line}\n`);
        return;
      }
      if (entry.req && entry.reqId !== undefined && !entry.res && entry.msg === "incoming request") {
        if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string);
        pending.set(entry.reqId, { method: entry.req.method ?? "?", path: entry.req.path ?? "?" });
        return;
      }
      write(`${readableLine(entry, pending)}\n`);
    },
  };
}

/** One entry as a line; a completed request takes the method and path its incoming line left in `pending`. */
function readableLine(entry: LogEntry, pending: Map<string, { method: string; path: string }>): string {
  const level = entry.level ?? 30;
  const mark = LEVELS.find(([floor]) => level >= floor)?.[1] ?? "";
  const head = `${clock(entry.time)}${mark ? ` ${mark}` : ""}`;
  if (entry.res?.statusCode !== undefined && entry.reqId !== undefined && entry.err === undefined) {
    const request = pending.get(entry.reqId);
    pending.delete(entry.reqId);
    const what = request ? `${request.method} ${request.path}` : `请求 ${entry.reqId}`;
    const took = entry.responseTime === undefined ? "" : `（${Math.round(entry.responseTime)} 毫秒）`;
    return `${head} ${what} → ${entry.res.statusCode}${took}`;
  }
  const where = entry.req ? ` ${entry.req.method ?? ""} ${entry.req.path ?? ""}` : "";
  // An error shows its stack (its first line is the message); anything else its message (Fastify's in Chinese).
  const message = (entry.msg ?? "").replace(/^Server listening at /, "正在监听 ");
  return `${head}${where} ${entry.err?.stack ?? entry.err?.message ?? message}`;
}
