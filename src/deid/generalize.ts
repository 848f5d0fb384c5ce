// Generalisation for exports: birth date to an age band, resident ID to its province, address to its city.
import { CN_PROVINCES, isRealDate } from './checksums.ts';
import { compact, foldWidth } from './text.ts';

/** The age band ("30-39", "90+") of a birth date (YYYY-MM-DD, YYYYMMDD or a Date) on a given day. */
export function ageBand(birthDate: string | Date, asOf: Date = new Date(), width = 10): string | undefined {
  let y: number, m: number, d: number;
  if (birthDate instanceof Date) [y, m, d] = [birthDate.getUTCFullYear(), birthDate.getUTCMonth() + 1, birthDate.getUTCDate()];
  else {
    const x = /^(\d{4})\D?(\d{1,2})\D?(\d{1,2})/.exec(foldWidth(birthDate).trim());
    if (!x) return undefined;
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  }
  if (!isRealDate(y, m, d)) return undefined;
  const ay = asOf.getUTCFullYear();
  const am = asOf.getUTCMonth() + 1;
  const ad = asOf.getUTCDate();
  const age = ay - y - (am < m || (am === m && ad < d) ? 1 : 0);
  if (age < 0) return undefined;
  if (age >= 90) return '90+';
  const lo = Math.floor(age / width) * width;
  return `${lo}-${lo + width - 1}`;
}

/** The province of a PRC resident ID from its address code: code, Chinese and English names. */
export function provinceOfResidentId(id: string): { code: string; zh: string; en: string } | undefined {
  const code = compact(id).slice(0, 2);
  const p = CN_PROVINCES[code];
  return p ? { code, zh: p[0], en: p[1] } : undefined;
}

const ZH_CITY = /^(?:中国|中國)?(?:(北京市|上海市|天津市|重庆市|重慶市|香港|澳门|澳門)|(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|自治區))?([\u4e00-\u9fff]{2,7}?(?:市|自治州|地区|地區|盟)))/;
const TW_CITY = /^(?:台灣|臺灣)?([\u4e00-\u9fff]{2}(?:市|縣))/;
const KO_CITY = /^((?:서울|부산|대구|인천|광주|대전|울산|세종)[가-힣]*?(?:특별시|광역시|특별자치시|시)?)(?:\s|$)|^[가-힣]+도\s+([가-힣]+시|[가-힣]+군)/;

/** The city of an address (PRC, Taiwan, Korean, or "street, city, region" English forms), if recognisable. */
export function cityOfAddress(address: string): string | undefined {
  const a = foldWidth(address).trim();
  const tw = TW_CITY.exec(a);
  const zh = ZH_CITY.exec(a);
  if (zh && (zh[1] || zh[2])) return zh[1] ?? zh[2];
  if (tw) return tw[1];
  const ko = KO_CITY.exec(a);
  if (ko) return ko[1] ?? ko[2];
  const parts = a.split(',').map((p) => p.trim()).filter(Boolean);
  // "12 Main St, Springfield, IL 62704": the city is the first part without a house number after the street
  if (parts.length >= 2) return parts.slice(1).find((p) => !/\d/.test(p)) ?? parts[1].replace(/\s*\d.*$/, '');
  return undefined;
}

/** Keeps the first `keep` digits of a postal code and drops the rest. */
export function generalizePostalCode(code: string, keep = 3): string {
  return compact(code).slice(0, keep);
}
