// Keyword-led detections: names, addresses, birth dates and postal codes after a label (姓名, 주소, Name: ...).
import type { DetectedKind } from './deid.model.ts';
import type { RawHit } from './scan-types.ts';
import { isRealDate } from './checksums.ts';
import { foldWidth } from './text.ts';
import { labelAt, type LabelFamily as Family } from './keyword-labels.ts';
import type { Candidates } from './scan-candidates.ts';

const GAP = /[ \t\u3000]{0,3}(?:[:：]|is|은|는|为|為)?[ \t\u3000]{0,3}/y;

const D = '[0-9\\uFF10-\\uFF19]';
const HAN_NAME = /[\u4e00-\u9fff][\u4e00-\u9fff·]{1,3}/y;
const HANGUL_NAME = /[\uac00-\ud7a3]{2,4}/y;
const LATIN_NAME = /[A-Z][a-z'-]{1,20}(?:[ -](?!(?:Address|Email|Phone|Tel|Mobile|Date|DOB|Postal|Passport|Card|Name)\b)[A-Z][a-z'-]{1,20}){0,3}(?![A-Za-z])/y;
const DATE = new RegExp(`(${D}{4})\\s*(?:[-/.年]|년\\s*)\\s*(${D}{1,2})\\s*(?:[-/.月]|월\\s*)\\s*(${D}{1,2})(?:\\s*[日일])?|(${D}{4})(${D}{2})(${D}{2})(?!${D})`, 'y');
const POSTAL = new RegExp(`${D}{3}(?:${D}{2,3})?(?!${D})`, 'y');
const HONORIFIC = /(先生|女士|小姐|同学|同學|老师|老師|씨|님)$/;
const ADDRESS_STOP = /[\n\r;；。|]|，|、|\s(?:Tel|Phone|Email|E-mail|Mobile)\b|(?:电话|電話|手机|手機|邮编|郵遞|邮箱|郵箱|전화|휴대폰|우편번호|이메일)/;

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function name(text: string, at: number): [number, number] | undefined {
  const m = sticky(HAN_NAME, text, at) ?? sticky(HANGUL_NAME, text, at) ?? sticky(LATIN_NAME, text, at);
  if (!m) return undefined;
  const v = m[0].replace(HONORIFIC, '');
  return v.length >= 2 ? [at, at + v.length] : undefined;
}

function birth(text: string, at: number): [number, number] | undefined {
  const m = sticky(DATE, text, at);
  if (!m) return undefined;
  const p = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).map((x) => Number(foldWidth(x)));
  return isRealDate(p[0], p[1], p[2], new Date()) && p[0] >= 1880 ? [at, at + m[0].length] : undefined;
}

function address(text: string, at: number): [number, number] | undefined {
  const window = text.slice(at, at + 80);
  const stop = ADDRESS_STOP.exec(window);
  let v = stop ? window.slice(0, stop.index) : window;
  v = v.replace(/[\s,，.]+$/, '');
  if (v.length < 4) return undefined;
  // a label alone does not make an address: it needs a number or an address word
  if (!/[0-9０-９]|[路街道号號区區市省县縣镇鎮村巷弄楼樓室동로길구시군읍면리층호]|\b(?:St|Rd|Ave|Road|Street|Lane|Floor|Flat)\b/.test(v)) return undefined;
  return [at, at + v.length];
}

function postal(text: string, at: number): [number, number] | undefined {
  const m = sticky(POSTAL, text, at);
  return m && m[0].length !== 4 ? [at, at + m[0].length] : undefined;
}

const PARSE: Record<Family, (t: string, at: number) => [number, number] | undefined> = { name, birth, address, postal };
const KIND: Record<Family, DetectedKind> = { name: 'name', birth: 'birth-date', address: 'address', postal: 'postal-code' };
const CONFIDENCE: Record<Family, number> = { name: 0.85, birth: 0.9, address: 0.8, postal: 0.85 };

/** Finds values after labels starting in [from, to) (`cands` holds the label starts); returns the end of the last value. */
export function scanKeywords(text: string, from: number, to: number, out: RawHit[], cands: Candidates): number {
  let resume = to;
  for (let i = 0; i < cands.labelCount; i++) {
    const p = cands.labels[i];
    if (p < from) continue;
    const m = labelAt(text, p);
    if (!m) continue;
    const g = sticky(GAP, text, m.end);
    const at = m.end + (g ? g[0].length : 0);
    const span = PARSE[m.family](text, at);
    from = m.end;
    if (!span) continue;
    out.push({ type: KIND[m.family], start: span[0], end: span[1], checkDigit: 'not-applicable', confidence: CONFIDENCE[m.family] });
    if (span[1] > resume) resume = span[1];
    from = span[1];
  }
  return resume;
}
