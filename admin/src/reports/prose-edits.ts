/**
 * The staff's prose edits on their way to the server: edits made while a save is pending merge into one
 * PUT body (the latest text of each section wins; null returns a section to the template), and a debouncer
 * sends the merged body once typing pauses — the checks run on every saved draft.
 */
import type { ProseNo } from "../api/report-types.ts";

/** The body of PUT …/prose: the sections changed since the last save. */
export type ProseChanges = Partial<Record<ProseNo, string | null>>;

/** The pending changes with one more edit merged in (the later edit of a section replaces the earlier). */
export function mergeProse(pending: ProseChanges, no: ProseNo, text: string | null): ProseChanges {
  return { ...pending, [no]: text };
}

/** Whether anything is waiting to be saved. */
export function hasChanges(pending: ProseChanges): boolean {
  return Object.keys(pending).length > 0;
}

/** The text shown for a section: the unsaved edit when there is one, else the server's text. */
export function shownText(pending: ProseChanges, no: ProseNo, saved: string): string {
  const edit = pending[no];
  return edit === undefined || edit === null ? saved : edit;
}

/** Timers the debouncer uses (the browser's by default; tests pass fake ones). */
export interface Timers {
  readonly set: (run: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Collects edits and calls `send` with the merged changes `delayMs` after the last one. */
export class ProseDebouncer {
  private pending: ProseChanges = {};
  private handle: unknown = null;

  constructor(
    private readonly send: (changes: ProseChanges) => void,
    private readonly delayMs: number,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** Record an edit and restart the wait. */
  edit(no: ProseNo, text: string | null): void {
    this.pending = mergeProse(this.pending, no, text);
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = this.timers.set(() => this.flush(), this.delayMs);
  }

  /** Send what is pending now (e.g. before publishing); nothing when nothing is. */
  flush(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    if (!hasChanges(this.pending)) return;
    const changes = this.pending;
    this.pending = {};
    this.send(changes);
  }

  /** Forget what is pending (leaving the page for another report). */
  cancel(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    this.pending = {};
  }

  /** The changes not yet sent. */
  unsent(): ProseChanges {
    return this.pending;
  }
}
