/**
 * One API read for a page: loads when the read changes, shows a failure with message.error (or keeps it
 * quiet for the page to show), keeps the last data while reloading, and offers reload() after a change.
 * The read is a function the page memoises with useCallback; undefined means "nothing to read yet".
 */
import { App } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, messageOf } from "../api/api-client.ts";
import {
  initialQueryState,
  type QueryState,
  queryAnswered,
  queryFailed,
  queryReplaced,
  queryStarted,
} from "./query-state.ts";

/** A page's read: its data, whether it is loading, the last failure and a way to read again. */
export interface ApiQuery<T> {
  readonly data: T | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** Read again (after a change); resolves when the read is done, never rejects. */
  readonly reload: () => Promise<void>;
  /** Replace the data without reading (a change answered with the new record). */
  readonly setData: (data: T | null) => void;
}

/** Options of useApiQuery. */
export interface ApiQueryOptions {
  /** Do not show failures with message.error (the page shows `error` itself, or ignores it). */
  readonly quiet?: boolean;
}

/** Run `read` now and whenever it changes; undefined waits (no read, not loading). */
export function useApiQuery<T>(
  read: (() => Promise<T>) | undefined,
  options: ApiQueryOptions = {},
): ApiQuery<T> {
  const { message } = App.useApp();
  const quiet = options.quiet ?? false;
  const [state, setState] = useState<QueryState<T>>(() => initialQueryState<T>(read !== undefined));
  // The numbering lives in a ref too, so the number of a read is known when it starts.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    if (!read) return;
    latest.current += 1;
    const number = latest.current;
    setState((current) => queryStarted(current));
    try {
      const data = await read();
      setState((current) => queryAnswered(current, number, data));
    } catch (error) {
      const text = messageOf(error);
      setState((current) => queryFailed(current, number, text));
      if (!quiet && number === latest.current) message.error(text);
    }
  }, [read, quiet, message]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const setData = useCallback((data: T | null) => setState((current) => queryReplaced(current, data)), []);
  return { data: state.data, loading: state.loading, error: state.error, reload, setData };
}

/** A read whose "not found" (404) is an answer, null, rather than a failure. */
export async function orMissing<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
