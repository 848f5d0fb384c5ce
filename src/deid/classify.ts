// Classifies one candidate run of letter/digit groups into an identifier kind with its check-digit verdict.
import type { CheckDigit, DetectedKind } from './deid.model.ts';
import type { CandidateContext } from './context.ts';
import { isDigits } from './text.ts';
import {
  hkidCheckChar, krArnChecksumOk, krBrnCheckDigit, krDateOk, krRrnCheckDigit, luhnOk, ric15ShapeOk, ricCheckChar,
  ricShapeOk, twChecksumOk, usccValid,
} from './checksums.ts';
import { domesticPhone, intlPhone } from './classify-phone.ts';
import { SEP_COLON, SEP_DASH, SEP_DOT, SEP_PLUS } from './token-shape.ts';

/** A classified candidate. */
export interface Hit {
  type: DetectedKind;
  checkDigit: CheckDigit;
  confidence: number;
}

const hit = (type: DetectedKind, checkDigit: CheckDigit, confidence: number): Hit => ({ type, checkDigit, confidence });

const CARD_LAYOUT = /^(?:1[2-9]|4-4-4-4(?:-[1-3])?|4-6-5|4-4-4-[1-3]?)$/;

function card(c: string, layout: string, cx: CandidateContext): Hit | undefined {
  if (!CARD_LAYOUT.test(layout) || c.length < 15) return undefined;
  const ctx = cx.has('card');
  if (!ctx && cx.has('negative')) return undefined;
  const first = c.charCodeAt(0) - 48;
  if (luhnOk(c)) return first >= 3 && first <= 6 || first === 9 || ctx ? hit('bank-card', true, ctx ? 0.97 : 0.85) : undefined;
  // UnionPay numbers need not pass Luhn (identifiers.md §1.4): only context makes one likely
  if (c.startsWith('62') && ctx) return hit('bank-card', false, 0.6);
  return undefined;
}

function korean13(c: string, layout: string, cx: CandidateContext): Hit | undefined {
  if (!(layout === '13' || layout === '6-7') || !krDateOk(c)) return undefined;
  const g = c.charCodeAt(6) - 48;
  const arn = g >= 5 && g <= 8;
  const type = arn ? 'kr-arn' : 'kr-rrn';
  const ctx = cx.has('rrn');
  const ok = arn ? krArnChecksumOk(c) : krRrnCheckDigit(c) === c[12];
  if (!ctx && layout === '13' && cx.has('negative')) return undefined;
  if (ok) return hit(type, true, layout === '6-7' || ctx ? 0.98 : 0.8);
  // from 2020-10-05 the last six digits are random, so a failed checksum says nothing (§1.9)
  if (cx.has('negative') && !ctx) return undefined;
  return hit(type, 'not-applicable', ctx ? 0.9 : layout === '6-7' ? 0.75 : 0.35);
}

// 18 digits: a resident ID or a numeric USCC; 15-19: an IMEI, an old resident ID or a bank card
function long(c: string, layout: string, cx: CandidateContext): Hit | undefined {
  const len = c.length;
  if (len === 18 && (layout === '18' || layout === '6-8-4')) {
    if (ricShapeOk(c)) {
      if (ricCheckChar(c) === c[17]) return hit('cn-resident-id', true, 0.99);
      return cx.has('ric') ? hit('cn-resident-id', false, 0.3) : undefined;
    }
    if (usccValid(c) && !cx.has('negative')) return hit('cn-uscc', true, cx.has('uscc') ? 0.97 : 0.6);
  }
  if (len === 15 && layout === '15' || layout === '2-6-6-1') {
    if (cx.has('imei') || layout === '2-6-6-1') return luhnOk(c) ? hit('imei', true, 0.95) : undefined;
    if (ric15ShapeOk(c) && !cx.has('negative')) return hit('cn-resident-id', 'not-applicable', cx.has('ric') ? 0.9 : 0.6);
  }
  return card(c, layout, cx);
}

function krBrn(c: string, layout: string, cx: CandidateContext): Hit | undefined {
  if (!(layout === '3-2-5' || (layout === '10' && cx.has('brn')))) return undefined;
  if (Number(c.slice(0, 3)) >= 101 && c.slice(3, 5) !== '00') {
    if (krBrnCheckDigit(c) === c[9]) return hit('kr-brn', true, 0.95);
    if (cx.has('brn')) return hit('kr-brn', false, 0.3);
  }
  return undefined;
}

function krDriver(c: string, layout: string, cx: CandidateContext): Hit | undefined {
  if (!(layout === '2-2-6-2' || (layout === '12' && cx.has('driver')))) return undefined;
  const r = Number(c.slice(0, 2));
  return (r >= 11 && r <= 26) || r === 28 ? hit('kr-driver-licence', 'not-applicable', cx.has('driver') ? 0.95 : 0.85) : undefined;
}

function moId(c: string, layout: string, cx: CandidateContext): Hit | undefined {
  if (/^[157]/.test(c) && (layout === '7-1' || layout === '1-6-1' || (layout === '8' && cx.has('moid') && !cx.has('phone')))) {
    return hit('mo-id', 'not-applicable', layout === '8' ? 0.7 : 0.85);
  }
  return undefined;
}

// by length, each kind's own checks: small functions the JIT optimises one by one, and sooner
function digits(c: string, layout: string, plus: boolean, cx: CandidateContext): Hit | undefined {
  const len = c.length;
  if (plus || (len > 10 && c.startsWith('00'))) {
    const p = intlPhone(c, cx);
    if (p) return hit(p.type, 'not-applicable', p.confidence);
    if (plus) return undefined;
  }
  if (len >= 15) return len <= 19 ? long(c, layout, cx) : undefined;
  let k: Hit | undefined;
  if (len === 8) k = moId(c, layout, cx);
  else if (len === 9) k = layout === '9' && cx.has('passport') ? hit('passport', 'not-applicable', 0.8) : undefined;
  else if (len === 10) k = krBrn(c, layout, cx);
  else if (len === 12) k = krDriver(c, layout, cx);
  else if (len === 13) k = korean13(c, layout, cx);
  if (k) return k;
  if (len >= 8 && len <= 13 && !cx.has('negative')) {
    const p = domesticPhone(c, layout, cx);
    if (p) return hit(p.type, 'not-applicable', p.confidence);
  }
  return undefined;
}

const CN_PASSPORT = /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}|[PSD]E?\d{7}|S\d{8})$/;
const KR_PASSPORT = /^[MSROD](?:\d{8}|\d{3}[A-Z]\d{4})$/;

function alnum(c: string, layout: string, cx: CandidateContext): Hit | undefined {
  const len = c.length;
  const single = layout.indexOf('-') < 0;
  if ((len === 8 || len === 9) && (single || layout.endsWith('-1')) && /^[A-Z]{1,2}\d{6}[0-9A]$/.test(c)) {
    const paren = layout.endsWith('-1');
    const ok = hkidCheckChar(c.slice(0, -1)) === c[len - 1];
    // a 2-letter HKID without brackets collides with E?-style PRC passports; context decides
    if (ok && (paren || cx.has('hkid') || !(CN_PASSPORT.test(c) && cx.has('passport')))) return hit('hk-id', true, paren || cx.has('hkid') ? 0.98 : 0.8);
    if (!ok && paren && cx.has('hkid')) return hit('hk-id', false, 0.3);
  }
  if (len === 10 && single && /^[A-Z][1289A-D]\d{8}$/.test(c)) {
    const type = /^[A-Z][12]/.test(c) ? 'tw-id' : 'tw-resident-cert';
    if (twChecksumOk(c)) return hit(type, true, 0.97);
    return cx.has('twid') ? hit(type, false, 0.3) : undefined;
  }
  if (len === 18 && single && usccValid(c)) return hit('cn-uscc', true, 0.97);
  if (!single) return undefined;
  const pass = cx.has('passport');
  const conf = pass ? 0.92 : 0.6;
  if (/^(?:K\d{8}|MA\d{7})$/.test(c)) return hit('passport', 'not-applicable', conf);
  const cn = CN_PASSPORT.test(c);
  const kr = KR_PASSPORT.test(c);
  if (cn && kr) return hit(cx.script() === 'ko' ? 'kr-passport' : 'cn-passport', 'not-applicable', conf);
  if (cn) return hit('cn-passport', 'not-applicable', conf);
  if (kr) return hit('kr-passport', 'not-applicable', conf);
  return undefined;
}

function ipv4(g: string[], i: number): boolean {
  for (let k = i; k < i + 4; k++) {
    const p = g[k];
    if (p.length > 3 || !isDigits(p) || Number(p) > 255 || (p.length > 1 && p[0] === '0')) return false;
  }
  return true;
}

/** Classifies groups g[i..j]: gl[k] is the length of g[k] as a string, sf[k] the flags of the separator before it. */
export function classify(g: string[], gl: string[], sf: number[], i: number, j: number, cx: CandidateContext): Hit | undefined {
  let c = g[i];
  let layout = gl[i];
  let allDots = true;
  let allDash = true;
  for (let k = i + 1; k <= j; k++) {
    const sep = sf[k];
    if (sep & SEP_COLON) return undefined;
    if (!(sep & SEP_DOT)) allDots = false;
    if (!(sep & SEP_DASH)) allDash = false;
    c += g[k];
    layout += '-' + gl[k];
  }
  if (j - i === 3 && allDots) return ipv4(g, i) ? hit('ip', 'not-applicable', cx.has('negative') ? 0.4 : 0.85) : undefined;
  if (c.length < 7 || c.length > 21) return undefined;
  if (j - i === 5 && allDash && /^(?:[0-9A-F]{2})+$/.test(c) && c.length === 12) return hit('mac', 'not-applicable', 0.85);
  if (isDigits(c)) return digits(c, layout, (sf[i] & SEP_PLUS) !== 0, cx);
  if (isDigits(c.slice(0, -1)) && c.endsWith('X')) {
    if (c.length === 18 && ricShapeOk(c)) return ricCheckChar(c) === 'X' ? hit('cn-resident-id', true, 0.99) : undefined;
    return undefined;
  }
  return alnum(c, layout, cx);
}
