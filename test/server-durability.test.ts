/**
 * Durability of the real server process: SIGKILL in the middle of a burst of concurrent writes loses no
 * write that was answered 2xx, and leaves no half-done one (every agency has its trail entry, the chain
 * verifies); SIGTERM lets the requests in flight finish, refuses new ones, and exits cleanly.
 */
import { existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validCreditCode } from "../src/agencies/agency.test-support.ts";
import { testDialects, testPostgresUrl } from "../src/db/test-databases.ts";
import {
  type ApiClient,
  postgresStorage,
  type ServerProcess,
  type ServerStorage,
  signInApi,
  sqliteStorage,
  startServerProcess,
} from "./server-process.ts";

/** The password the administrator gets after the first sign-in. */
const ADMIN_PASSWORD = "Durable2025pass";

interface Agency {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly creditCode: string;
  readonly contact: { readonly phone: string };
}

/** A write of the burst, and what the server answered (undefined: no answer before the kill). */
interface Write {
  readonly kind: "create" | "patch";
  readonly name: string;
  readonly agencyId?: number;
  readonly phone: string;
  status?: number;
}

describe.each(testDialects())("server process on %s", (dialect) => {
  const running: ServerProcess[] = [];
  let storage: ServerStorage | undefined;
  afterEach(async () => {
    for (const server of running.splice(0)) await server.stop();
    await storage?.dispose();
    storage = undefined;
  });

  async function freshStorage(): Promise<ServerStorage> {
    const url = testPostgresUrl();
    storage = dialect === "postgres" && url ? await postgresStorage(url) : sqliteStorage();
    return storage;
  }

  async function start(on: ServerStorage): Promise<ServerProcess> {
    const server = await startServerProcess({ storage: on });
    running.push(server);
    return server;
  }

  /** Signs in as the first administrator and replaces the one-time password. */
  async function adminOf(server: ServerProcess): Promise<ApiClient> {
    const first = await signInApi(server.url, "admin", server.adminPassword ?? "");
    const changed = await first.call("POST", "/api/account/password", {
      currentPassword: server.adminPassword,
      newPassword: ADMIN_PASSWORD,
    });
    expect(changed.status).toBe(204);
    return first;
  }

  it("loses no write answered 2xx when killed with SIGKILL in the middle of a burst", async () => {
    const data = await freshStorage();
    const server = await start(data);
    const admin = await adminOf(server);
    const { body } = await admin.call<{ agencies: Agency[] }>("GET", "/api/agencies");
    const government = body.agencies.find((a) => a.parentId === null);
    if (!government) throw new Error("no demo government");
    // Departments to patch, one PATCH each in the burst, so every acknowledged value must survive.
    const targets: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const made = await admin.call<Agency>("POST", "/api/agencies", {
        parentId: government.id,
        name: `持久性测试局${i}`,
        kind: "department",
        creditCode: validCreditCode(800_000 + i),
      });
      expect(made.status).toBe(201);
      targets.push(made.body.id);
    }

    const writes: Write[] = [];
    let next = 0;
    let acknowledged = 0;
    let killed = false;
    const killAfter = 40;
    const worker = async () => {
      while (!killed) {
        const n = next;
        next += 1;
        const target = n % 4 === 3 ? targets[Math.floor(n / 4)] : undefined;
        const write: Write =
          target === undefined
            ? { kind: "create", name: `突发写入机关${n}`, phone: `0999-${String(n).padStart(7, "0")}` }
            : { kind: "patch", name: "", agencyId: target, phone: `0888-${String(n).padStart(7, "0")}` };
        writes.push(write);
        try {
          const res =
            write.kind === "create"
              ? await admin.call("POST", "/api/agencies", {
                  parentId: government.id,
                  name: write.name,
                  kind: "department",
                  creditCode: validCreditCode(900_000 + n),
                  contact: { phone: write.phone },
                })
              : await admin.call("PATCH", `/api/agencies/${write.agencyId}`, {
                  contact: { phone: write.phone },
                });
          write.status = res.status;
          if (res.status >= 200 && res.status < 300) acknowledged += 1;
          else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
        } catch (error) {
          // After the kill, connections fail: those writes had no answer and may or may not be stored.
          if (!killed) throw error;
        }
        if (acknowledged >= killAfter && !killed) {
          killed = true;
          server.signal("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    expect((await server.exited).signal).toBe("SIGKILL");
    const acked = writes.filter((w) => w.status !== undefined && w.status >= 200 && w.status < 300);
    expect(acked.length).toBeGreaterThanOrEqual(killAfter);
    // The kill came in the middle: some writes were still waiting for their answer.
    expect(writes.length).toBeGreaterThan(acked.length);

    const again = await start(data);
    expect(again.adminPassword, "first run does not repeat").toBeUndefined();
    const admin2 = await signInApi(again.url, "admin", ADMIN_PASSWORD);
    const after = (await admin2.call<{ agencies: Agency[] }>("GET", "/api/agencies")).body.agencies;
    const byName = new Map(after.map((a) => [a.name, a]));
    const byId = new Map(after.map((a) => [a.id, a]));
    for (const write of acked) {
      if (write.kind === "create") {
        expect(byName.get(write.name)?.contact.phone, write.name).toBe(write.phone);
      } else {
        expect(byId.get(write.agencyId ?? 0)?.contact.phone, `agency ${write.agencyId}`).toBe(write.phone);
      }
    }
    // Nothing half-done: the chain verifies and every agency has exactly its agency.create entry.
    const verify = await admin2.call<{ ok: boolean; checked: number }>("GET", "/api/trail/verify");
    expect(verify.body.ok).toBe(true);
    const creations = await admin2.call<{ total: number }>(
      "GET",
      "/api/trail?action=agency.create&pageSize=1",
    );
    expect(creations.body.total).toBe(after.length);
  }, 300_000);

  it("lets a request in flight finish on SIGTERM, refuses new ones, and exits 0", async () => {
    const data = await freshStorage();
    const server = await start(data);
    const admin = await adminOf(server);
    const government = (await admin.call<{ agencies: Agency[] }>("GET", "/api/agencies")).body.agencies.find(
      (a) => a.parentId === null,
    );
    const session = await sessionHeaders(server.url);
    const body = JSON.stringify({
      parentId: government?.id,
      name: "优雅停机测试局",
      kind: "department",
      creditCode: validCreditCode(700_001),
    });
    // A request whose headers have arrived but whose body is still coming when SIGTERM does.
    const answer = new Promise<{ status: number; text: string }>((done, fail) => {
      const req = httpRequest(`${server.url}/api/agencies`, {
        method: "POST",
        headers: {
          ...session,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        res.on("end", () => done({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", fail);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        server.signal("SIGTERM");
        setTimeout(() => req.end(body.slice(20)), 500);
      }, 300);
    });
    const finished = await answer;
    expect(finished.status, finished.text).toBe(201);
    // A new request during shutdown is refused (503 while closing, or no connection at all).
    const late = await fetch(`${server.url}/api/agencies`).then(
      (res) => res.status,
      () => 0,
    );
    expect([0, 503]).toContain(late);
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(server.output()).toContain("收到 SIGTERM");
    if (data.dialect === "sqlite") {
      // Closed cleanly: the last connection's close checkpoints the WAL into the file and removes it.
      const dir = data.env.GONGKAI_DATA_DIR ?? "";
      expect(existsSync(join(dir, "gongkai.sqlite"))).toBe(true);
      expect(existsSync(join(dir, "gongkai.sqlite-wal"))).toBe(false);
    }

    const again = await start(data);
    const admin2 = await signInApi(again.url, "admin", ADMIN_PASSWORD);
    const names = (await admin2.call<{ agencies: Agency[] }>("GET", "/api/agencies")).body.agencies.map(
      (a) => a.name,
    );
    expect(names).toContain("优雅停机测试局");
  }, 300_000);
});

/** Cookie and CSRF headers of a new administrator session (for a hand-made request). */
async function sessionHeaders(baseUrl: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith("gk_session=")) ?? "").split(";")[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookie ?? "", "x-csrf-token": csrfToken };
}
