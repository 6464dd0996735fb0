/**
 * Splitting numbers that a copy ran together ("640020470" = 64,0,0,2,0,4,70). A run of digits can be cut
 * into numbers in many ways; only the report's own sum rules (C-1 … C-4) can choose, and where more than one
 * cut satisfies every rule, or none does, the value stays unknown. Never guess.
 */

/** Result of an enumeration: the splits found, or "too-many" when the cap was reached. */
export type SplitResult = readonly (readonly number[])[] | "too-many";

/** True when a digit string is a well-formed number part (no leading zero unless it is "0"). */
function validPart(digits: string): boolean {
  return digits.length > 0 && (digits.length === 1 || digits[0] !== "0") && digits.length <= 9;
}

/**
 * All ways to cut the runs (in order; "" stands for a blank cell, read as 0) into exactly `parts` numbers
 * that `accept` approves; "too-many" beyond `cap` accepted splits or 200,000 tried ones.
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
  let overflow = false;
  const totalDigits = runs.reduce((n, r) => n + Math.max(1, r.length), 0);
  if (totalDigits < parts) return [];
  // suffix[i]: digits (blanks count one) in runs i.. — a bound on how many parts they can still give.
  const suffix = new Array<number>(runs.length + 1).fill(0);
  for (let i = runs.length - 1; i >= 0; i--)
    suffix[i] = (suffix[i + 1] ?? 0) + Math.max(1, runs[i]?.length ?? 0);
  const walk = (run: number, pos: number): void => {
    if (overflow) return;
    const remainingParts = parts - values.length;
    if (remainingParts > (suffix[run] ?? 0) - pos) return;
    if (run === runs.length) {
      if (remainingParts === 0) {
        tried += 1;
        if (accept(values)) found.push([...values]);
        if (found.length > cap || tried > 200_000) overflow = true;
      }
      return;
    }
    const digits = runs[run] ?? "";
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
    for (let end = pos + 1; end <= digits.length; end++) {
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
export function consensus(solutions: readonly (readonly number[])[]): (number | null)[] {
  const first = solutions[0];
  if (!first) return [];
  return first.map((v, i) => (solutions.every((s) => s[i] === v) ? v : null));
}
