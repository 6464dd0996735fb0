/**
 * Splitting numbers that a copy ran together ("640020470" = 64,0,0,2,0,4,70). A run of digits can be cut
 * into numbers in many ways; only the report's own sum rules (C-1 … C-4) can choose, and where more than one
 * cut satisfies every rule, or none does, the value stays unknown. Never guess.
 */

/** Result of an enumeration: the splits found, or "too-many" when the cap was reached. */
export type SplitResult = readonly (readonly number[])[] | "too-many";

/** Most digits one part may have (a count past 999,999,999 is not something a run-together cell holds). */
const MAX_PART_DIGITS = 9;

/** Steps of the search (parts tried) after which it gives up as "too-many", whatever the input. */
const MAX_STEPS = 2_000_000;

/** True when a digit string is a well-formed number part (no leading zero unless it is "0"). */
function validPart(digits: string): boolean {
  return digits.length > 0 && (digits.length === 1 || digits[0] !== "0") && digits.length <= MAX_PART_DIGITS;
}

/** Fewest parts `digits` characters of a run can make (parts have at most MAX_PART_DIGITS digits). */
const fewestParts = (digits: number): number => Math.ceil(digits / MAX_PART_DIGITS);

/**
 * All ways to cut the runs (in order; "" stands for a blank cell, read as 0) into exactly `parts` numbers
 * that `accept` approves; "too-many" beyond `cap` accepted splits, 200,000 tried ones or MAX_STEPS steps.
 * Each step looks at no more than MAX_PART_DIGITS digits, and branches that cannot give exactly `parts`
 * parts (too many digits left, or too few) are cut at once, so a long run costs nothing.
 */
export function enumerateSplits(
  runs: readonly string[],
  parts: number,
  accept: (values: readonly number[]) => boolean,
  cap = 1000,
): SplitResult {
  const found: number[][] = [];
  const values: number[] = [];
  let tried = 0;
  let steps = 0;
  let overflow = false;
  // most[i] / least[i]: how many parts runs i.. can give at most / at least (a blank gives exactly one).
  const most = new Array<number>(runs.length + 1).fill(0);
  const least = new Array<number>(runs.length + 1).fill(0);
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]?.length ?? 0;
    most[i] = (most[i + 1] ?? 0) + Math.max(1, length);
    least[i] = (least[i + 1] ?? 0) + (length === 0 ? 1 : fewestParts(length));
  }
  if ((most[0] ?? 0) < parts || (least[0] ?? 0) > parts) return [];
  const walk = (run: number, pos: number): void => {
    if (overflow) return;
    steps += 1;
    if (steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    const remainingParts = parts - values.length;
    if (remainingParts > (most[run] ?? 0) - pos) return;
    const digits = runs[run] ?? "";
    const leftHere = digits.length - pos;
    if (run < runs.length && digits !== "" && remainingParts < (least[run + 1] ?? 0) + fewestParts(leftHere))
      return;
    if (run === runs.length) {
      if (remainingParts === 0) {
        tried += 1;
        if (accept(values)) found.push([...values]);
        if (found.length > cap || tried > 200_000) overflow = true;
      }
      return;
    }
    if (digits === "") {
      if (remainingParts <= 0) return;
      values.push(0);
      walk(run + 1, 0);
      values.pop();
      return;
    }
    if (pos === digits.length) {
      walk(run + 1, 0);
      return;
    }
    if (remainingParts <= 0) return;
    const last = Math.min(digits.length, pos + MAX_PART_DIGITS);
    for (let end = pos + 1; end <= last; end++) {
      const piece = digits.slice(pos, end);
      if (!validPart(piece)) {
        if (piece[0] === "0") break;
        continue;
      }
      values.push(Number(piece));
      walk(run, end);
      values.pop();
      if (overflow) return;
    }
  };
  walk(0, 0);
  return overflow ? "too-many" : found;
}

/** Cells on which every solution agrees keep their value; the others become null. */
export function consensus<T>(solutions: readonly (readonly (T | null)[])[]): (T | null)[] {
  const first = solutions[0];
  if (!first) return [];
  return first.map((v, i) => (solutions.every((s) => s[i] === v) ? v : null));
}
