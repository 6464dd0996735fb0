/**
 * `exportSite`: writes the public site as static files by injecting its URLs into the live server's own
 * routes (the same code renders both), crawling the links of each answer from the portal home and each
 * agency's 政府信息公开 column, so every link is checked on the way. Forms, search and look-ups are left to the
 * application (see export-paths.ts); only changed files are written; files of vanished pages are removed.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { listAgencies } from "../agencies/agency.service.ts";
import type { Database } from "../db/database.ts";
import {
  agencyOfPath,
  exportFileOf,
  isProxied,
  linksOf,
  resolveLink,
  type SiteUrl,
  urlKey,
} from "./export-paths.ts";
import {
  listExportFiles,
  readDispositions,
  removeExportFile,
  writeDispositions,
  writeIfChanged,
} from "./export-store.ts";

/** Requests in flight at once (PostgreSQL answers them in parallel; SQLite one after another). */
const CONCURRENCY = 6;
/** Further tries of a URL that answered a server error. */
const RETRIES = 3;

/** What to export. */
export interface ExportOptions {
  /** The export folder (absolute). */
  readonly root: string;
  /** The public address of the site, e.g. https://gk.example.gov.cn (absolute links in the Atom feeds). */
  readonly origin: string;
  /** Only these agencies' pages (and the portal pages); all agencies when absent. */
  readonly agencyIds?: readonly number[];
  /** Called after each answer with the number of URLs fetched so far. */
  readonly onProgress?: (fetched: number) => void;
}

/** A link of an exported page (the first one found) that leads to no exported file and not to the application. */
export interface BrokenLink {
  readonly from: string;
  readonly to: string;
  readonly status: number;
}

/** The outcome of one export pass. */
export interface ExportSummary {
  /** HTML pages in the export (of this pass's scope). */
  readonly pages: number;
  /** Files in the export (pages, feeds, styles, downloads) of this pass's scope. */
  readonly files: number;
  /** Files whose bytes changed and were written. */
  readonly written: number;
  /** Files removed (pages that no longer exist). */
  readonly removed: number;
  /** The files written and removed ("/"-separated, relative to the root). */
  readonly changedFiles: readonly string[];
  /** Bytes of the exported files. */
  readonly bytes: number;
  readonly seconds: number;
  readonly brokenLinks: readonly BrokenLink[];
  /** The URLs whose answers are in the export (path and query). */
  readonly urls: readonly string[];
  /** URLs that answered a server error even when tried again (then no file was removed). */
  readonly failed: readonly string[];
}

/** The headers that make an injected request look like a visitor's at the public address. */
function originHeaders(origin: string): Record<string, string> {
  const url = new URL(origin);
  return { host: url.host, "x-forwarded-host": url.host, "x-forwarded-proto": url.protocol.replace(":", "") };
}

/** Exports the site (or some agencies' part of it) into `options.root`. */
export async function exportSite(
  app: FastifyInstance,
  database: Database,
  options: ExportOptions,
): Promise<ExportSummary> {
  const started = performance.now();
  const origin = new URL(options.origin).origin;
  const headers = originHeaders(origin);
  const agencies = options.agencyIds ?? (await listAgencies(database)).map((a) => a.id);
  const scope = new Set(agencies);
  const inScope = (path: string) => {
    const agency = agencyOfPath(path);
    return agency === undefined || scope.has(agency);
  };

  const queue: SiteUrl[] = [{ path: "/", query: "" }];
  // Each agency's column, and the pages no column links to (the decisions and the message board).
  for (const id of agencies) {
    for (const path of ["/disclosure", "/disclosure/decisions", "/messages"]) {
      queue.push({ path: `/agencies/${id}${path}`, query: "" });
    }
  }
  // Every URL seen, with the first page linking to it ("" for the starting points), and its outcome.
  const referrer = new Map(queue.map((url) => [urlKey(url), ""]));
  const status = new Map<string, number>();
  const files = new Set<string>();
  const changedFiles: string[] = [];
  const dispositions = new Map<string, string>();
  const made = new Set<string>();
  let pages = 0;
  let fetched = 0;
  let bytes = 0;
  let written = 0;

  const failed: string[] = [];
  const urls: string[] = [];
  const visit = async (url: SiteUrl) => {
    const key = urlKey(url);
    let answer = await app.inject({ method: "GET", url: key, headers });
    // A database fault (503, 500) is tried again; a page that still fails is kept as it was on disk.
    for (let attempt = 1; answer.statusCode >= 500 && attempt <= RETRIES; attempt++) {
      await sleep(200 * attempt);
      answer = await app.inject({ method: "GET", url: key, headers });
    }
    if (answer.statusCode >= 500) failed.push(key);
    fetched++;
    options.onProgress?.(fetched);
    const contentType = String(answer.headers["content-type"] ?? "");
    const disposition = answer.headers["content-disposition"] as string | undefined;
    // A page that sets a cookie is per-visitor (a form's token): it stays with the application.
    const file =
      answer.statusCode === 200 && answer.headers["set-cookie"] === undefined
        ? exportFileOf(url, contentType, disposition)
        : undefined;
    status.set(key, file ? 200 : answer.statusCode === 200 ? 0 : answer.statusCode);
    if (!file) return;
    // Written as it comes (a province's export does not fit in memory), only when its bytes changed.
    files.add(file);
    urls.push(key);
    bytes += answer.rawPayload.length;
    if (await writeIfChanged(options.root, file, answer.rawPayload, made)) {
      written++;
      changedFiles.push(file);
    }
    if (disposition) dispositions.set(url.path, disposition);
    if (contentType.startsWith("text/html")) pages++;
    for (const href of linksOf(answer.body, contentType)) {
      const target = resolveLink(href, url.path, origin);
      if (!target || isProxied(target) || !inScope(target.path)) continue;
      const targetKey = urlKey(target);
      if (referrer.has(targetKey)) continue;
      referrer.set(targetKey, key);
      queue.push(target);
    }
  };

  // A worker finding the queue empty may stop while another still adds links: run until nothing is left.
  const cursor = { next: 0 };
  while (cursor.next < queue.length) {
    await Promise.all(Array.from({ length: CONCURRENCY }, () => drain(queue, cursor, visit)));
  }

  let removed = 0;
  const partial = options.agencyIds !== undefined;
  // After a failed page nothing is removed: what it linked to was not seen.
  for (const rel of failed.length > 0 ? [] : await listExportFiles(options.root)) {
    if (files.has(rel)) continue;
    const agency = agencyOfPath(`/${rel}`);
    // A partial export removes only its agencies' files; a full one anything it did not write.
    if (partial && (agency === undefined || !scope.has(agency))) continue;
    await removeExportFile(options.root, rel);
    removed++;
    changedFiles.push(rel);
  }
  const kept = [...(await readDispositions(options.root))].filter(([uri]) => {
    if (failed.length > 0) return !dispositions.has(uri);
    const agency = agencyOfPath(uri);
    return partial && agency !== undefined && !scope.has(agency);
  });
  written += await writeDispositions(options.root, new Map([...kept, ...dispositions]));

  const failedSet = new Set(failed);
  const brokenLinks = [...referrer]
    .filter(([to, from]) => from !== "" && status.get(to) !== 200 && !failedSet.has(to))
    .map(([to, from]) => ({ from, to, status: status.get(to) ?? 0 }));
  return {
    pages,
    files: files.size,
    written,
    removed,
    changedFiles,
    bytes,
    seconds: (performance.now() - started) / 1000,
    brokenLinks,
    urls,
    failed,
  };
}

/** Visits queued URLs until none is left (the cursor is shared by the workers). */
async function drain(
  queue: readonly SiteUrl[],
  cursor: { next: number },
  visit: (url: SiteUrl) => Promise<void>,
): Promise<void> {
  while (cursor.next < queue.length) {
    const url = queue[cursor.next++];
    if (url) await visit(url);
  }
}
