/** Small helpers for the benchmark scripts: percentiles and a uniform printout. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function summarize(samplesMs: number[]): { median: number; p95: number; p99: number; n: number } {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { median: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), n: s.length };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, r];
}

export function line(label: string, value: unknown): void {
  console.log(`${label.padEnd(48)} ${typeof value === 'object' ? JSON.stringify(value) : value}`);
}
