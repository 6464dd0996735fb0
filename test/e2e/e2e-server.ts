/**
 * The fixture of the browser tests: the real server (`node bin/gongkai.js serve`) on a free port with a
 * fresh temporary database — SQLite, or PostgreSQL when GONGKAI_E2E_DATABASE_URL (else
 * GONGKAI_TEST_POSTGRES_URL) names a server — seeded by first run (示范市人民政府 with 示范市公安局 and
 * 示范市财政局, and `admin`, whose one-time password is replaced by E2E_ADMIN_PASSWORD), and the back-office
 * shell built when missing or stale. Users are made through the API as the administrator (createE2eUser,
 * which then changes the initial password as its holder)
 * or with the operator command `gongkai user create` (createE2eUserWithCli: a password to change first).
 *
 * In an e2e file:
 *
 *   import { expect, test, createE2eUser, signInPage } from "./e2e-server.ts";
 *
 *   test("承办人 sees own agency", async ({ page, e2eServer }) => {
 *     const officer = await createE2eUser(e2eServer, {
 *       username: "li-4", roles: [{ agency: "示范市公安局", role: "case_officer" }],
 *     });
 *     await signInPage(page, officer);          // page.goto("/admin/") is relative to the server
 *   });
 *
 * One server is shared by the tests of a worker (the config runs one worker): use distinct usernames and
 * names per test. `startE2eServer()` gives a server of one's own when a test needs a pristine database.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { test as base, expect, type Page } from "@playwright/test";
import type { Role } from "../../src/core/access/permissions.ts";
import {
  type ApiClient,
  postgresStorage,
  REPOSITORY_ROOT,
  type ServerProcess,
  type ServerStorage,
  signInApi,
  sqliteStorage,
  startServerProcess,
} from "../server-process.ts";
import { ensureAdminBuild } from "./admin-build.ts";

export { expect };

const run = promisify(execFile);

/** The administrator's password once the fixture has replaced the one-time one. */
export const E2E_ADMIN_PASSWORD = "E2eAdmin2025pass";

/** The password createE2eUser gives unless told otherwise. */
export const E2E_PASSWORD = "E2eUser2025pass";

/** A person who can sign in. */
export interface E2eUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

/** An agency as GET /api/agencies answers it. */
export interface E2eAgency {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly kind: "government" | "department";
  readonly creditCode: string;
}

/** A running server for browser tests. */
export interface E2eServer {
  /** Base URL (also the tests' baseURL), e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** "sqlite" or "postgres". */
  readonly dialect: "sqlite" | "postgres";
  /** The first administrator (系统管理员 of 示范市人民政府), password already changed. */
  readonly admin: E2eUser;
  /** The administrator's signed-in API client (cookie and CSRF token sent on every call). */
  readonly api: ApiClient;
  /** The agencies as they are now, parents before children. */
  agencies(): Promise<E2eAgency[]>;
  /** The agency of that name (throws when there is none). */
  agency(name: string): Promise<E2eAgency>;
  /** The environment pointing at the server's database (for `gongkai` operator commands). */
  readonly databaseEnv: Readonly<Record<string, string>>;
  /** Everything the server process printed (logs, the first-run message). */
  output(): string;
  /** Stops the server (graceful SIGTERM) and throws the database away. */
  stop(): Promise<void>;
}

/** What createE2eUser needs: roles name the agency by name or id. */
export interface E2eUserSpec {
  readonly username: string;
  readonly displayName?: string;
  readonly password?: string;
  readonly roles: readonly { readonly agency: string | number; readonly role: Role }[];
}

/** The PostgreSQL server the browser tests use, if any. */
function e2ePostgresUrl(): string | undefined {
  return (
    process.env.GONGKAI_E2E_DATABASE_URL?.trim() || process.env.GONGKAI_TEST_POSTGRES_URL?.trim() || undefined
  );
}

/** Starts a server of its own on a fresh database, with the shell built and the administrator ready. */
export async function startE2eServer(): Promise<E2eServer> {
  ensureAdminBuild();
  const postgresUrl = e2ePostgresUrl();
  const storage: ServerStorage = postgresUrl ? await postgresStorage(postgresUrl) : sqliteStorage();
  let server: ServerProcess;
  try {
    server = await startServerProcess({ storage });
  } catch (error) {
    await storage.dispose();
    throw error;
  }
  try {
    const oneTime = server.adminPassword;
    if (!oneTime) throw new Error(`first run printed no administrator password:\n${server.output()}`);
    const api = await signInApi(server.url, "admin", oneTime);
    const changed = await api.call("POST", "/api/account/password", {
      currentPassword: oneTime,
      newPassword: E2E_ADMIN_PASSWORD,
    });
    if (changed.status !== 204)
      throw new Error(`could not set the administrator's password: ${changed.status}`);
    const me = await api.call<{ user: { id: number; displayName: string } }>("GET", "/api/session");
    const agencies = async () =>
      (await api.call<{ agencies: E2eAgency[] }>("GET", "/api/agencies")).body.agencies;
    return {
      url: server.url,
      dialect: storage.dialect,
      admin: {
        id: me.body.user.id,
        username: "admin",
        displayName: me.body.user.displayName,
        password: E2E_ADMIN_PASSWORD,
      },
      api,
      agencies,
      agency: async (name) => {
        const found = (await agencies()).find((a) => a.name === name);
        if (!found) throw new Error(`no agency named ${name}`);
        return found;
      },
      databaseEnv: storage.env,
      output: () => server.output(),
      stop: async () => {
        await server.stop();
        await storage.dispose();
      },
    };
  } catch (error) {
    await server.stop();
    await storage.dispose();
    throw error;
  }
}

/** Creates a user through POST /api/users as the administrator (no password change pending). */
export async function createE2eUser(server: E2eServer, spec: E2eUserSpec): Promise<E2eUser> {
  const agencies = await server.agencies();
  const roles = spec.roles.map(({ agency, role }) => {
    const found = agencies.find((a) => a.id === agency || a.name === agency);
    if (!found) throw new Error(`no agency ${agency}`);
    return { agencyId: found.id, role };
  });
  const password = spec.password ?? E2E_PASSWORD;
  const displayName = spec.displayName ?? `${spec.username} 的姓名`;
  // The administrator chooses an initial password, which its holder must change first (issue #9.12):
  // the person signs in once and sets `password`, as they would on 修改密码.
  const initialPassword = `${password}-initial`;
  const res = await server.api.call<{ id: number }>("POST", "/api/users", {
    username: spec.username,
    displayName,
    password: initialPassword,
    roles,
  });
  if (res.status !== 201) throw new Error(`could not create ${spec.username}: ${JSON.stringify(res.body)}`);
  const own = await signInApi(server.url, spec.username, initialPassword);
  const changed = await own.call("POST", "/api/account/password", {
    currentPassword: initialPassword,
    newPassword: password,
  });
  if (changed.status !== 204) throw new Error(`could not set ${spec.username}'s password: ${changed.status}`);
  return { id: res.body.id, username: spec.username, displayName, password };
}

/** What createE2eUserWithCli needs: one role in one agency, as `gongkai user create` takes it. */
export interface E2eCliUserSpec {
  readonly username: string;
  readonly displayName?: string;
  readonly agency: string | number;
  readonly role: Role;
  /** The initial password; generated and read from the command's output when not given. */
  readonly password?: string;
}

/**
 * Creates a user with the operator command `gongkai user create` on the server's database, as an operator
 * would: the password was chosen for them, so they must change it at the first sign-in.
 */
export async function createE2eUserWithCli(server: E2eServer, spec: E2eCliUserSpec): Promise<E2eUser> {
  const agency = (await server.agencies()).find((a) => a.id === spec.agency || a.name === spec.agency);
  if (!agency) throw new Error(`no agency ${spec.agency}`);
  const displayName = spec.displayName ?? `${spec.username} 的姓名`;
  const args = [
    join(REPOSITORY_ROOT, "bin/gongkai.js"),
    "user",
    "create",
    "--username",
    spec.username,
    "--name",
    displayName,
    "--agency",
    String(agency.id),
    "--role",
    spec.role,
    ...(spec.password === undefined ? [] : ["--password", spec.password]),
  ];
  const { stdout } = await run(process.execPath, args, {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...server.databaseEnv },
  });
  const id = Number(/（ID (\d+)，/.exec(stdout)?.[1]);
  const password = spec.password ?? /初始密码：(\S+)/.exec(stdout)?.[1];
  if (!Number.isInteger(id) || !password) throw new Error(`unexpected output of user create:\n${stdout}`);
  return { id, username: spec.username, displayName, password };
}

/** Signs in through the back office's login page (/admin/) and waits for the signed-in frame. */
export async function signInPage(page: Page, user: Pick<E2eUser, "username" | "password">): Promise<void> {
  await page.goto("/admin/");
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByRole("button", { name: "退出登录" }).waitFor();
}

/** Signs out through the frame's 退出登录 button and waits for the login page. */
export async function signOutPage(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.getByLabel("用户名").waitFor();
}

/** The Playwright test with `e2eServer` (one per worker) and `baseURL` pointing at it. */
export const test = base.extend<Record<never, never>, { e2eServer: E2eServer }>({
  e2eServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const server = await startE2eServer();
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ e2eServer }, use) => {
    await use(e2eServer.url);
  },
});
