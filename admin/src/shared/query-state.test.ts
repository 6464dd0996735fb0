import { describe, expect, it } from "vitest";
import { initialQueryState, queryAnswered, queryFailed, queryReplaced, queryStarted } from "./query-state.ts";

describe("query state", () => {
  it("starts without data, loading only when a read is about to start", () => {
    expect(initialQueryState(true)).toEqual({ data: null, loading: true, error: null, latest: 0 });
    expect(initialQueryState(false).loading).toBe(false);
  });

  it("keeps the old data while reloading and takes the answer", () => {
    const first = queryAnswered(queryStarted(initialQueryState<string>(true)), 1, "一");
    expect(first).toEqual({ data: "一", loading: false, error: null, latest: 1 });
    const reloading = queryStarted(first);
    expect(reloading).toMatchObject({ data: "一", loading: true, latest: 2 });
    expect(queryAnswered(reloading, 2, "二")).toMatchObject({ data: "二", loading: false });
  });

  it("ignores the answer of an older read once a newer one started", () => {
    const both = queryStarted(queryStarted(initialQueryState<string>(true)));
    const stale = queryAnswered(both, 1, "旧");
    expect(stale).toBe(both);
    expect(stale.loading).toBe(true);
    expect(queryAnswered(stale, 2, "新").data).toBe("新");
  });

  it("keeps the data after a failure, with its message, and clears the message on the next answer", () => {
    const loaded = queryAnswered(queryStarted(initialQueryState<number>(true)), 1, 7);
    const failed = queryFailed(queryStarted(loaded), 2, "网络错误");
    expect(failed).toMatchObject({ data: 7, loading: false, error: "网络错误" });
    expect(queryAnswered(queryStarted(failed), 3, 8)).toMatchObject({ data: 8, error: null });
  });

  it("ignores the failure of an older read", () => {
    const both = queryStarted(queryStarted(initialQueryState<number>(true)));
    expect(queryFailed(both, 1, "超时")).toBe(both);
  });

  it("lets the page replace the data without a read", () => {
    const loaded = queryAnswered(queryStarted(initialQueryState<number>(true)), 1, 1);
    expect(queryReplaced(loaded, 2)).toEqual({ ...loaded, data: 2 });
  });
});
