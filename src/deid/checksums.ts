// Check-digit algorithms and date plausibility for CN / HK / TW / KR identifiers (../shared/pii/identifiers.md §1).

const RIC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RIC_MAP = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a PRC resident ID. */
export function ricCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (first17.charCodeAt(i) - 48) * RIC_WEIGHTS[i];
  return RIC_MAP[s % 11];
}

/** PRC province-level codes (first two digits of a resident ID), HK/MO/TW permits included. */
export const CN_PROVINCES: Record<string, [zh: string, en: string]> = {
  '11': ['北京市', 'Beijing'], '12': ['天津市', 'Tianjin'], '13': ['河北省', 'Hebei'], '14': ['山西省', 'Shanxi'],
  '15': ['内蒙古自治区', 'Inner Mongolia'], '21': ['辽宁省', 'Liaoning'], '22': ['吉林省', 'Jilin'],
  '23': ['黑龙江省', 'Heilongjiang'], '31': ['上海市', 'Shanghai'], '32': ['江苏省', 'Jiangsu'], '33': ['浙江省', 'Zhejiang'],
  '34': ['安徽省', 'Anhui'], '35': ['福建省', 'Fujian'], '36': ['江西省', 'Jiangxi'], '37': ['山东省', 'Shandong'],
  '41': ['河南省', 'Henan'], '42': ['湖北省', 'Hubei'], '43': ['湖南省', 'Hunan'], '44': ['广东省', 'Guangdong'],
  '45': ['广西壮族自治区', 'Guangxi'], '46': ['海南省', 'Hainan'], '50': ['重庆市', 'Chongqing'], '51': ['四川省', 'Sichuan'],
  '52': ['贵州省', 'Guizhou'], '53': ['云南省', 'Yunnan'], '54': ['西藏自治区', 'Tibet'], '61': ['陕西省', 'Shaanxi'],
  '62': ['甘肃省', 'Gansu'], '63': ['青海省', 'Qinghai'], '64': ['宁夏回族自治区', 'Ningxia'], '65': ['新疆维吾尔自治区', 'Xinjiang'],
  '71': ['台湾省', 'Taiwan'], '81': ['香港特别行政区', 'Hong Kong'], '82': ['澳门特别行政区', 'Macau'], '83': ['台湾地区居民', 'Taiwan residents'],
};

/** True when y-m-d is a real calendar date, and not after `notAfter` when given. */
export function isRealDate(y: number, m: number, d: number, notAfter?: Date): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > dim) return false;
  if (notAfter) {
    const t = Date.UTC(y, m - 1, d);
    if (t > notAfter.getTime()) return false;
  }
  return true;
}

const num = (s: string, a: number, b: number) => Number(s.slice(a, b));

/** Structure of an 18-character resident ID: province and birth date plausible (check digit not looked at). */
export function ricShapeOk(id: string, now = new Date()): boolean {
  if (!(id.slice(0, 2) in CN_PROVINCES)) return false;
  const y = num(id, 6, 10);
  return y >= 1800 && isRealDate(y, num(id, 10, 12), num(id, 12, 14), now);
}

/** Structure of a 15-digit (1989) resident ID: province and YYMMDD date plausible. */
export function ric15ShapeOk(id: string): boolean {
  if (!(id.slice(0, 2) in CN_PROVINCES)) return false;
  return isRealDate(1900 + num(id, 6, 8), num(id, 8, 10), num(id, 10, 12));
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters of a USCC, or undefined for a bad character. */
export function usccCheckChar(first17: string): string | undefined {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return undefined;
    s += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (s % 31)) % 31];
}

/** True when an 18-character upper-case string is a USCC whose check character holds. */
export function usccValid(c: string): boolean {
  return c.length === 18 && /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(c) && usccCheckChar(c) === c[17];
}

/** The HKID check character for 1-2 letters + 6 digits. */
export function hkidCheckChar(body: string): string {
  const padded = body.length === 7 ? ` ${body}` : body;
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const ch = padded.charCodeAt(i);
    const v = ch === 32 ? 36 : ch >= 65 ? ch - 55 : ch - 48;
    s += v * (9 - i);
  }
  const c = (11 - (s % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}

const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** True when a Taiwan national ID or resident certificate (new or old form) passes its checksum. */
export function twChecksumOk(id: string): boolean {
  const lv = TW_LETTERS.indexOf(id[0]) + 10;
  if (lv < 10) return false;
  let s = Math.floor(lv / 10) + (lv % 10) * 9;
  const second = id.charCodeAt(1);
  // old resident certificates carry a letter in position 2: its value's units digit weighs 8
  s += second >= 65 ? ((TW_LETTERS.indexOf(id[1]) + 10) % 10) * 8 : (second - 48) * 8;
  for (let i = 2; i < 9; i++) s += (id.charCodeAt(i) - 48) * (9 - i);
  s += id.charCodeAt(9) - 48;
  return s % 10 === 0;
}

/** The last digit that makes a Taiwan ID body (9 chars) pass. */
export function twCheckDigit(body9: string): string {
  for (let d = 0; d < 10; d++) if (twChecksumOk(body9 + d)) return String(d);
  return '0';
}

function krSum(d: string): number {
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let s = 0;
  for (let i = 0; i < 12; i++) s += (d.charCodeAt(i) - 48) * w[i];
  return s;
}

/** The pre-2020-10 RRN check digit of the first 12 digits. */
export function krRrnCheckDigit(first12: string): string {
  return String((11 - (krSum(first12) % 11)) % 10);
}

/** True when a 13-digit ARN passes either published pre-2020 formula (sources disagree, §1.10). */
export function krArnChecksumOk(d: string): boolean {
  const s = krSum(d) % 11;
  const c = d.charCodeAt(12) - 48;
  return (13 - s) % 10 === c || (11 - s) % 10 === c;
}

/** Century of a KR RRN/ARN gender digit, or undefined for an unknown digit. */
export function krCentury(g: number): number | undefined {
  return [1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800][g];
}

/** True when the YYMMDD and gender digit of a 13-digit KR number make a real past date. */
export function krDateOk(d: string, now = new Date()): boolean {
  const century = krCentury(d.charCodeAt(6) - 48);
  if (century === undefined) return false;
  return isRealDate(century + num(d, 0, 2), num(d, 2, 4), num(d, 4, 6), now);
}

/** The KR business registration number check digit of the first 9 digits. */
export function krBrnCheckDigit(first9: string): string {
  const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let s = 0;
  for (let i = 0; i < 9; i++) s += (first9.charCodeAt(i) - 48) * w[i];
  s += Math.floor(((first9.charCodeAt(8) - 48) * 5) / 10);
  return String((10 - (s % 10)) % 10);
}

/** True when a digit string passes the Luhn check. */
export function luhnOk(d: string): boolean {
  let s = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let v = d.charCodeAt(i) - 48;
    if (dbl) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    s += v;
    dbl = !dbl;
  }
  return s % 10 === 0;
}

/** The Luhn check digit to append to a digit string. */
export function luhnCheckDigit(body: string): string {
  for (let c = 0; c < 10; c++) if (luhnOk(body + c)) return String(c);
  return '0';
}
