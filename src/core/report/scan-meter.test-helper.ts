/**
 * Test helper: counts the characters the interpreter touches while it runs — every character a search
 * (String indexOf/includes, every RegExp exec, which test/match/replace/search/split go through) moves over,
 * every character a slice or substring copies, every charCodeAt — so tests can show that the work grows in
 * proportion to the input (an operation count, never elapsed time). A search started again from each of n
 * places to the end of the text counts n²/2 here. Regex backtracking inside one exec is not seen; the
 * patterns are kept free of it by construction (see row-labels.test.ts).
 */

/** The result of a run and the characters it touched. */
export interface Metered<T> {
  readonly result: T;
  readonly work: number;
}

/** Runs `run` with the string and regex built-ins counting the characters they touch. */
export function meterScans<T>(run: () => T): Metered<T> {
  const str = String.prototype;
  const re = RegExp.prototype;
  const saved = {
    indexOf: str.indexOf,
    includes: str.includes,
    slice: str.slice,
    substring: str.substring,
    charCodeAt: str.charCodeAt,
    exec: re.exec,
  };
  let work = 0;
  const clamp = (n: number, length: number): number => Math.max(0, Math.min(length, n));
  str.indexOf = function (this: string, search: string, from?: number): number {
    const start = clamp(from ?? 0, this.length);
    const at = saved.indexOf.call(this, search, start);
    work += Math.max(1, (at < 0 ? this.length : at + search.length) - start);
    return at;
  };
  str.includes = function (this: string, search: string, from?: number): boolean {
    const start = clamp(from ?? 0, this.length);
    const at = saved.indexOf.call(this, search, start);
    work += Math.max(1, (at < 0 ? this.length : at + search.length) - start);
    return at >= 0;
  };
  str.slice = function (this: string, start?: number, end?: number): string {
    const out = saved.slice.call(this, start, end);
    work += Math.max(1, out.length);
    return out;
  };
  str.substring = function (this: string, start: number, end?: number): string {
    const out = saved.substring.call(this, start, end);
    work += Math.max(1, out.length);
    return out;
  };
  str.charCodeAt = function (this: string, at: number): number {
    work += 1;
    return saved.charCodeAt.call(this, at);
  };
  re.exec = function (this: RegExp, input: string): RegExpExecArray | null {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = saved.exec.call(this, text);
    // A sticky regex (String split runs one per position) tries at lastIndex only.
    if (this.sticky) work += Math.max(1, m ? m[0].length : 1);
    else work += Math.max(1, (m ? m.index + m[0].length : text.length) - from);
    return m;
  };
  try {
    return { result: run(), work };
  } finally {
    Object.assign(str, {
      indexOf: saved.indexOf,
      includes: saved.includes,
      slice: saved.slice,
      substring: saved.substring,
      charCodeAt: saved.charCodeAt,
    });
    re.exec = saved.exec;
  }
}

/** Work at each size and the ratio of each doubling (≈2 when linear, ≈4 when quadratic). */
export function doublingRatios(sizes: readonly number[], workAt: (size: number) => number): number[] {
  const works = sizes.map(workAt);
  return works.slice(1).map((w, i) => w / (works[i] ?? 1));
}
