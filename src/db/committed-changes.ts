/**
 * Committed changes as events: `announceChange` (called by the trail's `recordChange`, the one funnel of audited
 * changes) queues the change on the transaction's connection, and the database's driver tells the database's
 * hub only after COMMIT (nothing on ROLLBACK). On PostgreSQL the change also goes out by NOTIFY in the same
 * transaction, so other instances hear it on commit too (see change-listener.ts). The page cache listens here.
 */
import { randomBytes } from "node:crypto";
import {
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type Dialect as KyselyDialect,
  sql,
  type Transaction,
  type TransactionSettings,
} from "kysely";
import type { Dialect } from "./dialect.ts";

/** What a committed change tells: the agency it belongs to (null: platform-wide) and the kind of entity. */
export interface CommittedChange {
  readonly agencyId: number | null;
  readonly entityType: string;
}

/** An event of the hub: a change committed, or "forget everything" (a notification may have been missed). */
export type ChangeEvent =
  | { readonly kind: "change"; readonly change: CommittedChange }
  | { readonly kind: "reset" };

/** The PostgreSQL channel of change notifications. */
export const CHANGE_CHANNEL = "gongkai_changes";

/** The committed changes of one open database, and whether remote changes are being heard. */
export class ChangeHub {
  /** This instance's id in notifications, to skip its own (already told locally on commit). */
  readonly instanceId = randomBytes(6).toString("hex");
  readonly #listeners = new Set<(event: ChangeEvent) => void>();
  #live: boolean;
  /** Started on the first subscription (PostgreSQL: the LISTEN connection). */
  #start: (() => void) | undefined;
  #stop: (() => Promise<void>) | undefined;

  constructor(live: boolean, start?: (hub: ChangeHub) => () => Promise<void>) {
    this.#live = live;
    if (start)
      this.#start = () => {
        this.#stop = start(this);
      };
  }

  /** Whether every committed change is heard (false while the LISTEN connection is down or not yet up). */
  get live(): boolean {
    return this.#live;
  }

  /** Calls `listener` with every event until the returned function is called. */
  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    const start = this.#start;
    this.#start = undefined;
    start?.();
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Tells every listener of a committed change. */
  emit(change: CommittedChange): void {
    for (const listener of this.#listeners) listener({ kind: "change", change });
  }

  /** Sets whether remote changes are heard; any switch tells the listeners to forget everything. */
  setLive(live: boolean): void {
    this.#live = live;
    for (const listener of this.#listeners) listener({ kind: "reset" });
  }

  /** Stops hearing remote changes (on closing the database). */
  async close(): Promise<void> {
    this.#start = undefined;
    await this.#stop?.();
  }
}

/** The hub of each open database, by its Kysely instance. */
const hubs = new WeakMap<object, ChangeHub>();
/** The hub and the queued changes of each connection of a hooked driver. */
const owners = new WeakMap<DatabaseConnection, { hub: ChangeHub; queued: CommittedChange[] | undefined }>();
/** The outer transaction behind a savepoint connection of `inOneTransaction`. */
const savepointOuters = new WeakMap<DatabaseConnection, Kysely<unknown>>();

/**
 * A driver that tells `hub` the changes announced in a transaction after its COMMIT, and drops them on ROLLBACK.
 */
class CommitHookDriver implements Driver {
  readonly #inner: Driver;
  readonly #hub: ChangeHub;

  constructor(inner: Driver, hub: ChangeHub) {
    this.#inner = inner;
    this.#hub = hub;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#inner.acquireConnection();
    if (!owners.has(connection)) owners.set(connection, { hub: this.#hub, queued: undefined });
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.#inner.beginTransaction(connection, settings);
    const owner = owners.get(connection);
    if (owner) owner.queued = [];
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#inner.commitTransaction(connection);
    const owner = owners.get(connection);
    const queued = owner?.queued ?? [];
    if (owner) owner.queued = undefined;
    for (const change of queued) this.#hub.emit(change);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const owner = owners.get(connection);
    if (owner) owner.queued = undefined;
    await this.#inner.rollbackTransaction(connection);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** `dialect` with its driver hooked to `hub` (used by openDatabase). */
export function hookedDialect(dialect: KyselyDialect, hub: ChangeHub): KyselyDialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new CommitHookDriver(dialect.createDriver(), hub),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

/** Records the hub of a Kysely instance opened with `hookedDialect` (used by openDatabase). */
export function attachHub(db: object, hub: ChangeHub): void {
  hubs.set(db, hub);
}

/** The hub of an open database (a database opened otherwise gets one that only hears its own commits). */
export function changeHubOf(db: object): ChangeHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new ChangeHub(true);
    hubs.set(db, hub);
  }
  return hub;
}

/** Marks a savepoint connection of `inOneTransaction` as running on `outer` (used by outer-transaction.ts). */
export function linkSavepointConnection<DB>(connection: DatabaseConnection, outer: Transaction<DB>): void {
  savepointOuters.set(connection, outer as unknown as Kysely<unknown>);
}

/** The connection a transaction runs on. */
async function connectionOf<DB>(trx: Kysely<DB>): Promise<DatabaseConnection> {
  return trx.getExecutor().provideConnection(async (connection) => connection);
}

/**
 * Announces a change made in `trx`: the hub of its database hears it after COMMIT; on PostgreSQL a NOTIFY in
 * the same transaction tells the other instances on commit. Call inside the change's transaction.
 */
export async function announceChange<DB>(
  trx: Transaction<DB>,
  dialect: Dialect,
  change: CommittedChange,
): Promise<void> {
  let connection = await connectionOf(trx);
  for (let outer = savepointOuters.get(connection); outer; outer = savepointOuters.get(connection)) {
    connection = await connectionOf(outer);
  }
  const owner = owners.get(connection);
  if (!owner) return;
  if (owner.queued) owner.queued.push(change);
  else owner.hub.emit(change);
  if (dialect === "postgres") {
    const payload = JSON.stringify({ i: owner.hub.instanceId, a: change.agencyId, e: change.entityType });
    await sql`select pg_notify(${CHANGE_CHANNEL}, ${payload})`.execute(trx);
  }
}
