// Where a candidate identifier token starts and ends: runs of letter/digit groups joined by short separators.
// Hand-written over a character-class table; it finds exactly what TOKEN_SPEC (in token-shape.test.ts) matches,
// at a fraction of the regex engine's cost on CJK text, where almost no character can start a token.
//
// The shape: not after a letter/digit; an optional + or ( before the first group; the first group opens with at
// most four letters and then a digit; groups of 1-24 letters/digits, at most 12; a separator is 1-2 of - . / : ( )
// (their full-width forms, ‐ and –), optionally then one space before a digit, or 1-2 spaces and an optional + or (
// before a digit; a closing bracket may end the token.

// character classes of the token shape, as bit flags
/** ASCII or full-width letter or digit. */
export const W = 1;
const L = 2; // letter
/** An ASCII or full-width digit. */
export const D = 4;
const P = 8; // + or ( before a number
const SEP = 16; // separator punctuation
const SP = 32; // space or ideographic space
const CL = 64; // closing bracket

/** Class flags of every UTF-16 code unit. */
export const CHAR_CLASS = new Uint8Array(0x10000);
function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) CHAR_CLASS[chars.charCodeAt(i)] |= flag;
}
function markRange(from: number, to: number, flag: number): void {
  for (let c = from; c <= to; c++) CHAR_CLASS[c] |= flag;
}
markRange(0x30, 0x39, W | D);
markRange(0xff10, 0xff19, W | D);
markRange(0x41, 0x5a, W | L);
markRange(0x61, 0x7a, W | L);
markRange(0xff21, 0xff3a, W | L);
markRange(0xff41, 0xff5a, W | L);
mark('+\uff0b(\uff08', P);
mark('-\uff0d\u2010\u2013./\uff0e\uff0f:\uff1a()\uff08\uff09', SEP);
mark(' \u3000', SP);
mark(')\uff09', CL);

const MAX_GROUP = 24;
const MAX_GROUPS = 12;

function cls(text: string, i: number): number {
  return i < text.length ? CHAR_CLASS[text.charCodeAt(i)] : 0;
}

function groupEnd(text: string, i: number): number {
  const stop = Math.min(text.length, i + MAX_GROUP);
  while (i < stop && (CHAR_CLASS[text.charCodeAt(i)] & W) !== 0) i++;
  return i;
}

// Where the next group starts when a separator begins at i, or -1. Runs of 3+ separators or spaces never join.
function afterSeparator(text: string, i: number): number {
  const f = cls(text, i);
  if (f & SEP) {
    let x = i + 1;
    if (cls(text, x) & SEP) x++;
    const g = cls(text, x);
    if (g & W) return x;
    // one space may follow the punctuation, but only right before a digit
    if (g & SP && cls(text, x + 1) & D) return x + 1;
    return -1;
  }
  if (f & SP) {
    let x = i + 1;
    if (cls(text, x) & SP) x++;
    // a + or ( after the spaces belongs to the separator when a digit follows it
    if (cls(text, x) & P) x++;
    return cls(text, x) & D ? x : -1;
  }
  return -1;
}

/** End of the token starting exactly at p, or -1 when none starts there. */
export function tokenEndAt(text: string, p: number): number {
  if (p > 0 && CHAR_CLASS[text.charCodeAt(p - 1)] & W) return -1;
  let q = p;
  if (cls(text, q) & P) q++;
  let k = q;
  while (k - q < 5 && cls(text, k) & L) k++;
  if (k - q > 4 || !(cls(text, k) & D)) return -1;
  let e = groupEnd(text, q);
  for (let n = 1; n < MAX_GROUPS; n++) {
    const s = afterSeparator(text, e);
    if (s < 0) break;
    e = groupEnd(text, s);
  }
  return cls(text, e) & CL ? e + 1 : e;
}

const DIGIT = /[0-9\uFF10-\uFF19]/g;
// the first group has a digit after at most a prefix and four letters
const MAX_LEAD = 5;

/**
 * The first token starting in [checked, d], where d is the first digit at or after `checked`: sets `found`.
 * Every token has its first digit within MAX_LEAD characters of its start, so no token starts before d - MAX_LEAD.
 */
export function tokenAtDigit(text: string, checked: number, d: number, found: { start: number; end: number }): boolean {
  // the common case: no letter, + or ( right before d, so a token can only start at d
  let p = d;
  let last = d;
  if (d > checked && cls(text, d - 1) & (L | P)) {
    // only letters stand between a start and d, after at most one + or (: later positions follow a letter
    const floor = Math.max(checked, d - MAX_LEAD);
    let q = d;
    while (q > floor && cls(text, q - 1) & L) q--;
    p = q > floor ? q - 1 : q;
    last = q;
  }
  // one call site: tokenEndAt is inlined once
  for (; p <= last; p++) {
    const e = tokenEndAt(text, p);
    if (e >= 0) {
      found.start = p;
      found.end = e;
      return true;
    }
  }
  return false;
}

/** The first token starting at or after `from`: sets `found.start`/`found.end`; false when there is none. */
export function nextToken(text: string, from: number, found: { start: number; end: number }): boolean {
  for (let checked = from; ; ) {
    DIGIT.lastIndex = checked;
    if (!DIGIT.test(text)) return false;
    const d = DIGIT.lastIndex - 1;
    if (tokenAtDigit(text, checked, d, found)) return true;
    checked = d + 1;
  }
}

/** What the separator before a group is made of (classify and the run boundaries need no more). */
export const SEP_WEAK = 1; // a space, slash or colon: a number may start or end there
export const SEP_COLON = 2;
export const SEP_DOT = 4; // exactly one dot
export const SEP_DASH = 8; // exactly one hyphen-minus
export const SEP_PLUS = 16; // ends with +
export const SEP_PAREN = 32; // ends with (

/** The SEP_* flags of the separator text[from, to) (empty: 0). */
export function sepFlags(text: string, from: number, to: number): number {
  if (from === to) return 0;
  let f = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 0x3000 || c === 47 || c === 0xff0f) f |= SEP_WEAK;
    else if (c === 58 || c === 0xff1a) f |= SEP_WEAK | SEP_COLON;
  }
  const last = text.charCodeAt(to - 1);
  if (to - from === 1) {
    if (last === 46 || last === 0xff0e) f |= SEP_DOT;
    else if (last === 45 || last === 0xff0d) f |= SEP_DASH;
  }
  if (last === 43 || last === 0xff0b) f |= SEP_PLUS;
  else if (last === 40 || last === 0xff08) f |= SEP_PAREN;
  return f;
}
