// One pass over a text range marks where tokens (digit runs) and labels may start; both scanners then jump
// between these marks instead of each reading every character again.
import { CHAR_CLASS, D } from './token-shape.ts';
import { isLabelStart, mayStartLabel } from './keyword-labels.ts';

const DIGIT = 1;
const LABEL = 2;
const KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) KIND[c] = (CHAR_CLASS[c] & D ? DIGIT : 0) | (isLabelStart(c) ? LABEL : 0);

/** Start positions of digit runs and of possible labels, ascending (the first ...Count entries are valid). */
export interface Candidates {
  digitRuns: number[];
  digitRunCount: number;
  labels: number[];
  labelCount: number;
}

// reused between calls: a scan reads its candidates before the next scan starts; plain arrays grow by appending,
// with no growth branch that optimised code would first meet mid-loop and deoptimise on
const found: Candidates = { digitRuns: [], digitRunCount: 0, labels: [], labelCount: 0 };

/** True when c is an ASCII or full-width digit. */
export function isDigitCode(c: number): boolean {
  return (KIND[c] & DIGIT) !== 0;
}

/** Digit-run starts found beforehand (by the stream decoder): `runs[first, count)` minus `base` are text indices. */
export interface KnownDigitRuns {
  runs: Float64Array;
  first: number;
  count: number;
  base: number;
}

/**
 * Digit runs starting in [from, digitsTo) and label starts in [from, labelsTo); valid until the next call.
 * With `known`, the digit runs are taken from it and the text is read only for labels.
 */
export function findCandidates(text: string, from: number, digitsTo: number, labelsTo: number, known?: KnownDigitRuns): Candidates {
  const end = Math.min(text.length, Math.max(digitsTo, labelsTo));
  const runs = found.digitRuns;
  const labels = found.labels;
  let nd = 0;
  let nl = 0;
  if (known) {
    const lo = from + known.base;
    const hi = Math.min(digitsTo, text.length) + known.base;
    const k0 = known.runs;
    let k = known.first;
    while (k < known.count && k0[k] < lo) k++;
    // as small integers, like the positions found below: a double would change the array's elements kind
    for (; k < known.count && k0[k] < hi; k++) runs[nd++] = (k0[k] - known.base) | 0;
    const stop = Math.min(text.length, labelsTo);
    for (let i = from; i < stop; i++) if (KIND[text.charCodeAt(i)] & LABEL && mayStartLabel(text, i)) labels[nl++] = i;
    found.digitRunCount = nd;
    found.labelCount = nl;
    return found;
  }
  let lastDigit = from > 0 && KIND[text.charCodeAt(from - 1)] & DIGIT ? from - 1 : -2;
  for (let i = from; i < end; i++) {
    const k = KIND[text.charCodeAt(i)];
    if (k === 0) continue;
    if (k === DIGIT) {
      if (lastDigit !== i - 1 && i < digitsTo) runs[nd++] = i;
      lastDigit = i;
    } else if (i < labelsTo && mayStartLabel(text, i)) labels[nl++] = i;
  }
  found.digitRunCount = nd;
  found.labelCount = nl;
  return found;
}
