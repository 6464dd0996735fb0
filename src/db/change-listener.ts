/**
 * Hearing other instances' changes on PostgreSQL: one connection per instance LISTENs on the change channel and
 * hands each notification to the hub. When that connection drops, the hub is marked not live (its listeners
 * forget everything, since a notification may have been missed) and the connection is made again, backing off
 * from 100 ms to 5 s; once listening again the hub is live.
 */
import pg from "pg";
import { CHANGE_CHANNEL, type ChangeHub } from "./committed-changes.ts";

/** First and longest wait before connecting again. */
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

/** A notification's payload as a change, or undefined when it is not one of ours. */
function parsePayload(payload: string | undefined): { i: string; a: number | null; e: string } | undefined {
  if (!payload) return undefined;
  try {
    const value = JSON.parse(payload) as { i?: unknown; a?: unknown; e?: unknown };
    if (typeof value.i !== "string" || typeof value.e !== "string") return undefined;
    const agencyId = typeof value.a === "number" ? value.a : null;
    return { i: value.i, a: agencyId, e: value.e };
  } catch {
    return undefined;
  }
}

/** Starts listening for `hub` on the database at `url`; the returned function stops and closes the connection. */
export function listenForChanges(url: string, hub: ChangeHub): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | undefined;

  const lost = (current: pg.Client) => {
    if (client !== current) return;
    client = undefined;
    current.removeAllListeners("notification");
    current.end().catch(() => {});
    if (stopped) return;
    if (hub.live) hub.setLive(false);
    timer = setTimeout(connect, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  const connect = () => {
    timer = undefined;
    if (stopped) return;
    const current = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client = current;
    current.on("error", () => lost(current));
    current.on("end", () => lost(current));
    current.on("notification", (message) => {
      const change = parsePayload(message.payload);
      if (!change || change.i === hub.instanceId) return;
      hub.emit({ agencyId: change.a, entityType: change.e });
    });
    current
      .connect()
      .then(() => {
        // Listening never keeps the process alive by itself (a command that forgets to close still ends).
        (
          current as unknown as { connection?: { stream?: { unref?: () => void } } }
        ).connection?.stream?.unref?.();
        return current.query(`LISTEN ${CHANGE_CHANNEL}`);
      })
      .then(() => {
        if (client !== current || stopped) return;
        retryMs = RETRY_MIN_MS;
        hub.setLive(true);
      })
      .catch(() => lost(current));
  };

  connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
