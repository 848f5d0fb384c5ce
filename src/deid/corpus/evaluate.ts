// Precision and recall per type of a detector's findings against corpus labels.
import type { Label } from './generate.ts';

/** Counts and rates for one type. */
export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Scores findings against labels: same type and overlapping span is a hit; each label counts once. */
export function evaluate(labels: readonly Label[], findings: readonly { type: string; start: number; end: number }[]): Record<string, TypeScore> {
  const byType = new Map<string, { labels: Label[]; found: { start: number; end: number }[] }>();
  const slot = (t: string) => {
    let s = byType.get(t);
    if (!s) byType.set(t, (s = { labels: [], found: [] }));
    return s;
  };
  for (const l of labels) slot(l.type).labels.push(l);
  for (const f of findings) slot(f.type).found.push(f);
  const out: Record<string, TypeScore> = {};
  for (const [type, { labels: ls, found }] of byType) {
    ls.sort((a, b) => a.start - b.start);
    found.sort((a, b) => a.start - b.start);
    let tp = 0;
    let j = 0;
    const used = new Set<number>();
    for (const f of found) {
      while (j < ls.length && ls[j].end <= f.start) j++;
      let matched = false;
      for (let k = j; k < ls.length && ls[k].start < f.end; k++) {
        if (!used.has(k)) {
          used.add(k);
          matched = true;
          break;
        }
      }
      if (matched) tp++;
    }
    const fp = found.length - tp;
    const fn = ls.length - tp;
    out[type] = { tp, fp, fn, precision: found.length ? tp / found.length : 1, recall: ls.length ? tp / ls.length : 1 };
  }
  return out;
}
