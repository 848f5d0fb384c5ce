// Shared shapes for benchmark suites: a row per measured figure, as docs/architecture.md's contract says.
/** One measured figure. `ratio` > 1 means Custodia is ahead of the peer. */
export interface BenchRow {
  bench: string;
  metric: string;
  value: number;
  peer?: string;
  peer_value?: number;
  ratio?: number;
  [extra: string]: unknown;
}

/** What a suite gets: a way to report rows. */
export interface BenchContext {
  report: (row: BenchRow) => void;
}

/** A suite module's default export. */
export type BenchSuite = (ctx: BenchContext) => Promise<void>;

/** Runs fn repeatedly for about `ms` milliseconds and returns operations per second. */
export function opsPerSecond(fn: () => unknown, ms = 1000): number {
  for (let i = 0; i < 1000; i++) fn();
  let n = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 1000; i++) fn();
    n += 1000;
    elapsed = process.hrtime.bigint() - start;
  }
  return n / (Number(elapsed) / 1e9);
}

/** Seconds taken by one async call. */
export async function seconds(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}
