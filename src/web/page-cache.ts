/**
 * The cache of rendered public pages: bytes and a strong ETag per key, bounded in memory (least recently used
 * out first, by bytes), each page tagged with what it shows ("publication@12": agency 12's publications,
 * "agency@*": every agency). A committed change of an entity type drops the pages showing it for its agency
 * (or for all agencies when the change is platform-wide); a "reset" (the LISTEN connection lost) drops them all,
 * and while changes are not all heard nothing is served or kept. A page rendered while a change of its tags was
 * committed is not kept (the ticket taken when its request began is older than the change).
 */
import { createHash } from "node:crypto";
import {
  type ChangeEvent,
  type ChangeHub,
  type CommittedChange,
  changeHubOf,
} from "../db/committed-changes.ts";
import type { Database } from "../db/database.ts";

/** Default bound of the cache: 64 MB (GONGKAI_PAGE_CACHE_MB). */
export const DEFAULT_PAGE_CACHE_MB = 64;

/** A kept page. */
export interface CachedPage {
  readonly body: Buffer;
  readonly etag: string;
  /** The headers it was first sent with (content type, security headers), replayed with it. */
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly tags: readonly string[];
}

/** Bytes a page is counted for: its body, its key and a little for the entry itself. */
function weightOf(key: string, body: Buffer): number {
  return body.length + key.length * 2 + 200;
}

/** The tag of what a page shows: an entity type of one agency, or of every agency (`agencyId` null). */
export function pageTag(entityType: string, agencyId: number | string | null): string {
  return `${entityType}@${agencyId ?? "*"}`;
}

/** A strong ETag of the bytes. */
export function strongEtag(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** The cache itself: an LRU map by bytes with a tag index and change clocks. */
export class PageCache {
  readonly maxBytes: number;
  readonly #entries = new Map<string, CachedPage & { weight: number }>();
  readonly #byTag = new Map<string, Set<string>>();
  /** A counter that moves on every drop; tickets are its value when a request began. */
  #clock = 0;
  #clearedAt = 0;
  readonly #tagChangedAt = new Map<string, number>();
  readonly #typeChangedAt = new Map<string, number>();
  #bytes = 0;
  #live: () => boolean;

  constructor(maxBytes: number, live: () => boolean = () => true) {
    this.maxBytes = maxBytes;
    this.#live = live;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Pages held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** Whether pages may be served and kept now (every committed change is being heard). */
  get live(): boolean {
    return this.#live();
  }

  /** The ticket of a request beginning now, to give back to `put`. */
  ticket(): number {
    return this.#clock;
  }

  /** The page kept under `key` (now the most recently used), or undefined. */
  get(key: string): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * Keeps a page rendered by a request that took `ticket`, unless a change of one of its tags (or a reset)
   * came since, or it is larger than the whole cache. Returns the kept page, or undefined.
   */
  put(
    key: string,
    page: { body: Buffer; headers: Readonly<Record<string, string | string[]>> },
    tags: readonly string[],
    ticket: number,
  ): CachedPage | undefined {
    if (!this.live || this.#clearedAt > ticket) return undefined;
    for (const tag of tags) {
      const type = tag.slice(0, tag.lastIndexOf("@"));
      if ((this.#tagChangedAt.get(tag) ?? 0) > ticket || (this.#typeChangedAt.get(type) ?? 0) > ticket)
        return undefined;
    }
    const weight = weightOf(key, page.body) + JSON.stringify(page.headers).length;
    if (weight > this.maxBytes) return undefined;
    this.#remove(key);
    const entry = { ...page, etag: strongEtag(page.body), tags: [...tags], weight };
    this.#entries.set(key, entry);
    this.#bytes += weight;
    for (const tag of tags) {
      const keys = this.#byTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.#byTag.set(tag, keys);
    }
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest);
    }
    return entry;
  }

  /** Drops the pages showing what `change` changed. */
  drop(change: CommittedChange): void {
    this.#clock += 1;
    const type = change.entityType;
    if (change.agencyId === null) {
      this.#typeChangedAt.set(type, this.#clock);
      for (const tag of [...this.#byTag.keys()]) {
        if (tag.slice(0, tag.lastIndexOf("@")) === type) this.#dropTag(tag);
      }
      return;
    }
    for (const tag of [pageTag(type, change.agencyId), pageTag(type, null)]) {
      this.#tagChangedAt.set(tag, this.#clock);
      this.#dropTag(tag);
    }
  }

  /** Drops every page. */
  clear(): void {
    this.#clock += 1;
    this.#clearedAt = this.#clock;
    this.#entries.clear();
    this.#byTag.clear();
    this.#tagChangedAt.clear();
    this.#typeChangedAt.clear();
    this.#bytes = 0;
  }

  /** Applies an event of the database's change hub. */
  hear(event: ChangeEvent): void {
    if (event.kind === "reset") this.clear();
    else this.drop(event.change);
  }

  #dropTag(tag: string): void {
    const keys = this.#byTag.get(tag);
    if (!keys) return;
    for (const key of [...keys]) this.#remove(key);
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.weight;
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#byTag.delete(tag);
    }
  }
}

/** A cache of `maxBytes` fed by the database's committed changes; `stop` unsubscribes it. */
export function pageCacheFor(database: Database, maxBytes: number): { cache: PageCache; stop: () => void } {
  const hub: ChangeHub = changeHubOf(database.db);
  const cache = new PageCache(maxBytes, () => hub.live);
  const stop = hub.subscribe((event) => cache.hear(event));
  return { cache, stop };
}

/** The cache's bound from GONGKAI_PAGE_CACHE_MB (0 turns it off; default 64; at most 16384), in bytes. */
export function pageCacheBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GONGKAI_PAGE_CACHE_MB?.trim();
  const mb = raw && /^\d{1,5}$/.test(raw) && Number(raw) <= 16_384 ? Number(raw) : DEFAULT_PAGE_CACHE_MB;
  return mb * 1024 * 1024;
}
