// Display masks: one mask per identifier kind per deployment, defaults from identifiers.md §1.17 and §2.
import type { IdentifierKind } from './deid.model.ts';
import { compact, isAlnumCode } from './text.ts';
import { CALLING_CODES } from './phones.ts';

/** A deployment's rule for one kind: how many identifier characters stay visible at each end. */
export interface MaskRule {
  keepFirst: number;
  keepLast: number;
  char?: string;
}

/** Per-kind mask overrides of a deployment. */
export type MaskOverrides = Partial<Record<IdentifierKind, MaskRule>>;

// runs of the default mask character, shared rather than built per preview
const STARS = Array.from({ length: 40 }, (_, i) => '*'.repeat(i));
const repeat = (char: string, n: number) => (char === '*' && n < STARS.length ? STARS[n] : char.repeat(n));
const count = (n: number) => Number.isInteger(n) && n >= 0;

/** Masks letters and digits outside the first `keepFirst` and last `keepLast`; separators stay. */
export function maskKeeping(value: string, keepFirst: number, keepLast: number, char = '*'): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isAlnumCode(value.charCodeAt(i))) total++;
  // only letters and digits (most identifiers as written): one masked stretch in the middle
  if (total === value.length && count(keepFirst) && count(keepLast)) {
    const hi = total - keepLast;
    return keepFirst >= hi ? value : value.slice(0, keepFirst) + repeat(char, hi - keepFirst) + value.slice(hi);
  }
  // copies unmasked stretches as slices and masked runs as one repeat, not character by character
  let out = '';
  let seen = 0;
  let from = 0;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const alnum = isAlnumCode(value.charCodeAt(i));
    if (alnum && !(seen < keepFirst || seen >= total - keepLast)) {
      if (run === 0) out += value.slice(from, i);
      run++;
    } else if (run > 0) {
      out += repeat(char, run);
      run = 0;
      from = i;
    }
    if (alnum) seen++;
  }
  return run > 0 ? out + repeat(char, run) : out + value.slice(from);
}

// ASCII or full-width letters before the first digit, separators skipped (E, MA in passports; A, WX in HKIDs)
function leadingLetters(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isAlnumCode(c)) continue;
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) break;
    n++;
  }
  return n;
}

const CODES_LONGEST_FIRST = Object.keys(CALLING_CODES).sort((a, b) => b.length - a.length);

// digits of an international prefix (+86, 0086) that stay visible in front of the national number
function callingPrefix(value: string): number {
  // most values open with a national digit: no prefix to look for
  const c0 = value.charCodeAt(0);
  if ((c0 >= 49 && c0 <= 57) || (c0 >= 0xff11 && c0 <= 0xff19)) return 0;
  const t = value.trimStart();
  const c = compact(t);
  const intl = t.startsWith('+') || t.startsWith('＋') ? 0 : c.startsWith('00') ? 2 : -1;
  if (intl < 0) return 0;
  for (const cc of CODES_LONGEST_FIRST) if (c.startsWith(cc, intl)) return intl + cc.length;
  return intl + 2;
}

function alnumCount(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) if (isAlnumCode(value.charCodeAt(i))) n++;
  return n;
}

const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯', '南宫', '尉迟', '长孙', '宇文', '歐陽', '諸葛', '東方', '南宮', '長孫', '司馬']);

const HANGUL_NAME = /^[\u3131-\u318e\uac00-\ud7a3]+$/;
const HAN_NAME = /^[\u3400-\u9fff\u00b7·]+$/;
const LATIN_WORD = /([A-Za-z\u00c0-\u024f])([A-Za-z\u00c0-\u024f'.-]*)/g;

function maskName(value: string): string {
  const v = value.trim();
  // both scripts below lie in the BMP: one UTF-16 unit per character
  if (HANGUL_NAME.test(v)) {
    // Korean practice: 홍*, 홍*동, and first + last kept for longer names (identifiers.md §2.2)
    if (v.length <= 2) return v[0] + repeat('*', v.length - 1);
    return v[0] + repeat('*', v.length - 2) + v[v.length - 1];
  }
  if (HAN_NAME.test(v)) {
    const keep = v.length > 2 && COMPOUND_SURNAMES.has(v.slice(0, 2)) ? 2 : 1;
    return v.slice(0, keep) + repeat('*', v.length - keep);
  }
  return v.replace(LATIN_WORD, (_, a: string, b: string) => a + repeat('*', b.length));
}

function maskAddress(value: string): string {
  // characters, not UTF-16 units: an address may hold a supplementary-plane character
  const chars = /[\ud800-\udfff]/.test(value) ? Array.from(value) : value;
  // hutool masks the last 8 characters; short addresses keep only their first third
  const keep = chars.length > 12 ? chars.length - 8 : Math.ceil(chars.length / 3);
  let out = typeof chars === 'string' ? chars.slice(0, keep) : chars.slice(0, keep).join('');
  for (let i = keep; i < chars.length; i++) out += chars[i] === ' ' || chars[i] === '\u3000' ? chars[i] : '*';
  return out;
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskKeeping(value, 0, 0);
  return value[0] + repeat('*', Math.max(1, at - 1)) + value.slice(at);
}

// the first group stays; IPv6 keeps its empty groups (::) so the shape survives
function maskIp(value: string): string {
  const sep = value.includes(':') ? ':' : '.';
  let end = value.indexOf(sep);
  if (end < 0) return value;
  let out = value.slice(0, end);
  while (end >= 0) {
    const next = value.indexOf(sep, end + 1);
    const empty = (next < 0 ? value.length : next) === end + 1;
    out += sep === ':' && empty ? sep : `${sep}*`;
    end = next;
  }
  return out;
}

type Masker = (v: string) => string;
const keep = (a: number, b: number): Masker => (v) => maskKeeping(v, a, b);

const DEFAULT_MASKS: Partial<Record<IdentifierKind, Masker>> = {
  'cn-resident-id': keep(1, 2),
  'cn-uscc': keep(8, 2),
  'cn-mobile': (v) => maskKeeping(v, callingPrefix(v) + 3, 4),
  'cn-landline': (v) => {
    const p = callingPrefix(v);
    const national = compact(v).slice(p);
    const trunk = national.startsWith('0') ? 1 : 0;
    const area = /^[12]/.test(national.slice(trunk)) ? 2 : 3;
    return maskKeeping(v, p + trunk + area, 2);
  },
  'bank-card': keep(6, 4),
  'bank-account': keep(0, 4),
  'cn-passport': (v) => maskKeeping(v, leadingLetters(v), 4),
  passport: (v) => maskKeeping(v, leadingLetters(v), 3),
  'hk-id': (v) => maskKeeping(v, leadingLetters(v) + 3, 0),
  'mo-id': keep(1, 1),
  'tw-id': keep(2, 3),
  'tw-resident-cert': keep(2, 3),
  'kr-rrn': keep(6, 0),
  'kr-arn': keep(6, 0),
  'kr-brn': keep(5, 0),
  'kr-driver-licence': keep(4, 0),
  'kr-passport': keep(1, 3),
  'kr-phone': (v) => maskKeeping(v, Math.max(0, alnumCount(v) - 4), 0),
  'hk-phone': (v) => maskKeeping(v, Math.max(0, alnumCount(v) - 4), 0),
  'mo-phone': (v) => maskKeeping(v, Math.max(0, alnumCount(v) - 4), 0),
  'tw-phone': (v) => maskKeeping(v, Math.max(0, alnumCount(v) - 4), 0),
  phone: (v) => maskKeeping(v, callingPrefix(v) + 2, 2),
  email: maskEmail,
  ip: maskIp,
  mac: keep(6, 0),
  imei: keep(8, 0),
  'device-id': keep(4, 0),
  'postal-code': keep(3, 0),
  'birth-date': keep(4, 0),
  date: keep(4, 0),
  name: maskName,
  'account-name': maskName,
  address: maskAddress,
};

/** Masks a value with the deployment's rule for its kind (override) or the default of identifiers.md §1.17. */
export function mask(kind: IdentifierKind, value: string, overrides?: MaskOverrides): string {
  const o = overrides?.[kind];
  if (o) return maskKeeping(value, o.keepFirst, o.keepLast, o.char ?? '*');
  const m = DEFAULT_MASKS[kind];
  return m ? m(value) : maskKeeping(value, 0, 0);
}
