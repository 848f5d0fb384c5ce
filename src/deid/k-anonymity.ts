// k-anonymity check for aggregate exports: refuses a table with an equivalence class smaller than k.

/** Outcome of a k-anonymity check; class sizes only, never the quasi-identifier values. */
export interface KAnonymityReport {
  ok: boolean;
  k: number;
  rows: number;
  classes: number;
  smallestClass: number;
  /** Sizes of the classes smaller than k, ascending. */
  offendingClassSizes: number[];
}

/** Groups rows by their quasi-identifier values and reports whether every class has at least k rows. */
export function checkKAnonymity(rows: readonly Record<string, unknown>[], quasiIdentifiers: readonly string[], k: number): KAnonymityReport {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  if (quasiIdentifiers.length === 0) throw new RangeError('at least one quasi-identifier is needed');
  const counts = new Map<string, number>();
  for (const row of rows) {
    // JSON of the value tuple keeps "1" and 1, null and "null" apart
    const key = JSON.stringify(quasiIdentifiers.map((q) => (row[q] === undefined ? null : row[q])));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sizes = [...counts.values()];
  const offending = sizes.filter((n) => n < k).sort((a, b) => a - b);
  return {
    ok: offending.length === 0,
    k,
    rows: rows.length,
    classes: counts.size,
    smallestClass: sizes.reduce((m, n) => (n < m ? n : m), sizes.length ? Infinity : 0),
    offendingClassSizes: offending,
  };
}
