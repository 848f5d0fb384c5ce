// Text helpers for detection: full-width folding, compaction to the identifier's characters, UTF-8 widths.

/** Folds full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their ASCII forms. */
export function foldWidth(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else out += s[i];
  }
  return changed ? out : s;
}

/** Keeps only ASCII letters and digits (after width folding), upper-cased. */
export function compact(s: string): string {
  const f = foldWidth(s);
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c >= 48 && c <= 57) out += f[i];
    else if (c >= 65 && c <= 90) out += f[i];
    else if (c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
  }
  return out;
}

/** Digits only (after width folding). */
export function digitsOf(s: string): string {
  const f = foldWidth(s);
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c >= 48 && c <= 57) out += f[i];
  }
  return out;
}

/** True when every character of s is an ASCII digit. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const nodeBuffer = (globalThis as { Buffer?: { byteLength(s: string, enc: 'utf8'): number } }).Buffer;

/** UTF-8 byte length of s[from, to), counting a lone surrogate as the 3 bytes of U+FFFD. */
export function utf8Length(s: string, from = 0, to = s.length): number {
  // the native count is ~10x faster on long stretches; both count a lone surrogate as U+FFFD
  if (nodeBuffer && to - from > 64) return nodeBuffer.byteLength(s.slice(from, to), 'utf8');
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** True when c is an ASCII or full-width letter or digit (the identifier alphabet). */
export function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}
