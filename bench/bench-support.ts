/**
 * Small helpers shared by the benchmarks: result shape, percentiles, time formatting.
 */

/** One benchmark's printed outcome. */
export interface BenchResult {
  readonly name: string;
  readonly lines: readonly string[];
}

/** The p-quantile (0–1) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Seconds as a short human string (µs or ms). */
export function formatSeconds(s: number): string {
  return s < 1e-3 ? `${(s * 1e6).toFixed(0)} µs` : `${(s * 1e3).toFixed(2)} ms`;
}
