// Context words near a candidate: they raise confidence, pick a region, or mark a distractor (order numbers).

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

/** Script of the surrounding text, used to pick a region for ambiguous numbers. */
export type ScriptHint = 'ko' | 'zh-Hans' | 'zh-Hant' | 'other';

// characters that exist only in one of the two Chinese scripts, common in contact details
const HANT = new Set('電話號碼臺灣縣區為與這個們聯絡證國時間書館體會開關門機');
const HANS = new Set('电话号码台湾县区为与这个们联络证国时间书馆体会开关门机');

const FAMILIES = Object.keys(KEYWORDS) as KeywordFamily[];
const FAMILY_BIT = Object.fromEntries(FAMILIES.map((f, i) => [f, 1 << i])) as Record<KeywordFamily, number>;
const WORD_FLAGS = new Map<string, number>();
for (const f of FAMILIES) for (const w of KEYWORDS[f]) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | FAMILY_BIT[f]);
// longest words first so that a word and its prefix (사업자 / 사업자등록번호) both count via overlapping search
const ANY_KEYWORD = new RegExp([...WORD_FLAGS.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\=]/g, '\\$&')).join('|'), 'g');

const CLAUSE_END = new Set('。；;！？!?，,\n\r|');

/** Lazily computed context of one candidate. */
export class CandidateContext {
  private lower?: string;
  private hint?: ScriptHint;
  constructor(private readonly text: string, private readonly start: number, private readonly end: number) {}

  /** True when a word of the family occurs in the 24 characters before the candidate. */
  has(family: KeywordFamily): boolean {
    if (this.lower === undefined) {
      // only the candidate's own clause counts: a label in the previous sentence says nothing about it
      const before = this.text.slice(Math.max(0, this.start - 24), this.start);
      let cut = -1;
      // a label describes the next number: stop at a clause end or at an earlier number
      for (let i = before.length - 1; i >= 0; i--) {
        const c = before.charCodeAt(i);
        if (CLAUSE_END.has(before[i]) || (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || (c === 46 && before.charCodeAt(i + 1) === 32)) {
          cut = i;
          break;
        }
      }
      this.lower = before.slice(cut + 1).toLowerCase();
    }
    if (this.flags === undefined) {
      // one pass of one regex over the clause sets every family's flag at once
      this.flags = 0;
      if (this.lower.length > 0) {
        ANY_KEYWORD.lastIndex = 0;
        for (let m = ANY_KEYWORD.exec(this.lower); m; m = ANY_KEYWORD.exec(this.lower)) {
          this.flags |= WORD_FLAGS.get(m[0])!;
          ANY_KEYWORD.lastIndex = m.index + 1;
        }
      }
    }
    return (this.flags & FAMILY_BIT[family]) !== 0;
  }

  private flags?: number;

  /** The script around the candidate (Hangul wins; then Traditional vs Simplified marker characters). */
  script(): ScriptHint {
    if (this.hint) return this.hint;
    // the candidate's own line, at most 40 characters before and 20 after
    let from = Math.max(0, this.start - 40);
    let to = Math.min(this.text.length, this.end + 20);
    const nl = this.text.lastIndexOf('\n', this.start);
    if (nl >= from) from = nl + 1;
    const nr = this.text.indexOf('\n', this.end);
    if (nr >= 0 && nr < to) to = nr;
    let hangul = 0;
    let han = 0;
    let hant = 0;
    let hans = 0;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xac00 && c <= 0xd7a3) hangul++;
      else if (c >= 0x4e00 && c <= 0x9fff) {
        han++;
        const ch = this.text[i];
        if (HANT.has(ch)) hant++;
        else if (HANS.has(ch)) hans++;
      }
    }
    this.hint = hangul > 0 && hangul >= han / 2 ? 'ko' : han > 0 ? (hant > hans ? 'zh-Hant' : 'zh-Hans') : 'other';
    return this.hint;
  }
}
