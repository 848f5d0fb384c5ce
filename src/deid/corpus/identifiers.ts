// Synthetic identifiers for the evaluation corpus: valid ones in the ways people write them, and near-miss invalid ones.
import type { Rng } from './random.ts';
import { CN_PROVINCES, hkidCheckChar, isRealDate, krBrnCheckDigit, krRrnCheckDigit, luhnCheckDigit, ricCheckChar, twCheckDigit, usccCheckChar } from '../checksums.ts';
import { phoneInfo } from '../phones.ts';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const PROVINCES = Object.keys(CN_PROVINCES).filter((p) => Number(p) < 70);
const FULL = (s: string) => s.replace(/[0-9A-Za-z-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

function date(r: Rng, from: number, to: number): [number, number, number] {
  for (;;) {
    const y = r.range(from, to);
    const m = r.range(1, 12);
    const d = r.range(1, 31);
    if (isRealDate(y, m, d)) return [y, m, d];
  }
}

/** Replaces the last character with a different one from `alphabet` (a wrong check character). */
export function breakCheck(v: string, alphabet = '0123456789'): string {
  const last = v[v.length - 1];
  const choices = alphabet.replace(last, '');
  return v.slice(0, -1) + choices[(last.charCodeAt(0) * 7) % choices.length];
}

/** PRC resident ID (18), sometimes with a lower-case x or in full-width digits. */
export function residentId(r: Rng): string {
  const [y, m, d] = date(r, 1940, 2010);
  const body = r.pick(PROVINCES) + pad(r.range(1, 99), 2) + pad(r.range(1, 99), 2) + pad(y, 4) + pad(m, 2) + pad(d, 2) + r.digits(3);
  const v = body + ricCheckChar(body);
  return r.chance(0.03) ? FULL(v) : r.chance(0.5) ? v.replace('X', 'x') : v;
}

/** Old 15-digit resident ID (no check digit). */
export function residentId15(r: Rng): string {
  const [y, m, d] = date(r, 1930, 1979);
  return r.pick(PROVINCES) + pad(r.range(1, 99), 2) + pad(r.range(1, 99), 2) + pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + r.digits(3);
}

/** Unified social credit code. */
export function uscc(r: Rng): string {
  const alpha = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = r.pick(['91', '92', '93', '12', '52']) + r.pick(PROVINCES) + r.digits(4);
  for (let i = 0; i < 9; i++) body += r.chance(0.6) ? String(r.int(10)) : alpha[r.range(10, 30)];
  return body + usccCheckChar(body);
}

const CN_MOBILE = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '166', '177', '180', '186', '187', '188', '189', '198', '199'];

/** PRC mobile in one of the common spellings. */
export function cnMobile(r: Rng): string {
  const d = r.pick(CN_MOBILE) + r.digits(8);
  const f = r.int(10);
  if (f < 5) return d;
  if (f < 7) return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  if (f < 8) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  if (f < 9) return `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  return FULL(`${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`);
}

function validPhone(r: Rng, make: () => string, region: 'CN' | 'KR' | 'HK' | 'MO' | 'TW'): string {
  for (;;) {
    const v = make();
    if (phoneInfo(v, region)) return v;
  }
}

/** PRC landline: area code and subscriber number. */
export function cnLandline(r: Rng): string {
  return validPhone(r, () => {
    const area = r.pick(['010', '021', '020', '022', '025', '027', '028', '029', '0571', '0755', '0512', '0532', '0591']);
    const sub = String(r.range(2, 8)) + r.digits(7);
    return r.chance(0.8) ? `${area}-${sub}` : `(${area})${sub}`;
  }, 'CN');
}

/** Korean mobile or Seoul/Gyeonggi landline. */
export function krPhone(r: Rng): string {
  return validPhone(r, () => {
    const f = r.int(10);
    if (f < 6) return `010-${r.range(2, 9)}${r.digits(3)}-${r.digits(4)}`;
    if (f < 7) return `+82 10-${r.range(2, 9)}${r.digits(3)}-${r.digits(4)}`;
    if (f < 8) return `010${r.range(2, 9)}${r.digits(7)}`;
    if (f < 9) return `02-${r.range(2, 9)}${r.digits(3)}-${r.digits(4)}`;
    return `031-${r.range(2, 9)}${r.digits(2)}-${r.digits(4)}`;
  }, 'KR');
}

/** Hong Kong number, with +852 or bare (the template adds a phone word). */
export function hkPhone(r: Rng, intl: boolean): string {
  return validPhone(r, () => {
    const d = r.pick(['5', '6', '9', '2', '3']) + r.digits(7);
    return intl ? `+852 ${d.slice(0, 4)} ${d.slice(4)}` : `${d.slice(0, 4)} ${d.slice(4)}`;
  }, 'HK');
}

/** Macau number, with +853 or bare. */
export function moPhone(r: Rng, intl: boolean): string {
  return validPhone(r, () => {
    const d = r.chance(0.8) ? `6${r.pick(['2', '3', '5', '6', '8'])}${r.digits(6)}` : `28${r.digits(6)}`;
    return intl ? `+853 ${d.slice(0, 4)} ${d.slice(4)}` : `${d.slice(0, 4)}${d.slice(4)}`;
  }, 'MO');
}

/** Taiwan mobile. */
export function twPhone(r: Rng): string {
  return validPhone(r, () => {
    const d = `09${r.digits(8)}`;
    return r.chance(0.7) ? `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}` : r.chance(0.5) ? d : `+886 ${d.slice(1, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  }, 'TW');
}

/** Bank card: UnionPay 62 (16/19) or Visa/Mastercard 16, grouped by four or not. */
export function bankCard(r: Rng): string {
  const prefix = r.pick(['62', '62', '621', '622', '4', '51', '55']);
  const len = prefix.startsWith('62') && r.chance(0.3) ? 19 : 16;
  const body = prefix + r.digits(len - 1 - prefix.length);
  const d = body + luhnCheckDigit(body);
  return r.chance(0.5) ? d.replace(/(\d{4})(?=\d)/g, '$1 ') : d;
}

/** PRC passport (E + 8 digits or E + letter + 7 digits). */
export function cnPassport(r: Rng): string {
  return r.chance(0.5) ? `E${r.digits(8)}` : `E${r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${r.digits(7)}`;
}

/** Korean passport (current or previous form). */
export function krPassport(r: Rng): string {
  return r.chance(0.6) ? `M${r.digits(3)}${r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${r.digits(4)}` : `M${r.digits(8)}`;
}

/** HKID, mostly written with the check digit in brackets. */
export function hkid(r: Rng): string {
  const letters = r.chance(0.9) ? r.pick([...'ABCDEGHKMPRVYZ']) : r.pick(['XA', 'XB', 'WX']);
  const body = letters + r.digits(6);
  const c = hkidCheckChar(body);
  return r.chance(0.85) ? `${body}(${c})` : body + c;
}

/** Macau BIR number in its two written forms. */
export function moId(r: Rng): string {
  const d = r.pick(['1', '5', '7']) + r.digits(7);
  return r.chance(0.7) ? `${d.slice(0, 7)}(${d[7]})` : `${d[0]}/${d.slice(1, 7)}/${d[7]}`;
}

/** Taiwan national ID, or a resident certificate (new 8/9 or old A-D form). */
export function twId(r: Rng, kind: 'id' | 'new' | 'old'): string {
  const second = kind === 'id' ? r.pick(['1', '2']) : kind === 'new' ? r.pick(['8', '9']) : r.pick(['A', 'B', 'C', 'D']);
  const body = r.pick([...'ABCDEFGHJKLMNPQRSTUVXYWZIO']) + second + r.digits(7);
  return body + twCheckDigit(body);
}

/** Korean RRN (pre-2020 with check digit, or post-2020 random tail) or ARN. */
export function krRrn(r: Rng, kind: 'pre' | 'post' | 'arn'): string {
  const [y, m, d] = kind === 'post' ? date(r, 2020, 2024) : date(r, 1950, 2015);
  const g = kind === 'arn' ? (y >= 2000 ? r.pick([7, 8]) : r.pick([5, 6])) : y >= 2000 ? r.pick([3, 4]) : r.pick([1, 2]);
  const body = pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + g + r.digits(5);
  let check = kind === 'post' ? String(r.int(10)) : krRrnCheckDigit(body);
  if (kind === 'arn') {
    let s = 0;
    [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5].forEach((w, i) => (s += Number(body[i]) * w));
    check = String((13 - (s % 11)) % 10);
  }
  const v = body + check;
  return r.chance(0.85) ? `${v.slice(0, 6)}-${v.slice(6)}` : v;
}

/** Korean business registration number, mostly NNN-NN-NNNNN. */
export function krBrn(r: Rng): string {
  const body = pad(r.range(101, 899), 3) + pad(r.range(1, 99), 2) + pad(r.range(1, 9999), 4);
  const v = body + krBrnCheckDigit(body);
  return r.chance(0.85) ? `${v.slice(0, 3)}-${v.slice(3, 5)}-${v.slice(5)}` : v;
}

/** Korean driver licence RR-YY-NNNNNN-CC. */
export function krDriver(r: Rng): string {
  return `${r.range(11, 26)}-${pad(r.range(0, 24), 2)}-${r.digits(6)}-${r.digits(2)}`;
}

/** IMEI with a Luhn check digit. */
export function imei(r: Rng): string {
  const body = r.pick(['35', '86', '01', '49']) + r.digits(12);
  const v = body + luhnCheckDigit(body);
  return r.chance(0.3) ? `${v.slice(0, 2)}-${v.slice(2, 8)}-${v.slice(8, 14)}-${v[14]}` : v;
}

/** IPv4 (public-looking), IPv6 or MAC. */
export function network(r: Rng, kind: 'ipv4' | 'ipv6' | 'mac'): string {
  if (kind === 'ipv4') return `${r.range(11, 223)}.${r.range(0, 255)}.${r.range(0, 255)}.${r.range(1, 254)}`;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(16)]).join('');
  if (kind === 'ipv6') return r.chance(0.5) ? `2001:db8:${hex(4)}::${hex(3)}` : `fe80::${hex(4)}:${hex(4)}:${hex(4)}:${hex(4)}`;
  return Array.from({ length: 6 }, () => hex(2).toUpperCase()).join(':');
}

/** A birth date in a language's usual spelling. */
export function birthDate(r: Rng, lang: string): string {
  const [y, m, d] = date(r, 1940, 2010);
  if (lang === 'ko') return `${y}년 ${m}월 ${d}일`;
  if (lang.startsWith('zh')) return r.chance(0.5) ? `${y}年${m}月${d}日` : `${y}-${pad(m, 2)}-${pad(d, 2)}`;
  return r.chance(0.5) ? `${y}-${pad(m, 2)}-${pad(d, 2)}` : `${y}/${pad(m, 2)}/${pad(d, 2)}`;
}
