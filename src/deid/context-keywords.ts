// Context words near a candidate: they raise confidence, pick a region, or mark a distractor (order numbers).
// Matched in place over the text (no slice, no lower-cased copy, no regex): this runs for nearly every token.

/** Keyword families looked up in the few characters before a candidate (lower-cased). */
export const KEYWORDS = {
  ric: ['身份证', '身份證', '证件号', '證件號', '公民身份', '居民身份', 'id card', 'id no', 'identity', '居住证', '居住證'],
  uscc: ['信用代码', '信用代碼', '营业执照', '營業執照', '税号', '稅號', 'credit code', 'uscc'],
  card: ['卡号', '卡號', '银行卡', '銀行卡', '信用卡', '借记卡', '카드', 'card', '账号', '帳號', '계좌'],
  passport: ['护照', '護照', '여권', 'passport', '通行证', '通行證'],
  hkid: ['香港身份', '身份證', 'hkid', 'hong kong id', '香港'],
  moid: ['澳門', '澳门', 'bir', 'macau', 'macao'],
  twid: ['身分證', '身份證', '居留證', '統一證號', 'national id', 'arc', 'taiwan'],
  rrn: ['주민등록', '주민번호', '외국인등록', '등록번호', 'rrn', 'arn', 'registration no', 'resident registration'],
  brn: ['사업자', 'business registration', 'brn', '사업자등록번호'],
  driver: ['운전면허', '면허번호', 'driver', 'licence', 'license'],
  imei: ['imei', '串号', '串號', '序列号', '機身碼', '단말기', '기기번호'],
  phone: ['电话', '電話', '手机', '手機', '联系', '聯絡', '联络', '전화', '휴대폰', '핸드폰', '연락처', 'tel', 'phone', 'mobile', 'call', '致电', '热线', 'whatsapp', '微信'],
  negative: ['订单', '訂單', '单号', '單號', '运单', '運單', '快递', '快遞', '物流', '流水', '交易号', '交易號', '发票', '發票', '票号', '주문', '운송장', '송장',
    'order', 'tracking', 'invoice', 'sku', 'ref', 'txn', 'transaction', 'serial', 'barcode', 'isbn', 'version', 'build', 'timestamp', 'ts=', '时间戳', '時間戳', '타임스탬프'],
} as const;

/** A keyword family name. */
export type KeywordFamily = keyof typeof KEYWORDS;

const FAMILIES = Object.keys(KEYWORDS) as KeywordFamily[];
/** The bit of each family in the flags keywordFlags() returns. */
export const FAMILY_BIT = Object.fromEntries(FAMILIES.map((f, i) => [f, 1 << i])) as Record<KeywordFamily, number>;

interface Word {
  word: string;
  flags: number;
}
const WORD_FLAGS = new Map<string, number>();
for (const f of FAMILIES) for (const w of KEYWORDS[f]) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | FAMILY_BIT[f]);
// per first character, longest first: at one position only the longest word counts, as in a longest-first alternation;
// FIRST[c] is 1 + the index of c's list in LISTS (0: no word starts with c)
const LISTS: Word[][] = [];
const FIRST = new Uint16Array(0x10000);
for (const [word, flags] of [...WORD_FLAGS].sort((a, b) => b[0].length - a[0].length)) {
  const c = word.charCodeAt(0);
  if (FIRST[c] === 0) FIRST[c] = LISTS.push([]);
  LISTS[FIRST[c] - 1].push({ word, flags });
}

// toLowerCase() as far as matching goes: keywords hold lower-case ASCII and caseless CJK/Hangul, and the only
// other character lower-casing into ASCII is the Kelvin sign; U+0130 (İ) becomes two characters, see below
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x212a ? 107 : c;
}

const ANY_KEYWORD = new RegExp([...WORD_FLAGS.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\=]/g, '\\$&')).join('|'), 'g');

// the reference form, for a clause holding İ whose lower-case form is longer than itself
function flagsOfLowered(clause: string): number {
  let flags = 0;
  ANY_KEYWORD.lastIndex = 0;
  for (let m = ANY_KEYWORD.exec(clause); m; m = ANY_KEYWORD.exec(clause)) {
    flags |= WORD_FLAGS.get(m[0])!;
    ANY_KEYWORD.lastIndex = m.index + 1;
  }
  return flags;
}

/** Family bits of the keywords found (case-insensitively, overlapping) in text[from, to). */
export function keywordFlags(text: string, from: number, to: number): number {
  let flags = 0;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x130) return flagsOfLowered(text.slice(from, to).toLowerCase());
    const l = lower(c);
    const list = FIRST[l];
    if (list === 0) continue;
    for (const w of LISTS[list - 1]) {
      const n = w.word.length;
      if (p + n > to) continue;
      let k = 1;
      while (k < n && lower(text.charCodeAt(p + k)) === w.word.charCodeAt(k)) k++;
      if (k === n) {
        flags |= w.flags;
        break;
      }
    }
  }
  return flags;
}
