// The structured-identifier pass: tokenAtDigit() finds runs of letter/digit groups, classify() names them.
import { CandidateContext } from './context.ts';
import { classify } from './classify.ts';
import type { RawHit } from './scan-types.ts';
import { foldWidth } from './text.ts';
import { CHAR_CLASS, SEP_PAREN, SEP_PLUS, SEP_WEAK, W, sepFlags, tokenAtDigit } from './token-shape.ts';
import { isDigitCode, type Candidates } from './scan-candidates.ts';

// Groups are capped (24 characters, 12 groups) so a token is at most ~330 characters: the stream overlap covers it.
// After a space only a digit (or + or a bracket before one) continues a run, so words never glue numbers together.

function isW(c: number): boolean {
  return (CHAR_CLASS[c] & W) !== 0;
}

// numbers as layout strings, without a conversion per group
const LEN = Array.from({ length: 25 }, (_, i) => String(i));

/**
 * Finds structured identifiers whose token starts in [from, to); returns the end of the last token seen.
 * `cands` holds the digit runs starting in [from, to + 6): a token's first digit is at most 5 characters in.
 */
export function scanTokens(text: string, from: number, to: number, out: RawHit[], cands: Candidates): number {
  let resume = to;
  const t = { start: 0, end: 0 };
  // reused across tokens; n counts the groups of the current one
  const g: string[] = [];
  const sf: number[] = [];
  const gs: number[] = [];
  const ge: number[] = [];
  const gl: string[] = [];
  const runs = cands.digitRuns;
  let r = 0;
  for (let checked = from; ; ) {
    // the first digit at or after `checked`: inside the current run, or the next run's start
    let d = checked;
    if (checked >= text.length || !isDigitCode(text.charCodeAt(checked))) {
      while (r < cands.digitRunCount && runs[r] < checked) r++;
      if (r === cands.digitRunCount) break;
      d = runs[r];
    }
    if (!tokenAtDigit(text, checked, d, t)) {
      checked = d + 1;
      continue;
    }
    if (t.start >= to) break;
    checked = t.end;
    const base = t.start;
    const end = t.end;
    if (end > resume) resume = end;
    // the shortest identifier written out (an IPv4 address such as 1.2.3.4) has 7 characters
    if (end - base < 7) continue;
    if (end < text.length && isW(text.charCodeAt(end))) continue;
    // split into groups and the separators before them; most tokens are plain ASCII digits
    let n = 0;
    let sepStart = base;
    let k = base;
    let digits = 0;
    let lettersOnly = 0; // bit per group (the first 31) holding no digit
    while (k < end) {
      if (!isW(text.charCodeAt(k))) {
        k++;
        continue;
      }
      const a = k;
      let plain = true;
      let d = 0;
      for (; k < end; k++) {
        const c = text.charCodeAt(k);
        if (!isW(c)) break;
        if (c > 57) {
          plain = false;
          if (c >= 0xff10 && c <= 0xff19) d++;
        } else d++;
      }
      digits += d;
      if (d === 0 && n < 31) lettersOnly |= 1 << n;
      g[n] = plain ? text.slice(a, k) : foldWidth(text.slice(a, k)).toUpperCase();
      gl[n] = LEN[k - a];
      sf[n] = sepFlags(text, sepStart, a);
      gs[n] = a;
      ge[n] = k;
      n++;
      sepStart = k;
    }
    // every identifier has at least four digits (1.1.1.1 is the shortest)
    if (digits < 4) continue;
    // bounded work per token: long runs of tiny groups (1 1 1 1 ...) must not cost quadratic classification
    let budget = 16;
    for (let i = 0; i < n && budget > 0; ) {
      let cx: CandidateContext | undefined;
      let found = false;
      let total = 0;
      let jmax = i;
      while (jmax < n && total + g[jmax].length <= 21) total += g[jmax++].length;
      // a run may start or end inside a token only at a weak separator (space, slash, colon): 020-2300 5257 is one number
      if ((i > 0 && !(sf[i] & SEP_WEAK)) || (g[i].length > 2 && (i >= 31 ? !/\d/.test(g[i]) : (lettersOnly >>> i) & 1))) {
        i++;
        continue;
      }
      for (let j = jmax - 1; j >= i; j--) {
        if (j === i && g[i].length < 5) break;
        if (j < n - 1 && !(sf[j + 1] & SEP_WEAK)) continue;
        let start = gs[i];
        if (sf[i] & (SEP_PLUS | SEP_PAREN)) start -= 1;
        cx ??= new CandidateContext(text, start, ge[j]);
        if (budget-- <= 0) break;
        const h = classify(g, gl, sf, i, j, cx);
        if (!h) continue;
        let e = ge[j];
        if (text.charCodeAt(e) === 0x29 || text.charCodeAt(e) === 0xff09) {
          // keep a closing bracket when the span opened one: A123456(3), (0571)87654321
          for (let q = start; q < e; q++) {
            const c = text.charCodeAt(q);
            if (c === 0x28 || c === 0xff08) {
              e += 1;
              break;
            }
          }
        }
        out.push({ type: h.type, start, end: e, checkDigit: h.checkDigit, confidence: h.confidence });
        i = j + 1;
        found = true;
        break;
      }
      if (!found) i++;
    }
  }
  return resume;
}
