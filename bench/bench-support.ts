/**
 * Small helpers shared by the benchmarks: result shape, percentiles, time formatting, the PostgreSQL server.
 */
import pg from "pg";

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

/** The PostgreSQL server to use, if one answers (GONGKAI_TEST_POSTGRES_URL, else the local one). */
export async function benchPostgresUrl(): Promise<string | undefined> {
  const url = process.env.GONGKAI_TEST_POSTGRES_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}
