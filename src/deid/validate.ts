// Validators for identifier kinds, used by the vault before storing a value; messages never echo the value.
import { isIP } from 'node:net';
import type { IdentifierKind, ValidationResult } from './deid.model.ts';
import { compact, digitsOf, foldWidth } from './text.ts';
import {
  CN_PROVINCES, hkidCheckChar, isRealDate, krArnChecksumOk, krBrnCheckDigit, krDateOk, krRrnCheckDigit, luhnOk,
  ric15ShapeOk, ricCheckChar, ricShapeOk, twChecksumOk, usccValid,
} from './checksums.ts';
import { phoneInfo, type PhoneType } from './phones.ts';
import type { CountryCode } from 'libphonenumber-js/max';

const refuse = (reason: string): ValidationResult => ({ ok: false, reason });

function residentId(v: string): ValidationResult {
  const c = compact(v);
  if (/^\d{15}$/.test(c)) {
    return ric15ShapeOk(c)
      ? { ok: true, normalized: c, warning: 'old 15-digit form: no check digit to verify' }
      : refuse('province code or birth date of the 15-digit form is not valid');
  }
  if (!/^\d{17}[\dX]$/.test(c)) return refuse('expected 18 characters: 17 digits then a digit or X');
  if (!(c.slice(0, 2) in CN_PROVINCES)) return refuse('unknown province code');
  if (!ricShapeOk(c)) return refuse('birth date is not a real past date');
  if (ricCheckChar(c) !== c[17]) return refuse('check character does not match (GB 11643 MOD 11-2)');
  return { ok: true, normalized: c };
}

function korean(v: string, arn: boolean): ValidationResult {
  const d = digitsOf(v);
  if (d.length !== 13 || compact(v).length !== 13) return refuse('expected 13 digits (YYMMDD-GNNNNNN)');
  const g = d.charCodeAt(6) - 48;
  if (arn ? g < 5 || g > 8 : !(g <= 4 || g === 9)) return refuse(arn ? 'gender digit must be 5-8 for a foreigner' : 'gender digit must be 0-4 or 9');
  if (!krDateOk(d)) return refuse('birth date is not a real past date');
  const normalized = `${d.slice(0, 6)}-${d.slice(6)}`;
  const ok = arn ? krArnChecksumOk(d) : krRrnCheckDigit(d) === d[12];
  // numbers assigned or changed from 2020-10-05 carry no check digit (identifiers.md §1.9)
  return ok ? { ok: true, normalized } : { ok: true, normalized, warning: 'checksum does not hold; numbers issued from October 2020 have no check digit' };
}

function phone(v: string, region: CountryCode | undefined, want?: PhoneType): ValidationResult {
  const f = foldWidth(v).trim();
  if (!/^[+\d()\-. ]{4,24}$/.test(f)) return refuse('not a phone number shape');
  const info = phoneInfo(f, region ?? ('ZZ' as CountryCode));
  if (!info) return refuse(region ? 'not a valid number for the region' : 'not a valid international number (+ and country code)');
  if (region && info.country !== region) return refuse('number belongs to another region');
  if (want && info.type !== want && !(want === 'fixed' && info.type === 'other')) return refuse(`not a ${want === 'mobile' ? 'mobile' : 'landline'} number`);
  return { ok: true, normalized: info.e164 };
}

function date(v: string, birth: boolean): ValidationResult {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.월月]\s*(\d{1,2})\s*[日일]?$|^(\d{4})(\d{2})(\d{2})$/.exec(foldWidth(v).trim().replace(/년\s*/, '-'));
  if (!m) return refuse('not a date in a known form (YYYY-MM-DD, YYYYMMDD, YYYY年M月D日)');
  const [y, mo, d] = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).map(Number);
  if (!isRealDate(y, mo, d, birth ? new Date() : undefined)) return refuse(birth ? 'not a real past date' : 'not a real date');
  return { ok: true, normalized: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

const VALIDATORS: Partial<Record<IdentifierKind, (v: string) => ValidationResult>> = {
  'cn-resident-id': residentId,
  'cn-uscc': (v) => {
    const c = compact(v);
    if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(c)) return refuse('expected 18 characters from the GB 32100 alphabet');
    return usccValid(c) ? { ok: true, normalized: c } : refuse('check character does not match (GB 32100)');
  },
  'cn-mobile': (v) => phone(v, 'CN', 'mobile'),
  'cn-landline': (v) => phone(v, 'CN', 'fixed'),
  'bank-card': (v) => {
    const d = digitsOf(v);
    if (d.length < 12 || d.length > 19 || compact(v).length !== d.length) return refuse('expected 12 to 19 digits');
    if (luhnOk(d)) return { ok: true, normalized: d };
    // UnionPay (62) numbers need not satisfy Luhn (identifiers.md §1.4): warn, never refuse
    return d.startsWith('62') ? { ok: true, normalized: d, warning: 'Luhn check fails; UnionPay numbers may not use it' } : refuse('Luhn check fails');
  },
  'cn-passport': (v) => {
    const c = compact(v);
    return /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}|[PSD]E?\d{7}|S\d{8}|1[45]\d{7})$/.test(c) ? { ok: true, normalized: c } : refuse('not a PRC passport number shape');
  },
  'hk-id': (v) => {
    const c = compact(v);
    if (!/^[A-Z]{1,2}\d{6}[0-9A]$/.test(c)) return refuse('expected 1-2 letters, 6 digits and a check character');
    const body = c.slice(0, -1);
    return hkidCheckChar(body) === c.slice(-1) ? { ok: true, normalized: `${body}(${c.slice(-1)})` } : refuse('check character does not match');
  },
  'mo-id': (v) => {
    const c = compact(v);
    if (!/^[157]\d{7}$/.test(c)) return refuse('expected 8 digits starting with 1, 5 or 7');
    // the Macau check-digit algorithm is not published (identifiers.md §1.7)
    return { ok: true, normalized: `${c.slice(0, 7)}(${c[7]})`, warning: 'check digit algorithm unpublished: format checked only' };
  },
  'tw-id': (v) => {
    const c = compact(v);
    if (!/^[A-Z][12]\d{8}$/.test(c)) return refuse('expected a letter, 1 or 2, and 8 digits');
    return twChecksumOk(c) ? { ok: true, normalized: c } : refuse('check digit does not match');
  },
  'tw-resident-cert': (v) => {
    const c = compact(v);
    if (!/^[A-Z][89A-D]\d{8}$/.test(c)) return refuse('expected a letter, 8/9 or A-D, and 8 digits');
    return twChecksumOk(c) ? { ok: true, normalized: c } : refuse('check digit does not match');
  },
  'kr-rrn': (v) => korean(v, false),
  'kr-arn': (v) => korean(v, true),
  'kr-brn': (v) => {
    const d = digitsOf(v);
    if (d.length !== 10 || compact(v).length !== 10) return refuse('expected 10 digits (NNN-NN-NNNNN)');
    if (Number(d.slice(0, 3)) < 101 || d.slice(3, 5) === '00' || d.slice(5, 9) === '0000') return refuse('office, type or serial part is not valid');
    return krBrnCheckDigit(d) === d[9] ? { ok: true, normalized: `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` } : refuse('check digit does not match');
  },
  'kr-driver-licence': (v) => {
    const d = digitsOf(v);
    if (d.length !== 12 || compact(v).length !== 12) return refuse('expected 12 digits (RR-YY-NNNNNN-CC)');
    const r = Number(d.slice(0, 2));
    return (r >= 11 && r <= 26) || r === 28 ? { ok: true, normalized: `${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 10)}-${d.slice(10)}` } : refuse('unknown region code');
  },
  'kr-passport': (v) => {
    const c = compact(v);
    return /^[MSROD](?:\d{8}|\d{3}[A-Z]\d{4})$/.test(c) ? { ok: true, normalized: c } : refuse('not a Korean passport number shape');
  },
  passport: (v) => {
    const c = compact(v);
    return /^[A-Z0-9]{6,9}$/.test(c) && /\d{5}/.test(c) ? { ok: true, normalized: c } : refuse('not a passport number shape');
  },
  'kr-phone': (v) => phone(v, 'KR'),
  'hk-phone': (v) => phone(v, 'HK'),
  'mo-phone': (v) => phone(v, 'MO'),
  'tw-phone': (v) => phone(v, 'TW'),
  phone: (v) => phone(v, undefined),
  email: (v) => {
    const f = foldWidth(v).trim();
    if (f.length > 254 || !EMAIL.test(f) || f.indexOf('@') > 64) return refuse('not an email address');
    const at = f.lastIndexOf('@');
    return { ok: true, normalized: `${f.slice(0, at)}@${f.slice(at + 1).toLowerCase()}` };
  },
  ip: (v) => {
    const f = foldWidth(v).trim();
    return isIP(f) ? { ok: true, normalized: f.toLowerCase() } : refuse('not an IPv4 or IPv6 address');
  },
  mac: (v) => {
    const f = foldWidth(v).trim();
    if (!/^[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4})$|^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/.test(f)) return refuse('not a MAC address');
    return { ok: true, normalized: compact(f).match(/../g)!.join(':') };
  },
  imei: (v) => {
    const d = digitsOf(v);
    if (d.length !== 15 || compact(v).length !== 15) return refuse('expected 15 digits');
    return luhnOk(d) ? { ok: true, normalized: d } : refuse('Luhn check digit does not match');
  },
  'postal-code': (v) => {
    const c = compact(v);
    return /^\d{3}(?:\d{2,3})?$/.test(c) ? { ok: true, normalized: c } : refuse('expected 3, 5 or 6 digits');
  },
  'birth-date': (v) => date(v, true),
  date: (v) => date(v, false),
};

/** Validates a value of an identifier kind: refuses only where the format or an always-applicable check digit fails. */
export function validate(kind: IdentifierKind, value: string): ValidationResult {
  if (typeof value !== 'string') return refuse('value must be a string');
  if (value.length > 4096) return refuse('value is too long');
  const v = VALIDATORS[kind];
  if (v) return v(value);
  const t = value.trim();
  return t.length === 0 ? refuse('value is empty') : { ok: true, normalized: t };
}
