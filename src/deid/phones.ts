// Phone-number checks: hand-coded fast paths for the commonest shapes, libphonenumber metadata for the rest.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

// libphonenumber v9 CN mobile ranges (identifiers.md §1.3); a lookup is ~100x cheaper than a metadata parse
const CN_MOBILE_PREFIXES = new Set([
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '180', '181', '182', '183', '184', '185', '186',
  '187', '188', '189', '145', '147', '150', '151', '152', '153', '155', '156', '157', '158', '159', '190', '191', '192',
  '193', '195', '196', '197', '198', '199', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178',
]);

// the same prefixes as numbers 100..199, looked up without a slice per candidate
const CN_MOBILE_PREFIX = new Uint8Array(200);
for (const p of CN_MOBILE_PREFIXES) CN_MOBILE_PREFIX[Number(p)] = 1;

/** True when 11 digits are an allocated PRC mobile number. */
export function cnMobileOk(d: string): boolean {
  if (d.length !== 11 || d.charCodeAt(0) !== 49) return false;
  const c1 = d.charCodeAt(1) - 48;
  const c2 = d.charCodeAt(2) - 48;
  if (c1 >= 0 && c1 <= 9 && c2 >= 0 && c2 <= 9 && CN_MOBILE_PREFIX[100 + c1 * 10 + c2] === 1) return true;
  return d.startsWith('1610') || (d.startsWith('1740') && d.charCodeAt(4) <= 53);
}

/** True when national digits (with trunk 0) are a current KR mobile number: 010 + 8, or legacy 01[16789] + 7/8. */
export function krMobileOk(d: string): boolean {
  if (d.startsWith('010')) return d.length === 11 && d.charCodeAt(3) !== 48;
  return (d.length === 10 || d.length === 11) && /^01[16789][1-9]/.test(d);
}

/** Phone line types libphonenumber reports. */
export type PhoneType = 'mobile' | 'fixed' | 'other';

/** Parses a number for a region with full metadata; returns E.164 and its type, or undefined when not valid. */
export function phoneInfo(value: string, region: CountryCode): PhoneInfo | undefined {
  const key = `${region}:${value}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit || undefined;
  const p = parsePhoneNumberFromString(value, region);
  let info: PhoneInfo | undefined;
  if (p && p.isValid()) {
    const t = p.getType();
    const type: PhoneType = t === 'MOBILE' ? 'mobile' : t === 'FIXED_LINE' || t === 'FIXED_LINE_OR_MOBILE' ? 'fixed' : 'other';
    info = { e164: p.number, type, country: p.country };
  }
  // a small memo: repetitive input (logs, adversarial runs of one number) must not pay a metadata parse each time
  if (cache.size >= 4096) cache.clear();
  cache.set(key, info ?? false);
  return info;
}

/** What libphonenumber says of a valid number. */
export interface PhoneInfo {
  e164: string;
  type: PhoneType;
  country?: string;
}

const cache = new Map<string, PhoneInfo | false>();

/** Country calling codes this pillar detects, with their region. */
export const CALLING_CODES: Record<string, CountryCode> = { '86': 'CN', '82': 'KR', '852': 'HK', '853': 'MO', '886': 'TW' };
