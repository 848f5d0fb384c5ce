// Detections anchored on one character: e-mail addresses around '@', IPv6 and MAC addresses around ':'.
import { isIP } from 'node:net';
import type { RawHit } from './scan-types.ts';

const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;
const MAC = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$/;

function localChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function domainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
}

function hexColon(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 46;
}

/** Finds e-mail addresses whose '@' lies in [from, to); returns the end of the last address. */
export function scanEmails(text: string, from: number, to: number, out: RawHit[]): number {
  let resume = to;
  for (let at = text.indexOf('@', from); at >= 0 && at < to; at = text.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && at - a < 64 && localChar(text.charCodeAt(a - 1))) a--;
    while (a < at && text.charCodeAt(a) === 46) a++;
    let b = at + 1;
    while (b < text.length && b - at < 254 && domainChar(text.charCodeAt(b))) b++;
    while (b > at + 1 && (text.charCodeAt(b - 1) === 46 || text.charCodeAt(b - 1) === 45)) b--;
    if (a === at || b === at + 1) continue;
    if (!EMAIL.test(text.slice(a, b))) continue;
    out.push({ type: 'email', start: a, end: b, checkDigit: 'not-applicable', confidence: 0.97 });
    if (b > resume) resume = b;
    at = b - 1;
  }
  return resume;
}

/** Finds IPv6 and colon-separated MAC addresses around ':' in [from, to); returns the end of the last one. */
export function scanColons(text: string, from: number, to: number, out: RawHit[]): number {
  let resume = to;
  for (let at = text.indexOf(':', from); at >= 0 && at < to; at = text.indexOf(':', at)) {
    // the maximal run of hex digits, colons and dots around this colon; each run is visited once
    let a = at;
    while (a > 0 && hexColon(text.charCodeAt(a - 1))) a--;
    let b = at + 1;
    while (b < text.length && hexColon(text.charCodeAt(b))) b++;
    const runEnd = b;
    // trailing '.' and ':' belong to the sentence, not the address
    while (b > at + 1 && (text.charCodeAt(b - 1) === 46 || (text.charCodeAt(b - 1) === 58 && text.charCodeAt(b - 2) !== 58))) b--;
    at = runEnd;
    if (b - a < 6 || b - a > 45) continue;
    const prev = a > 0 ? text.charCodeAt(a - 1) : 32;
    const next = b < text.length ? text.charCodeAt(b) : 32;
    if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)) continue;
    const cand = text.slice(a, b);
    if (MAC.test(cand)) out.push({ type: 'mac', start: a, end: b, checkDigit: 'not-applicable', confidence: 0.9 });
    else if ((cand.includes('::') || cand.split(':').length === 8) && isIP(cand) === 6) out.push({ type: 'ip', start: a, end: b, checkDigit: 'not-applicable', confidence: 0.9 });
    else continue;
    if (b > resume) resume = b;
  }
  return resume;
}
