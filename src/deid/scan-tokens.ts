// The structured-identifier pass: nextToken() finds runs of letter/digit groups, classify() names them.
import { CandidateContext } from './context.ts';
import { classify } from './classify.ts';
import type { RawHit } from './scan-types.ts';
import { foldWidth } from './text.ts';
import { CHAR_CLASS, W, nextToken } from './token-shape.ts';

// Groups are capped (24 characters, 12 groups) so a token is at most ~330 characters: the stream overlap covers it.
// After a space only a digit (or + or a bracket before one) continues a run, so words never glue numbers together.

function isW(c: number): boolean {
  return (CHAR_CLASS[c] & W) !== 0;
}


function weak(sep: string): boolean {
  return sep.indexOf(' ') >= 0 || sep.indexOf('/') >= 0 || sep.indexOf(':') >= 0;
}

/** Finds structured identifiers whose token starts in [from, to); returns hits and the end of the last token seen. */
export function scanTokens(text: string, from: number, to: number, out: RawHit[]): number {
  let resume = to;
  const t = { start: 0, end: 0 };
  const g: string[] = [];
  const s: string[] = [];
  const gs: number[] = [];
  const ge: number[] = [];
  for (let at = from; nextToken(text, at, t) && t.start < to; at = t.end) {
    const base = t.start;
    const end = t.end;
    const tok = text.slice(base, end);
    if (end > resume) resume = end;
    // the shortest identifier written out (an IPv4 address such as 1.2.3.4) has 7 characters
    if (tok.length < 7) continue;
    if (end < text.length && isW(text.charCodeAt(end))) continue;
    // split into groups and the separators before them; most tokens are plain ASCII digits
    // the four arrays are reused across tokens; n counts the groups of this one
    let n = 0;
    let sepStart = 0;
    let k = 0;
    let digits = 0;
    while (k < tok.length) {
      const c0 = tok.charCodeAt(k);
      if (isW(c0)) {
        const a = k;
        let plain = true;
        while (k < tok.length) {
          const c = tok.charCodeAt(k);
          if (!isW(c)) break;
          if (c > 57) plain = false;
          else digits++;
          if (c >= 0xff10 && c <= 0xff19) digits++;
          k++;
        }
        const raw = tok.slice(a, k);
        g[n] = plain ? raw : foldWidth(raw).toUpperCase();
        const sep = a === sepStart ? '' : tok.slice(sepStart, a);
        s[n] = sep.length === 0 ? '' : sep.length === 1 && sep.charCodeAt(0) < 128 ? sep : foldWidth(sep).replace(/\s+/g, ' ');
        gs[n] = base + a;
        ge[n] = base + k;
        n++;
        sepStart = k;
      } else k++;
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
      if ((i > 0 && !weak(s[i])) || (g[i].length > 2 && !/\d/.test(g[i]))) {
        i++;
        continue;
      }
      for (let j = jmax - 1; j >= i; j--) {
        if (j === i && g[i].length < 5) break;
        if (j < n - 1 && !weak(s[j + 1])) continue;
        let start = gs[i];
        const pre = s[i];
        if (pre.endsWith('+') || pre.endsWith('(')) start -= 1;
        cx ??= new CandidateContext(text, start, ge[j]);
        if (budget-- <= 0) break;
        const h = classify(g, s, i, j, cx);
        if (!h) continue;
        let e = ge[j];
        if (text.charCodeAt(e) === 0x29 || text.charCodeAt(e) === 0xff09) {
          // keep a closing bracket when the span opened one: A123456(3), (0571)87654321
          const span = text.slice(start, e);
          if (span.includes('(') || span.includes('（')) e += 1;
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
