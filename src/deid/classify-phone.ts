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
    const kr = krMobileOk(c) || c.startsWith('02') || c.startsWith('070') || /^0[3-6][1-5]/.test(c);
    // 010 + 8 digits is both a Korean mobile and a Beijing landline: outside Chinese text the mobile is likelier
    const order: CountryCode[] = script === 'ko' || (kr && script === 'other') ? ['KR', 'CN', 'TW']
      : script === 'zh-Hant' ? ['TW', 'CN', 'KR'] : ['CN', 'TW', 'KR'];
    for (const r of order) {
      const t = national(r, c.slice(1));
      if (t) return { type: t, confidence: base };
    }
    return undefined;
  }
  if (c.length === 8 && ctx) {
    const order: CountryCode[] = cx.has('moid') ? ['MO', 'HK'] : ['HK', 'MO'];
    for (const r of order) if (phoneType(r, c, false)) return { type: REGION_KIND[r], confidence: GOOD_LAYOUTS.has(layout) ? 0.85 : 0.7 };
  }
  return undefined;
}
