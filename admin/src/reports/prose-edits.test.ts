import { describe, expect, it } from "vitest";
import { hasChanges, mergeProse, ProseDebouncer, shownText, type Timers } from "./prose-edits.ts";

/** Timers run by hand: `advance` fires the ones due. */
function manualTimers() {
  let now = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const timers: Timers = {
    set: (run, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clear: (handle) => {
      due.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...due]) {
      if (timer.at <= now) {
        due.delete(id);
        timer.run();
      }
    }
  };
  return { timers, advance };
}

describe("prose edits", () => {
  it("a later edit of a section replaces the earlier; other sections are kept", () => {
    const merged = mergeProse(mergeProse(mergeProse({}, "一", "甲"), "五", "乙"), "一", "丙");
    expect(merged).toEqual({ 一: "丙", 五: "乙" });
  });

  it("null (back to the template) is a change that is sent", () => {
    const merged = mergeProse({ 六: "改过" }, "六", null);
    expect(merged).toEqual({ 六: null });
    expect(hasChanges(merged)).toBe(true);
    expect(hasChanges({})).toBe(false);
  });

  it("shows the unsaved edit over the saved text, and the saved text after a restore", () => {
    expect(shownText({ 一: "新" }, "一", "旧")).toBe("新");
    expect(shownText({ 一: null }, "一", "旧")).toBe("旧");
    expect(shownText({}, "五", "旧")).toBe("旧");
  });

  it("sends one merged body after typing pauses", () => {
    const { timers, advance } = manualTimers();
    const sent: unknown[] = [];
    const debouncer = new ProseDebouncer((c) => sent.push(c), 600, timers);
    debouncer.edit("一", "a");
    advance(300);
    debouncer.edit("一", "ab");
    advance(300);
    debouncer.edit("五", "c");
    advance(599);
    expect(sent).toEqual([]);
    advance(1);
    expect(sent).toEqual([{ 一: "ab", 五: "c" }]);
    advance(5000);
    expect(sent).toHaveLength(1);
  });

  it("flush sends at once and only when something is pending; cancel drops it", () => {
    const { timers, advance } = manualTimers();
    const sent: unknown[] = [];
    const debouncer = new ProseDebouncer((c) => sent.push(c), 600, timers);
    debouncer.flush();
    expect(sent).toEqual([]);
    debouncer.edit("六", null);
    debouncer.flush();
    expect(sent).toEqual([{ 六: null }]);
    debouncer.edit("一", "x");
    debouncer.cancel();
    advance(1000);
    expect(sent).toHaveLength(1);
    expect(debouncer.unsent()).toEqual({});
  });
});
