/**
 * The state of one API read as plain transitions: a read started, answered or failed. Each read carries a
 * number; an answer or failure of an older read than the latest started is ignored, so a slow first answer
 * never overwrites a newer one. Data is kept while reloading and after a failure.
 */

/** What a page knows about one read. */
export interface QueryState<T> {
  readonly data: T | null;
  readonly loading: boolean;
  /** The Chinese message of the last failure, null after an answer. */
  readonly error: string | null;
  /** The number of the latest read started (0: none yet). */
  readonly latest: number;
}

/** Before any read: no data, loading when a read is about to start. */
export function initialQueryState<T>(loading: boolean): QueryState<T> {
  return { data: null, loading, error: null, latest: 0 };
}

/** A read started: loading, with the number it will answer under. */
export function queryStarted<T>(state: QueryState<T>): QueryState<T> {
  return { ...state, loading: true, latest: state.latest + 1 };
}

/** Read `read` answered: its data, unless a newer read has started since. */
export function queryAnswered<T>(state: QueryState<T>, read: number, data: T): QueryState<T> {
  if (read !== state.latest) return state;
  return { ...state, data, loading: false, error: null };
}

/** Read `read` failed with `message`: the data stays, unless a newer read has started since. */
export function queryFailed<T>(state: QueryState<T>, read: number, message: string): QueryState<T> {
  if (read !== state.latest) return state;
  return { ...state, loading: false, error: message };
}

/** The data replaced by the page itself (after a change it made), without a read. */
export function queryReplaced<T>(state: QueryState<T>, data: T | null): QueryState<T> {
  return { ...state, data };
}
