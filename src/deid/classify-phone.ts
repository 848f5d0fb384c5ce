// Phone classification of a digit run: international prefix, region by script and grouping, metadata check.
import type { DetectedKind } from './deid.model.ts';
import type { CandidateContext } from './context.ts';
import { cnMobileOk, krMobileOk } from './phones.ts';
import { phoneType } from './phone-plans.ts';
import type { CountryCode } from 'libphonenumber-js/max';

/** A phone classification: kind and confidence. */
export interface PhoneHit {
  type: DetectedKind;
  confidence: number;
}

const REGION_KIND: Record<string, DetectedKind> = { KR: 'kr-phone', HK: 'hk-phone', MO: 'mo-phone', TW: 'tw-phone' };

function national(region: CountryCode, nat: string): DetectedKind | undefined {
  if (region === 'CN') {
    if (cnMobileOk(nat)) return 'cn-mobile';
    const t = phoneType('CN', nat, true);
    return t && t !== 'mobile' ? 'cn-landline' : undefined;
  }
  if (region === 'KR' && krMobileOk(`0${nat}`)) return 'kr-phone';
  const kind = REGION_KIND[region];
  return kind && phoneType(region, nat, true) ? kind : undefined;
}

/** Classifies a digit string written with a + or 00 international prefix. */
export function intlPhone(c: string, cx: CandidateContext): PhoneHit | undefined {
  const d = c.startsWith('00') ? c.slice(2) : c;
  for (const [cc, region] of [['852', 'HK'], ['853', 'MO'], ['886', 'TW'], ['86', 'CN'], ['82', 'KR']] as const) {
    if (!d.startsWith(cc)) continue;
    let nat = d.slice(cc.length);
    if (nat.startsWith('0') && region !== 'CN') nat = nat.slice(1);
    if (nat.length < 7 || nat.length > 11) return undefined;
    const t = national(region, nat);
    return t ? { type: t, confidence: cx.has('phone') ? 0.98 : 0.95 } : undefined;
  }
  return undefined;
}

const KR_FIRST: readonly CountryCode[] = ['KR', 'CN', 'TW'];
const TW_FIRST: readonly CountryCode[] = ['TW', 'CN', 'KR'];
const CN_FIRST: readonly CountryCode[] = ['CN', 'TW', 'KR'];
const MO_FIRST: readonly CountryCode[] = ['MO', 'HK'];
const HK_FIRST: readonly CountryCode[] = ['HK', 'MO'];

// a Korean mobile, Seoul (02), internet phone (070) or provincial (0[3-6][1-5]) prefix
function krShaped(c: string): boolean {
  const c1 = c.charCodeAt(1);
  const c2 = c.charCodeAt(2);
  return krMobileOk(c) || c1 === 50 || (c1 === 55 && c2 === 48) || (c1 >= 51 && c1 <= 54 && c2 >= 49 && c2 <= 53);
}

const GOOD_LAYOUTS = new Set(['11', '3-4-4', '3-8', '4-7', '4-8', '3-7', '3-3-4', '2-3-4', '2-4-4', '4-3-3', '10', '12', '2-8', '4-4', '8', '9', '3-4', '2-7']);

/** Classifies a domestic digit string (no international prefix) as a phone of CN, KR, HK, MO or TW. */
export function domesticPhone(c: string, layout: string, cx: CandidateContext): PhoneHit | undefined {
  const ctx = cx.has('phone');
  const base = (GOOD_LAYOUTS.has(layout) ? 0.9 : 0.7) + (ctx ? 0.08 : 0);
  if (c.charCodeAt(0) === 49) {
    if (c.length === 11 && cnMobileOk(c)) return { type: 'cn-mobile', confidence: base };
    if (c.length === 13 && c.startsWith('86') && cnMobileOk(c.slice(2))) return { type: 'cn-mobile', confidence: 0.8 };
    return undefined;
  }
  if (c.charCodeAt(0) === 48) {
    if (c.length === 10 && c.startsWith('09')) return phoneType('TW', c, false) ? { type: 'tw-phone', confidence: base } : undefined;
    const script = cx.script();
    // 010 + 8 digits is both a Korean mobile and a Beijing landline: outside Chinese text the mobile is likelier
    const order = script === 'ko' || (script === 'other' && krShaped(c)) ? KR_FIRST : script === 'zh-Hant' ? TW_FIRST : CN_FIRST;
    const nat = c.slice(1);
    for (const r of order) {
      const t = national(r, nat);
      if (t) return { type: t, confidence: base };
    }
    return undefined;
  }
  if (c.length === 8 && ctx) {
    const order = cx.has('moid') ? MO_FIRST : HK_FIRST;
    for (const r of order) if (phoneType(r, c, false)) return { type: REGION_KIND[r], confidence: GOOD_LAYOUTS.has(layout) ? 0.85 : 0.7 };
  }
  return undefined;
}
